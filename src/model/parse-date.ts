// Date fields → Day. ISO dates and date-times are always accepted; other layouts only when named by
// --date-format, never guessed (03/04 is March or April depending on the country).
import { daysFromCivil, daysInMonth, digits, type Day } from './calendar.js';

export const dateFormats = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof dateFormats)[number];

export function parseDate(text: string, format: DateFormat): Day | undefined {
  return parseDateAt(text, 0, text.length, format);
}

/** Parses text[start, end) (already trimmed) without slicing in the common YYYY-MM-DD case. */
export function parseDateAt(text: string, start: number, end: number, format: DateFormat): Day | undefined {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const length = end - start;
  if (length === 10) {
    if (text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
      return validDay(digits(text, start, start + 4), digits(text, start + 5, start + 7), digits(text, start + 8, start + 10));
    }
    if (format !== 'YYYY-MM-DD') return parseLayout(text, start, format);
    return undefined;
  }
  const t = text.charCodeAt(start + 10);
  if (length > 10 && (t === 84 || t === 32)) return parseIsoDateTime(text.slice(start, end));
  return undefined;
}

function parseLayout(t: string, s: number, format: DateFormat): Day | undefined {
  const separator = format === 'DD.MM.YYYY' ? 46 : 47;
  if (t.charCodeAt(s + 2) !== separator || t.charCodeAt(s + 5) !== separator) return undefined;
  const first = digits(t, s, s + 2);
  const second = digits(t, s + 3, s + 5);
  const year = digits(t, s + 6, s + 10);
  return format === 'MM/DD/YYYY' ? validDay(year, first, second) : validDay(year, second, first);
}

function validDay(year: number, month: number, day: number): Day | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** `2024-01-05T13:22:01Z`, `2024-01-05 13:22:01`, `2024-01-05T23:30:00-05:00` → the UTC day. */
function parseIsoDateTime(t: string): Day | undefined {
  const m = dateTimePattern.exec(t);
  if (!m) return undefined;
  const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const hours = Number(m[4]);
  const minutes = Number(m[5]);
  const seconds = m[6] === undefined ? 0 : Number(m[6]);
  if (day === undefined || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const zone = m[7];
  if (zone === undefined || zone === 'Z') return day;
  const sign = zone[0] === '-' ? -1 : 1;
  const digitsOnly = zone.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digitsOnly.slice(0, 2)) * 60 + Number(digitsOnly.slice(2, 4)));
  const utcMinutes = hours * 60 + minutes - offsetMinutes;
  return day + Math.floor(utcMinutes / 1440);
}
