import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/model/calendar.js';
import { parseDate } from '../../src/model/parse-date.js';

const iso = (text: string, format: Parameters<typeof parseDate>[1] = 'YYYY-MM-DD'): string | undefined => {
  const day = parseDate(text, format);
  return day === undefined ? undefined : formatDay(day);
};

describe('parseDate', () => {
  it('reads ISO dates, with spaces around', () => {
    expect(iso('2024-01-05')).toBe('2024-01-05');
    expect(iso(' 2024-01-05 ')).toBe('2024-01-05');
  });
  it('takes an ISO date-time as its UTC day', () => {
    expect(iso('2024-01-05T13:22:01Z')).toBe('2024-01-05');
    expect(iso('2024-01-05 13:22:01')).toBe('2024-01-05');
    expect(iso('2024-01-05T13:22:01.123Z')).toBe('2024-01-05');
    expect(iso('2024-01-05T23:30:00-05:00')).toBe('2024-01-06'); // 04:30 UTC next day
    expect(iso('2024-01-05T01:00:00+02:00')).toBe('2024-01-04'); // 23:00 UTC the day before
    expect(iso('2024-01-05T01:00')).toBe('2024-01-05');
  });
  it('never guesses a layout', () => {
    expect(iso('03/04/2024')).toBeUndefined();
    expect(iso('03/04/2024', 'MM/DD/YYYY')).toBe('2024-03-04');
    expect(iso('03/04/2024', 'DD/MM/YYYY')).toBe('2024-04-03');
    expect(iso('03.04.2024', 'DD.MM.YYYY')).toBe('2024-04-03');
    expect(iso('2024-04-03', 'DD/MM/YYYY')).toBe('2024-04-03'); // ISO is always read
    expect(iso('03.04.2024', 'DD/MM/YYYY')).toBeUndefined();
  });
  it.each(['2024-02-30', '2024-13-01', '2024-00-10', '24-01-05', '2024/01/05', 'yesterday', '', '2024-01-05T25:00:00Z', '45123'])(
    'rejects %j',
    (text) => {
      expect(parseDate(text, 'YYYY-MM-DD')).toBeUndefined();
    },
  );
  it('rejects impossible days in other layouts', () => {
    expect(iso('31/02/2024', 'DD/MM/YYYY')).toBeUndefined();
    expect(iso('02/31/2024', 'MM/DD/YYYY')).toBeUndefined();
  });
});
