// What a report's renderers, --compare, diff and --fail-if need to know of one measure, in one record keyed by
// the measure's own type, so a new measure is one entry and the compiler names every table that lacks it.

/** money: minor units, relative threshold · count: integers, never highlighted · rate: percentage points · ratio: relative threshold. */
export type MeasureKind = 'money' | 'count' | 'rate' | 'ratio';

/** Which way is good: churn up is bad, NRR up is good. */
export type Direction = 'up' | 'down' | 'none';

/**
 * How a move becomes a change in CMRR, the order of the highlights in diff:
 * 'self' = the money change itself; a key = the rate change × that money measure of B (e.g. ΔGRR × begin);
 * 'none' = no money meaning: counts and logo rates (a logo is not a dollar), the quick ratio, and the
 * trailing-twelve-month rates (their base, MRR a year earlier, is not in the report).
 */
export type Impact = 'self' | 'none' | { base: string };

export interface MeasureInfo {
  /** Full name, where a measure stands alone (diff rows). */
  label: string;
  /** Column header in the tables, where money and counts stand in separate tables. */
  shortLabel: string;
  /** snake_case column name in CSV and the tidy layout's measure name. */
  csvKey: string;
  kind: MeasureKind;
  better: Direction;
  impact: Impact;
}
