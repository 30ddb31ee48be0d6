// The periods a report shows and the days on which it takes snapshots (METRICS.md §3, §5): the end of
// each period (as-of for the partial last one), the end of the period before the first (begin), and
// for the trailing-twelve-month rates the same day twelve months earlier.
import { addMonths, periodEnd, periodLabel, periodOf, periodStart, type Calendar, type Day } from '../model/calendar.js';

export interface PeriodGrid {
  calendar: Calendar;
  /** Period indexes shown, first..last. */
  first: number;
  count: number;
  labels: string[];
  starts: Int32Array;
  /** Last calendar day of each period. */
  periodEnds: Int32Array;
  /** Snapshot day at the end of each period: its last day, or as-of for the partial one. */
  ends: Int32Array;
  partial: boolean[];
  /** Snapshot day of begin(P): the end of the previous period. */
  beginDay: Day;
  /** Reference day of the TTM rates of each period. */
  ttmDays: Int32Array;
}

const lagPeriods = { week: 52, month: 12, quarter: 4, year: 1 } as const;

export function buildPeriodGrid(calendar: Calendar, firstDay: Day, lastDay: Day, asOf: Day): PeriodGrid {
  const first = periodOf(calendar, firstDay);
  const last = periodOf(calendar, Math.min(lastDay, asOf));
  // An empty range of days (nothing active by as-of) shows no period at all.
  const count = lastDay < firstDay ? 0 : Math.max(0, last - first + 1);
  const labels: string[] = [];
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const periodEnds = new Int32Array(count);
  const partial: boolean[] = [];
  const ttmDays = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const period = first + p;
    labels.push(periodLabel(calendar, period));
    starts[p] = periodStart(calendar, period);
    const end = periodEnd(calendar, period);
    periodEnds[p] = end;
    const isPartial = end > asOf;
    partial.push(isPartial);
    ends[p] = isPartial ? asOf : end;
    if (!isPartial) ttmDays[p] = periodEnd(calendar, period - lagPeriods[calendar.kind]);
    else ttmDays[p] = calendar.kind === 'week' ? asOf - 364 : addMonths(asOf, -12);
  }
  return { calendar, first, count, labels, starts, periodEnds, ends, partial, beginDay: periodStart(calendar, first) - 1, ttmDays };
}
