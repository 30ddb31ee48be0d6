// A source profile resolved against one header row: every rule becomes a field position, decided once per
// file, so the row parser never branches on the source name (METRICS.md §8). Positions are 0-based.
import type { CanonicalColumn } from './column-map.js';
import type { ExclusionRule, MoneySource, SourceName, SourceProfile } from './source-profiles.js';

export interface PlannedExclusion {
  position: number;
  rule: ExclusionRule;
}

export interface RowPlan {
  source: SourceName;
  /** Positions tried after the primary one, in order, when it is empty (coalesced columns). */
  alternates: Partial<Record<CanonicalColumn, readonly number[]>>;
  moneyOrder: readonly MoneySource[];
  /** Money columns hold integer minor units of the row's currency. */
  amountMinor: boolean;
  amountPerUnit: boolean;
  discountIsPercent: boolean;
  /** Months of the billing period are multiplied by this column's whole number. */
  periodCount: number | undefined;
  /** The billing period is the span between these date columns (end exclusive) when the row has none. */
  periodSpan: { from: number; to: number } | undefined;
  /** An amount with no billing period covers the line's own span. */
  lineSpan: boolean;
  termMonths: number | undefined;
  cancelAtPeriodEnd: { requested: number; flag: number | 'always'; periodEnd: number } | undefined;
  trialEnd: number | undefined;
  /** 1 where naive date-times are UTC (converted to --timezone); by position. */
  utcColumns: Uint8Array;
  exclusions: readonly PlannedExclusion[];
  /** Positions the plan reads besides the canonical columns (kept as dimensions, never given to an alias). */
  auxiliary: ReadonlySet<number>;
}

export interface PlanDefaults {
  /** --billing-period span (or a config saying so). */
  billingSpan: boolean;
  /** --amount-unit; undefined = the profile's. */
  amountUnit: 'major' | 'minor' | undefined;
}

/** `find(header)` = the position of a header (normalized comparison), −1 when absent. */
export function buildRowPlan(profile: SourceProfile, headers: readonly string[], find: (name: string) => number, defaults: PlanDefaults): RowPlan {
  const auxiliary = new Set<number>();
  const first = (names: readonly string[] | undefined): number | undefined => {
    for (const name of names ?? []) {
      const position = find(name);
      if (position >= 0) {
        auxiliary.add(position);
        return position;
      }
    }
    return undefined;
  };
  const exclusions: PlannedExclusion[] = [];
  for (const rule of profile.exclusions) {
    const position = first(rule.column);
    if (position !== undefined) exclusions.push({ position, rule });
  }
  const spanFrom = first(profile.periodSpan?.from);
  const spanTo = first(profile.periodSpan?.to);
  let cancelAtPeriodEnd: RowPlan['cancelAtPeriodEnd'];
  const rule = profile.cancelAtPeriodEnd;
  if (rule) {
    const requested = first(rule.requested);
    const periodEnd = first(rule.periodEnd);
    const flag = rule.flag === 'always' ? 'always' : first(rule.flag);
    if (requested !== undefined) cancelAtPeriodEnd = { requested, flag: flag ?? -1, periodEnd: periodEnd ?? -1 };
  }
  const utcColumns = new Uint8Array(headers.length);
  if (profile.utcMarker !== undefined) {
    const marker = profile.utcMarker.toLowerCase();
    headers.forEach((h, i) => {
      if (h.toLowerCase().includes(marker)) utcColumns[i] = 1;
    });
  }
  return {
    source: profile.name,
    alternates: {},
    moneyOrder: profile.moneyOrder,
    amountMinor: (defaults.amountUnit ?? profile.amountUnit) === 'minor',
    amountPerUnit: profile.amountPerUnit,
    discountIsPercent: profile.discountIsPercent,
    periodCount: first(profile.periodCount),
    periodSpan: spanFrom !== undefined && spanTo !== undefined ? { from: spanFrom, to: spanTo } : undefined,
    lineSpan: defaults.billingSpan || profile.spanByDefault,
    termMonths: first(profile.termMonths),
    cancelAtPeriodEnd,
    trialEnd: first(profile.trialEnd),
    utcColumns,
    exclusions,
    auxiliary,
  };
}

/** Whether a row can get a billing period without a billing_period field. */
export function planHasPeriod(plan: RowPlan): boolean {
  return plan.lineSpan || plan.periodSpan !== undefined;
}
