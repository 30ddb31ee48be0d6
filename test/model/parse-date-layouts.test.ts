// Dates that real files carry (METRICS.md §8): 1–2 digit day/month layouts, a time after the date, Excel
// serial days, ISO date-times with offsets converted to a time zone, naive date-times of UTC columns.
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/model/calendar.js';
import { parseDate, parseDateAt, type DateFormat } from '../../src/model/parse-date.js';
import { TimeZone } from '../../src/model/time-zone.js';

const iso = (text: string, format: DateFormat, zone?: TimeZone, naiveIsUtc = false): string | undefined => {
  const day = parseDateAt(text, 0, text.length, format, zone, naiveIsUtc);
  return day === undefined ? undefined : formatDay(day);
};

describe('layouts', () => {
  it('reads one- or two-digit day and month, and ignores a time after the date', () => {
    expect(iso('3/5/2024', 'MM/DD/YYYY')).toBe('2024-03-05');
    expect(iso('3/5/2024', 'DD/MM/YYYY')).toBe('2024-05-03');
    expect(iso('12/31/2024 10:22 AM', 'MM/DD/YYYY')).toBe('2024-12-31');
    expect(iso('1/2/2024, 10:22', 'MM/DD/YYYY')).toBe('2024-01-02');
    expect(iso('5.3.2024', 'DD.MM.YYYY')).toBe('2024-03-05');
  });
  it('auto reads ISO and dotted (day-first) dates, never slashed ones by itself', () => {
    expect(iso('2024-03-05', 'auto')).toBe('2024-03-05');
    expect(iso('05.03.2024', 'auto')).toBe('2024-03-05');
    expect(iso('03/05/2024', 'auto')).toBeUndefined();
  });
  it.each(['123/4/2024', '1/2/24', '1//2024', '13/13/2024', '1/2/2024x'])('rejects %j', (text) => {
    expect(iso(text, 'MM/DD/YYYY')).toBeUndefined();
  });
});

describe('Excel serial days (--date-format excel)', () => {
  it.each([
    ['45292', '2024-01-01'],
    ['45292.75', '2024-01-01'], // the fraction is the time of day
    ['25569', '1970-01-01'],
    ['61', '1900-03-01'], // after Excel's phantom 1900-02-29 (serial 60)
    ['59', '1900-02-28'],
    ['1', '1900-01-01'],
  ])('%s is %s', (serial, day) => {
    expect(iso(serial, 'excel')).toBe(day);
  });
  it('rejects serial 60 (a day that never was), 0, and text; ISO is still read', () => {
    expect(iso('60', 'excel')).toBeUndefined();
    expect(iso('0', 'excel')).toBeUndefined();
    expect(iso('-3', 'excel')).toBeUndefined();
    expect(iso('2024-01-01', 'excel')).toBe('2024-01-01');
    expect(parseDate('45292', 'YYYY-MM-DD')).toBeUndefined(); // never without the flag
  });
});

describe('date-times and time zones (--timezone)', () => {
  const paris = new TimeZone('Europe/Paris');
  const newYork = new TimeZone('America/New_York');
  it('converts a date-time with an offset to the zone: the day can change', () => {
    // 2024-01-05T23:30-05:00 = 2024-01-06T04:30Z = 05:30 in Paris (winter, +1).
    expect(iso('2024-01-05T23:30:00-05:00', 'auto', paris)).toBe('2024-01-06');
    expect(iso('2024-01-05T23:30:00Z', 'auto', paris)).toBe('2024-01-06');
    expect(iso('2024-07-05T22:30:00Z', 'auto', paris)).toBe('2024-07-06'); // summer, +2
    expect(iso('2024-07-05T21:30:00Z', 'auto', paris)).toBe('2024-07-05');
    expect(iso('2024-03-10T04:30:00Z', 'auto', newYork)).toBe('2024-03-09'); // 23:30 EST, the night DST starts
    expect(iso('2024-03-10T07:30:00Z', 'auto', newYork)).toBe('2024-03-10'); // 03:30 EDT
  });
  it('takes a naive date-time as written, except in UTC columns', () => {
    expect(iso('2024-01-05 23:30', 'auto', paris)).toBe('2024-01-05');
    expect(iso('2024-01-05 23:30', 'auto', paris, true)).toBe('2024-01-06');
    expect(iso('2024-01-05 03:00', 'auto', newYork, true)).toBe('2024-01-04');
    expect(iso('2024-01-05 03:00', 'auto', undefined, true)).toBe('2024-01-05'); // UTC stays UTC
  });
  it('fixed offsets and an hour-only offset', () => {
    expect(iso('2024-01-05T20:00:00Z', 'auto', new TimeZone('+10:00'))).toBe('2024-01-06');
    expect(iso('2024-01-05T20:00:00+10', 'auto')).toBe('2024-01-05');
  });
  it('rejects an unknown zone name', () => {
    expect(() => new TimeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
