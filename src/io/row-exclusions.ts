// The exclusion rules of a source profile (status → excluded, METRICS.md §8), decided once per distinct value:
// status texts repeat, so each rule keeps an interner of the values seen and the decision for each.
import { Interner } from '../model/interner.js';
import type { PlannedExclusion } from './row-plan.js';
import { normalizeHeader } from './column-map.js';

/** '' = keep the row. */
export type ExclusionDecision = string;

export class ExclusionTable {
  private readonly texts: Interner[];
  private readonly decisions: ExclusionDecision[][];

  constructor(readonly rules: readonly PlannedExclusion[]) {
    this.texts = rules.map(() => new Interner());
    this.decisions = rules.map(() => []);
  }

  /** The decision of rule k for the (trimmed, non-empty) value text[start, end). */
  decide(k: number, text: string, start: number, end: number): ExclusionDecision {
    const id = this.texts[k]!.idOfRange(text, start, end);
    const decisions = this.decisions[k]!;
    if (id === decisions.length) decisions.push(decideValue(this.rules[k]!, text.slice(start, end)));
    return decisions[id]!;
  }
}

export function decideValue(planned: PlannedExclusion, value: string): ExclusionDecision {
  const key = normalizeHeader(value);
  for (const [prefix, reason] of planned.rule.values) if (key.startsWith(prefix)) return reason;
  return planned.rule.otherwise ?? '';
}
