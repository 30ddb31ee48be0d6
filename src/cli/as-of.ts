// --as-of: a date, or a name for the day a report is usually run up to. `today` is the current UTC day;
// `last-month-end`, `last-quarter-end` and `last-year-end` are the last day of the month, quarter or year
// before the one containing today, so a report run on the 3rd still closes the finished period. Quarters and
// years follow --fiscal-year-start, as the period labels do.
import { periodEnd, periodOf, type Day, type PeriodKind } from '../model/calendar.js';
import { parseDate } from '../model/parse-date.js';
import { UsageError } from './errors.js';

export const asOfKeywords = ['today', 'last-month-end', 'last-quarter-end', 'last-year-end'] as const;

const keywordPeriods: Record<string, PeriodKind> = { 'last-month-end': 'month', 'last-quarter-end': 'quarter', 'last-year-end': 'year' };

/** The as-of day of `text` given today's UTC day. */
export function resolveAsOf(text: string, today: Day, fiscalYearStart: number): Day {
  const word = text.trim().toLowerCase();
  if (word === 'today') return today;
  const kind = keywordPeriods[word];
  if (kind !== undefined) {
    const calendar = { kind, fiscalYearStart };
    return periodEnd(calendar, periodOf(calendar, today) - 1);
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text, 'YYYY-MM-DD') : undefined;
  if (day === undefined) throw new UsageError(`--as-of "${text}" is not a date (expected YYYY-MM-DD, or one of ${asOfKeywords.join(', ')})`);
  return day;
}
