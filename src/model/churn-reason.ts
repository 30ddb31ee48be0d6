// Churn reason classes (METRICS.md §7): a reason map sends exact values to classes first; otherwise keywords
// decide, matched case-insensitively inside the reason text with punctuation read as spaces. An empty reason is
// unspecified on both axes. Invariant: every reason text gets exactly one class on each axis.

export const avoidableClasses = ['avoidable', 'unavoidable', 'unspecified'] as const;
export const voluntaryClasses = ['voluntary', 'involuntary', 'unspecified'] as const;
export type AvoidableClass = (typeof avoidableClasses)[number];
export type VoluntaryClass = (typeof voluntaryClasses)[number];

export interface ReasonClasses {
  avoidable: AvoidableClass;
  voluntary: VoluntaryClass;
}

/** Exact reason values → classes; an axis left out is decided by the keywords. */
export type ReasonMap = ReadonlyMap<string, Partial<ReasonClasses>>;

// "Death and marriage": the customer ceased to exist or was absorbed, so no renewal effort could have kept it.
const unavoidableKeywords = ['bankrupt', 'out of business', 'closed', 'ceased', 'dissolved', 'liquidat', 'acquired', 'acquisition', 'merger', 'merged'];
const involuntaryKeywords = ['payment', 'card', 'declined', 'delinquen', 'dunning', 'unpaid', 'past due', 'fraud'];

/** Lower case, every run of characters other than letters and digits read as one space, padded. */
function normalizeReason(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function containsAny(normalized: string, keywords: readonly string[]): boolean {
  return keywords.some((k) => normalized.includes(k));
}

export function classifyReason(reason: string, map?: ReasonMap): ReasonClasses {
  const mapped = map?.get(reason);
  const text = reason.trim();
  if (text === '' && mapped === undefined) return { avoidable: 'unspecified', voluntary: 'unspecified' };
  const normalized = normalizeReason(text);
  return {
    avoidable: mapped?.avoidable ?? (text === '' ? 'unspecified' : containsAny(normalized, unavoidableKeywords) ? 'unavoidable' : 'avoidable'),
    voluntary: mapped?.voluntary ?? (text === '' ? 'unspecified' : containsAny(normalized, involuntaryKeywords) ? 'involuntary' : 'voluntary'),
  };
}
