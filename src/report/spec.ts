// The single input of every report: what to compute, as of when, under which policy. Built from flags
// in cli/options.ts; report functions never read the clock or argv.
import type { Calendar, Day } from '../model/calendar.js';
import type { Level } from '../model/entities.js';
import type { SegmentSpec } from '../model/segment-spec.js';

export type Unit = 'mrr' | 'arr';

export interface FxRate {
  currency: string;
  /** Reporting units per one foreign unit, as written by the user ("1.10"). */
  rate: string;
}

export interface ReportSpec {
  level: Level;
  calendar: Calendar;
  asOf: Day;
  /** Periods shown: from the period containing `from` to the one containing `to` (both optional). */
  from: Day | undefined;
  to: Day | undefined;
  graceDays: number;
  unit: Unit;
  currency: string;
  fx: readonly FxRate[];
  endExclusive: boolean;
  annualize: boolean;
  /** `--by`: segment keys, bands and cohort period (METRICS.md §6); absent = no segments. */
  segments?: SegmentSpec;
}
