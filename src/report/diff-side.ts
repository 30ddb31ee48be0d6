// One side of `retain diff` made comparable: the saved rows indexed by period and segment (and age, for
// cohort reports, whose "period" is the cohort), money rescaled to the larger minor unit of the two
// reports, rates and ratios as integer millionths (the JSON has 6 places, so the comparison is exact),
// counts as written.
import type { DiffMeasure } from './diff-measures.js';
import type { SavedReport, SavedRow } from '../model/saved-report.js';

/** A saved row as the diff uses it (its calendar end plays no part). */
export type DiffRow = Omit<SavedRow, 'end'>;

/** A saved report (model/saved-report.ts) with the rows the diff uses. */
export type SavedReportInput = Omit<SavedReport, 'rows'> & { rows: readonly DiffRow[] };


export interface PeriodInfo {
  label: string;
  start: string;
  partial: boolean;
}

export interface DiffSideData {
  file: string;
  asOf: string;
  /** Distinct periods in time order. */
  periods: PeriodInfo[];
}

export interface IndexedRow {
  segment: Readonly<Record<string, string>> | null;
  age: number | null;
  /** The calendar period the figures are of: the period itself, or a cohort cell's period. */
  calendar: string;
  partial: boolean;
  values: ReadonlyMap<string, number | null>;
}

export interface SideIndex {
  data: DiffSideData;
  /** period label → row key (segment, then age) → row. */
  index: ReadonlyMap<string, ReadonlyMap<string, IndexedRow>>;
  /** Every calendar period this side covers, and whether it was partial (still running at its as-of). */
  calendarPartial: ReadonlyMap<string, boolean>;
}

/** "" for the total row, else `k=v` pairs sorted by key: --by region,size and --by size,region match. */
export function segmentKey(segment: Readonly<Record<string, string>> | null): string {
  if (segment === null) return '';
  return Object.keys(segment)
    .sort()
    .map((k) => `${k}=${segment[k]!}`)
    .join('\u0000');
}

/** Within a period: the segment key, then the age zero-padded so that keys sort in age order. */
export function rowKey(segment: Readonly<Record<string, string>> | null, age: number | null): string {
  return age === null ? segmentKey(segment) : `${segmentKey(segment)}\u0001${String(age).padStart(6, '0')}`;
}

export function periodsOf(report: Pick<SavedReportInput, 'rows'>): PeriodInfo[] {
  const seen = new Map<string, PeriodInfo>();
  for (const row of report.rows) if (!seen.has(row.period)) seen.set(row.period, { label: row.period, start: row.start, partial: row.partial });
  return [...seen.values()].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
}

export function sideOf(report: SavedReportInput, digits: number, measures: readonly DiffMeasure[]): SideIndex {
  const moneyFactor = 10 ** (digits - report.digits);
  const index = new Map<string, Map<string, IndexedRow>>();
  const calendarPartial = new Map<string, boolean>();
  for (const row of report.rows) {
    const values = new Map<string, number | null>();
    for (const m of measures) {
      const raw = row.values.get(m.key);
      if (raw === undefined || raw === null) values.set(m.key, null);
      else if (m.kind === 'money') values.set(m.key, raw * moneyFactor);
      else if (m.kind === 'count') values.set(m.key, raw);
      else values.set(m.key, Math.round(raw * 1_000_000));
    }
    let bySegment = index.get(row.period);
    if (!bySegment) index.set(row.period, (bySegment = new Map()));
    const age = row.age ?? null;
    const calendar = row.agePeriod ?? row.period;
    calendarPartial.set(calendar, row.partial);
    bySegment.set(rowKey(row.segment, age), { segment: row.segment, age, calendar, partial: row.partial, values });
  }
  return { data: { file: report.file, asOf: report.asOf, periods: periodsOf(report) }, index, calendarPartial };
}
