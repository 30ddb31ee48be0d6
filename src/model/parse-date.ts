// Date fields → Day. ISO dates and date-times are always accepted; other layouts only when named by
// --date-format or decided from the file itself (auto: a value such as 13/04/2024 proves day-first; a column
// where both readings stay valid throughout is an error), never guessed (03/04 is March or April depending on
// the country). Excel serial day numbers only with 'excel'.
import { daysFromCivil, daysInMonth, digits, type Day } from './calendar.js';
import type { TimeZone } from './time-zone.js';

export const dateFormats = ['auto', 'YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'excel'] as const;
export type DateFormat = (typeof dateFormats)[number];

export function parseDate(text: string, format: DateFormat): Day | undefined {
  return parseDateAt(text, 0, text.length, format);
}

/**
 * Parses text[start, end) without slicing in the common YYYY-MM-DD case. Date-times with an offset are
 * converted to `zone` (UTC when absent); naive ones are taken as written unless `naiveIsUtc`.
 */
export function parseDateAt(text: string, start: number, end: number, format: DateFormat, zone?: TimeZone, naiveIsUtc = false): Day | undefined {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const length = end - start;
  if (length >= 10 && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
    if (length === 10) return validDay(digits(text, start, start + 4), digits(text, start + 5, start + 7), digits(text, start + 8, start + 10));
    const t = text.charCodeAt(start + 10);
    if (t === 84 || t === 32) return parseIsoDateTime(text.slice(start, end), zone, naiveIsUtc);
    return undefined;
  }
  switch (format) {
    case 'MM/DD/YYYY':
    case 'DD/MM/YYYY':
      return parseLayout(text, start, end, 47, format === 'MM/DD/YYYY');
    case 'DD.MM.YYYY':
    case 'auto':
      // Dotted dates are day-first wherever they are written; slashed ones wait for a decided layout.
      return parseLayout(text, start, end, 46, false);
    case 'excel':
      return parseExcelSerial(text.slice(start, end));
    default:
      return undefined;
  }
}

/** D/M/YYYY with 1–2 digit day and month (`3/5/2024`, `03/05/2024`), optionally followed by a time. */
function parseLayout(t: string, s: number, e: number, separator: number, monthFirst: boolean): Day | undefined {
  const parts = splitLayout(t, s, e, separator);
  if (parts === undefined) return undefined;
  return monthFirst ? validDay(parts.year, parts.first, parts.second) : validDay(parts.year, parts.second, parts.first);
}

export interface LayoutParts {
  first: number;
  second: number;
  year: number;
}

/** The three numbers of `N/N/YYYY` (separator given), or undefined. A trailing ` 10:22` or `, 10:22 AM` is ignored. */
export function splitLayout(t: string, s: number, e: number, separator: number): LayoutParts | undefined {
  const a = t.indexOf(String.fromCharCode(separator), s);
  if (a < s + 1 || a > s + 2 || a >= e) return undefined;
  const b = t.indexOf(String.fromCharCode(separator), a + 1);
  if (b < a + 2 || b > a + 3 || b >= e) return undefined;
  const yearEnd = b + 5;
  if (yearEnd > e) return undefined;
  if (yearEnd < e) {
    const c = t.charCodeAt(yearEnd);
    if (c !== 32 && c !== 44 && c !== 84) return undefined; // a time follows: ' ', ',' or 'T'
  }
  const first = digits(t, s, a);
  const second = digits(t, a + 1, b);
  const year = digits(t, b + 1, yearEnd);
  if (first < 0 || second < 0 || year < 0) return undefined;
  return { first, second, year };
}

function validDay(year: number, month: number, day: number): Day | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01 in the 1900 date system
const excelPattern = /^\d{1,7}(?:\.\d+)?$/;

/** Excel 1900-system serial day (45292 = 2024-01-01); the fraction is the time of day. */
function parseExcelSerial(t: string): Day | undefined {
  if (!excelPattern.test(t)) return undefined;
  const serial = Math.floor(Number(t));
  // Excel counts a 29 February 1900 that never was (serial 60): serials before it are one day later.
  if (serial < 1 || serial === 60 || serial > 2958465) return undefined;
  return serial < 60 ? serial - EXCEL_EPOCH_OFFSET + 1 : serial - EXCEL_EPOCH_OFFSET;
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

/** `2024-01-05T13:22:01Z`, `2024-01-05 13:22:01`, `2024-01-05T23:30:00-05:00` → the day in `zone` (UTC by default). */
function parseIsoDateTime(t: string, zone: TimeZone | undefined, naiveIsUtc: boolean): Day | undefined {
  const m = dateTimePattern.exec(t);
  if (!m) return undefined;
  const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const hours = Number(m[4]);
  const minutes = Number(m[5]);
  const seconds = m[6] === undefined ? 0 : Number(m[6]);
  if (day === undefined || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const marker = m[7];
  if (marker === undefined && !naiveIsUtc) return day;
  let offsetMinutes = 0;
  if (marker !== undefined && marker !== 'Z' && marker !== 'UTC') {
    const sign = marker[0] === '-' ? -1 : 1;
    const digitsOnly = marker.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digitsOnly.slice(0, 2)) * 60 + Number(digitsOnly.slice(2, 4) || '0'));
  }
  const utcMinutes = day * 1440 + hours * 60 + minutes - offsetMinutes;
  return zone === undefined ? Math.floor(utcMinutes / 1440) : zone.dayOf(utcMinutes);
}
