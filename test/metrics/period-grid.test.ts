// The snapshot days of the period grid (METRICS.md §3, §5; docs/metrics.md "trailing twelve months").
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDay } from '../../src/model/calendar.js';
import { buildPeriodGrid } from '../../src/metrics/period-grid.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
};

describe('buildPeriodGrid', () => {
  it('takes the TTM reference of a partial week 364 days (52 whole weeks) before as-of', () => {
    // As-of Wednesday 2025-03-05 falls inside ISO week 2025-W10 (Mon 03-03 .. Sun 03-09): that week is partial,
    // so its snapshot is as-of itself and its TTM reference is the same weekday 52 weeks earlier,
    // Wednesday 2024-03-06 (2025-03-05 − 364 days), not the calendar date a year earlier (2024-03-05, a Tuesday).
    const grid = buildPeriodGrid({ kind: 'week', fiscalYearStart: 1 }, day('2025-02-24'), day('2025-03-05'), day('2025-03-05'));
    expect(grid.labels).toEqual(['2025-W09', '2025-W10']);
    expect(grid.partial).toEqual([false, true]);
    expect(formatDay(grid.ends[1]!)).toBe('2025-03-05');
    expect(formatDay(grid.ttmDays[1]!)).toBe('2024-03-06');
    // The complete week before it compares its last day with the last day of the week 52 weeks earlier.
    expect(formatDay(grid.ends[0]!)).toBe('2025-03-02');
    expect(formatDay(grid.ttmDays[0]!)).toBe('2024-03-03');
  });

  it('takes the TTM reference of a partial month twelve calendar months before as-of', () => {
    const grid = buildPeriodGrid({ kind: 'month', fiscalYearStart: 1 }, day('2024-02-01'), day('2024-02-29'), day('2024-02-29'));
    expect(grid.partial).toEqual([false]);
    const partial = buildPeriodGrid({ kind: 'month', fiscalYearStart: 1 }, day('2024-03-01'), day('2024-03-30'), day('2024-03-30'));
    expect(partial.partial).toEqual([true]);
    expect(formatDay(partial.ttmDays[0]!)).toBe('2023-03-30');
  });
});
