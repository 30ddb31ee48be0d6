// Days and periods. A Day is the number of days since 1970-01-01 (UTC); periods are integer indexes
// so that "the previous period" is index − 1 and a year ago is index − periodsPerYear.
// METRICS.md §3: week (ISO), month, quarter, year; quarters and years follow the fiscal year start.

export type Day = number;
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian). */
export function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function civilFromDays(z: Day): Civil {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (monthDays[month - 1] ?? 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatDay(day: Day): string {
  const c = civilFromDays(day);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** Strict YYYY-MM-DD → Day, or undefined. */
export function parseIsoDay(text: string): Day | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** The decimal value of text[from, to) when it is all ASCII digits, else −1. */
export function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return to > from ? value : -1;
}

/** The same day of month `months` earlier or later, clamped to the month's last day. */
export function addMonths(day: Day, months: number): Day {
  const c = civilFromDays(day);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
}

/** A kind of period with its fiscal year start (1 = January). */
export interface Calendar {
  kind: PeriodKind;
  fiscalYearStart: number;
}

export function periodsPerYear(kind: PeriodKind): number {
  return kind === 'week' ? 52 : kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
}

// 1970-01-01 is a Thursday, so ISO week 0 starts on Monday 1969-12-29 (day −3).
const mondayOffset = 3;

/** Months since year 0 shifted so that the fiscal year starts at a multiple of 12. */
function fiscalMonthIndex(cal: Calendar, c: Civil): number {
  return c.year * 12 + (c.month - 1) - (cal.fiscalYearStart - 1);
}

export function periodOf(cal: Calendar, day: Day): number {
  if (cal.kind === 'week') return Math.floor((day + mondayOffset) / 7);
  const c = civilFromDays(day);
  if (cal.kind === 'month') return c.year * 12 + (c.month - 1);
  const fm = fiscalMonthIndex(cal, c);
  return cal.kind === 'quarter' ? Math.floor(fm / 3) : Math.floor(fm / 12);
}

export function periodStart(cal: Calendar, period: number): Day {
  if (cal.kind === 'week') return period * 7 - mondayOffset;
  const monthIndex =
    cal.kind === 'month' ? period : (cal.kind === 'quarter' ? period * 3 : period * 12) + (cal.fiscalYearStart - 1);
  const year = Math.floor(monthIndex / 12);
  return daysFromCivil(year, monthIndex - year * 12 + 1, 1);
}

export function periodEnd(cal: Calendar, period: number): Day {
  return periodStart(cal, period + 1) - 1;
}

/** `2024-03`, `2024-Q1`, `2024`, `2024-W09`; with a fiscal start other than January `FY2025-Q1`, `FY2025`. */
export function periodLabel(cal: Calendar, period: number): string {
  if (cal.kind === 'week') {
    const thursday = periodStart(cal, period) + 3;
    const isoYear = civilFromDays(thursday).year;
    const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
    return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
  }
  if (cal.kind === 'month') {
    const year = Math.floor(period / 12);
    return `${pad(year, 4)}-${pad(period - year * 12 + 1, 2)}`;
  }
  const fiscalYearIndex = cal.kind === 'quarter' ? Math.floor(period / 4) : period;
  // A fiscal year is named by the calendar year in which it ends.
  const fiscal = cal.fiscalYearStart !== 1;
  const name = fiscal ? `FY${pad(fiscalYearIndex + 1, 4)}` : pad(fiscalYearIndex, 4);
  return cal.kind === 'quarter' ? `${name}-Q${period - Math.floor(period / 4) * 4 + 1}` : name;
}

/** Parses a label produced by periodLabel back to its index, for --from/--to. */
export function parsePeriodLabel(cal: Calendar, label: string): number | undefined {
  const near = parseLabelApproxDay(label);
  if (near === undefined) return undefined;
  const center = periodOf(cal, near);
  // Fiscal years shift a label by up to 11 months from the calendar reading: look at the neighbours.
  for (let offset = -8; offset <= 8; offset++) {
    if (periodLabel(cal, center + offset) === label) return center + offset;
  }
  return undefined;
}

// A day inside (or next to) the period a label names, so parsePeriodLabel only checks neighbours.
function parseLabelApproxDay(label: string): Day | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return daysFromCivil(Number(m[1]), Math.min(12, Math.max(1, Number(m[2]))), 1);
  m = /^(?:FY)?(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    const fy = label.startsWith('FY') ? Number(m[1]) - 1 : Number(m[1]);
    return daysFromCivil(fy, 1, 1) + (Number(m[2]) - 1) * 91 + 45;
  }
  m = /^(?:FY)?(\d{4})$/.exec(label);
  if (m) return daysFromCivil(label.startsWith('FY') ? Number(m[1]) - 1 : Number(m[1]), 7, 1);
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) return daysFromCivil(Number(m[1]), 1, 4) + (Number(m[2]) - 1) * 7;
  return undefined;
}
