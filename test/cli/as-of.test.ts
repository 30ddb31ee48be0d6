import { describe, expect, test } from 'vitest';
import { resolveAsOf } from '../../src/cli/as-of.js';
import { formatDay, parseIsoDay } from '../../src/model/calendar.js';
import { runCli } from '../helpers/run-cli.js';

const day = (text: string): number => parseIsoDay(text)!;

describe('--as-of names a day relative to today', () => {
  test.each([
    ['today', 1, '2026-12-03'],
    ['last-month-end', 1, '2026-11-30'],
    ['last-quarter-end', 1, '2026-09-30'],
    ['last-year-end', 1, '2025-12-31'],
    // Fiscal quarters Feb–Apr, May–Jul, Aug–Oct, Nov–Jan: 3 December is in Nov–Jan, the previous one ends 31 October.
    ['last-quarter-end', 2, '2026-10-31'],
    // Fiscal year April 2026 – March 2027 holds 3 December; the previous one ended 31 March 2026.
    ['last-year-end', 4, '2026-03-31'],
    ['2024-02-29', 1, '2024-02-29'],
  ])('%s (fiscal year start %i) on 2026-12-03 is %s', (text, fiscalStart, expected) => {
    expect(formatDay(resolveAsOf(text, day('2026-12-03'), fiscalStart))).toBe(expected);
  });

  test('on the first day of a quarter, last-quarter-end is the day before', () => {
    expect(formatDay(resolveAsOf('last-quarter-end', day('2025-04-01'), 1))).toBe('2025-03-31');
    expect(formatDay(resolveAsOf('last-month-end', day('2024-03-01'), 1))).toBe('2024-02-29');
  });

  test.each(['yesterday', '2024-02-30', '31/12/2024'])('%s is a usage error naming the choices', (text) => {
    expect(() => resolveAsOf(text, day('2026-12-03'), 1)).toThrow(/expected YYYY-MM-DD, or one of today, last-month-end, last-quarter-end, last-year-end/);
  });

  test('retain bridge --as-of last-quarter-end reports up to that day', async () => {
    const result = await runCli(['bridge', '--period', 'quarter', '--as-of', 'last-quarter-end', '-f', 'json', 'fixtures/exports/basic.csv', '--fx', 'EUR=1.10,GBP=1.25'], { now: '2025-08-14T09:00:00Z' });
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.stdout) as { asOf: string }).asOf).toBe('2025-06-30');
  });
});
