// A saved JSON report as `retain diff` reads it back, and its rows: the period (or cohort) and segment it is
// about, and every measure by `group.measure` name, money in minor units. Shared by the reader (io) and the
// comparison (report), which may not import each other.
export interface SavedRow {
  period: string;
  start: string;
  end: string;
  partial: boolean;
  segment: Readonly<Record<string, string>> | null;
  /** Cohort rows: the age and the calendar period of that age (`period` is the cohort). */
  age?: number;
  agePeriod?: string;
  /** `group.measure` → minor units (money strings), the written number (counts, rates), or null. */
  values: ReadonlyMap<string, number | null>;
}

export interface SavedReport {
  /** The path as the user wrote it, for messages. */
  file: string;
  command: string;
  asOf: string;
  policy: Readonly<Record<string, unknown>>;
  currency: string;
  /** Minor-unit digits the money values are expressed in. */
  digits: number;
  rows: SavedRow[];
}
