import { describe, expect, it } from 'vitest';
import { addMonths, civilFromDays, daysFromCivil, formatDay, parseIsoDay, parsePeriodLabel, periodEnd, periodLabel, periodOf, periodStart, type Calendar } from '../../src/model/calendar.js';

const day = (iso: string): number => parseIsoDay(iso)!;
const cal = (kind: Calendar['kind'], fiscalYearStart = 1): Calendar => ({ kind, fiscalYearStart });

describe('days', () => {
  it('round-trips every day from 1900 to 2100', () => {
    for (let d = daysFromCivil(1900, 1, 1); d <= daysFromCivil(2100, 12, 31); d++) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
  });
  it('parses strict ISO dates only', () => {
    expect(day('1970-01-01')).toBe(0);
    expect(day('2024-02-29')).toBe(19782);
    expect(parseIsoDay('2023-02-29')).toBeUndefined();
    expect(parseIsoDay('2024-13-01')).toBeUndefined();
    expect(parseIsoDay('2024-1-01')).toBeUndefined();
  });
  it('adds months clamped to the month end', () => {
    expect(formatDay(addMonths(day('2024-02-29'), -12))).toBe('2023-02-28');
    expect(formatDay(addMonths(day('2024-03-31'), -1))).toBe('2024-02-29');
    expect(formatDay(addMonths(day('2024-01-15'), 13))).toBe('2025-02-15');
  });
});

describe('periods', () => {
  it.each([
    ['month', 1, '2024-03-15', '2024-03', '2024-03-01', '2024-03-31'],
    ['quarter', 1, '2024-05-15', '2024-Q2', '2024-04-01', '2024-06-30'],
    ['year', 1, '2024-05-15', '2024', '2024-01-01', '2024-12-31'],
    // Fiscal year starting in April: FY2025 = 2024-04-01 … 2025-03-31, named by the year it ends in.
    ['quarter', 4, '2024-04-01', 'FY2025-Q1', '2024-04-01', '2024-06-30'],
    ['quarter', 4, '2025-03-31', 'FY2025-Q4', '2025-01-01', '2025-03-31'],
    ['year', 4, '2024-12-31', 'FY2025', '2024-04-01', '2025-03-31'],
    ['quarter', 10, '2024-10-01', 'FY2025-Q1', '2024-10-01', '2024-12-31'],
    ['year', 2, '2024-01-31', 'FY2024', '2023-02-01', '2024-01-31'],
    // ISO weeks: 2024-12-30 (Monday) is in 2025-W01; 2021-01-03 (Sunday) is in 2020-W53.
    ['week', 1, '2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'],
    ['week', 1, '2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'],
    ['week', 1, '2024-02-29', '2024-W09', '2024-02-26', '2024-03-03'],
  ] as const)('%s (FY start %i): %s is in %s', (kind, fy, d, label, start, end) => {
    const c = cal(kind, fy);
    const p = periodOf(c, day(d));
    expect(periodLabel(c, p)).toBe(label);
    expect(formatDay(periodStart(c, p))).toBe(start);
    expect(formatDay(periodEnd(c, p))).toBe(end);
    expect(parsePeriodLabel(c, label)).toBe(p);
  });
  it('periods tile the calendar: each starts the day after the previous ends', () => {
    for (const kind of ['week', 'month', 'quarter', 'year'] as const) {
      for (const fy of [1, 4, 10]) {
        const c = cal(kind, fy);
        const first = periodOf(c, day('2019-01-01'));
        for (let p = first; p < first + 60; p++) {
          expect(periodStart(c, p + 1)).toBe(periodEnd(c, p) + 1);
          expect(periodOf(c, periodStart(c, p))).toBe(p);
          expect(periodOf(c, periodEnd(c, p))).toBe(p);
        }
      }
    }
  });
  it('rejects labels of another kind', () => {
    expect(parsePeriodLabel(cal('month'), '2024-Q1')).toBeUndefined();
    expect(parsePeriodLabel(cal('quarter', 4), '2024-Q1')).toBeUndefined();
  });
});
