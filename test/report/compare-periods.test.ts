// bridge --compare previous|year-ago on basic.csv (hand-worked bridge in test/metrics/bridge-basic.test.ts):
// each period against the previous one or the same period a year earlier, in JSON, CSV and tables.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const basic = readFileSync(new URL('../../fixtures/exports/basic.csv', import.meta.url), 'utf8');
const base = ['bridge', '--fx', 'EUR=1.10,GBP=1.25', '--as-of', '2025-06-30', '-q'];

interface ComparePeriod {
  period: string;
  compare: {
    against: string;
    period: string | null;
    money: Record<string, { change: string; relative: number | null }> | null;
    counts: Record<string, { change: number; relative: number | null }> | null;
    rates: Record<string, { change: number | null }> | null;
  };
}

async function json(args: string[]): Promise<ComparePeriod[]> {
  const r = await runCli([...base, '-f', 'json', ...args, '-'], { stdin: basic });
  expect(r.exitCode, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { periods: ComparePeriod[] }).periods;
}

describe('bridge --compare previous (quarters)', () => {
  it('sets each quarter against the one before, exactly', async () => {
    const periods = await json(['--period', 'quarter', '--compare', 'previous']);
    // 2024-Q1 is the first quarter with data: nothing to compare with.
    expect(periods[0]!.compare).toEqual({ against: 'previous', period: null, money: null, counts: null, rates: null });
    // 2024-Q2 against Q1: begin 0 → 2,150 (no relative change from zero); new 2,150 → 625 = −1,525 (−70.9302%);
    // end 2,150 → 2,825 = +675 (+31.3953%).
    const q2 = periods[1]!.compare;
    expect(q2.period).toBe('2024-Q1');
    expect(q2.money!.begin).toEqual({ change: '2150.00', relative: null });
    expect(q2.money!.new).toEqual({ change: '-1525.00', relative: -0.709302 });
    expect(q2.money!.end).toEqual({ change: '675.00', relative: 0.313953 });
    // GRR of Q1 is undefined (no begin), so its change is too.
    expect(q2.rates!.grr).toEqual({ change: null });
    // 2025-Q1 against 2024-Q4: churn 625 → 550 = −75 (−12%); GRR 2,150/2,775 → 1,850/2,400 = −0.003941;
    // NRR 2,150/2,775 → 1,950/2,400 = +0.037725; churned customers 1 → 1.
    const q5 = periods.find((p) => p.period === '2025-Q1')!.compare;
    expect(q5.period).toBe('2024-Q4');
    expect(q5.money!.churn).toEqual({ change: '-75.00', relative: -0.12 });
    expect(q5.rates!.grr).toEqual({ change: -0.003941 });
    expect(q5.rates!.nrr).toEqual({ change: 0.037725 });
    expect(q5.counts!.churned).toEqual({ change: 0, relative: 0 });
  });

  it('adds `compare` after the existing keys of each period and leaves them as they were', async () => {
    const plain = await json(['--period', 'quarter']);
    const compared = await json(['--period', 'quarter', '--compare', 'previous']);
    expect(Object.keys(compared[1]!)).toEqual([...Object.keys(plain[1]!), 'compare']);
    expect({ ...compared[1]!, compare: undefined }).toEqual({ ...plain[1]!, compare: undefined });
  });
});

describe('bridge --compare year-ago (months)', () => {
  it('sets 2025-06 against 2024-06: end 2,825 → 1,950 = −875 (−30.9735%)', async () => {
    const periods = await json(['--compare', 'year-ago']);
    const june = periods.find((p) => p.period === '2025-06')!.compare;
    expect(june.period).toBe('2024-06');
    expect(june.money!.end).toEqual({ change: '-875.00', relative: -0.309735 });
    // 2024-12 has no month a year earlier in the data: 2023-12 is not in the report.
    expect(periods.find((p) => p.period === '2024-12')!.compare.period).toBeNull();
  });

  it('with --from, still finds the reference before it: 2025-01 against 2024-01 (1,300 → 2,500)', async () => {
    const periods = await json(['--compare', 'year-ago', '--from', '2025-01']);
    expect(periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(periods[0]!.compare.period).toBe('2024-01');
    expect(periods[0]!.compare.money!.end).toEqual({ change: '1200.00', relative: 0.923077 });
  });
});

describe('bridge --compare in tables and CSV', () => {
  it('adds Δ and Δ% tables in the terminal, signed, with rate changes in percentage points', async () => {
    const r = await runCli([...base, '--period', 'quarter', '--compare', 'previous', '--from', '2025-Q1', '-'], { stdin: basic });
    expect(r.stdout).toContain('MRR bridge: change against the previous period (USD)');
    // 2025-Q1 against 2024-Q4 (shown although --from starts at 2025-Q1): end 2,400 → 1,950.
    expect(r.stdout).toMatch(/│ 2025-Q1 │ 2024-Q4 │ −375\.00 │ +−13\.5% │/);
    expect(r.stdout).toMatch(/│ 2025-Q1 │ 2024-Q4 │ .*│ +−0\.4 pp │ +\+3\.8 pp │/);
  });

  it('appends change columns to the wide CSV, raw numbers', async () => {
    const r = await runCli([...base, '--period', 'quarter', '--compare', 'previous', '-f', 'csv', '-'], { stdin: basic });
    const [header, , q2] = r.stdout.split('\n');
    const cols = header!.split(',');
    const at = (line: string, key: string): string => line.split(',')[cols.indexOf(key)]!;
    expect(cols.slice(-2)).toEqual(['ttm_nrr_change', 'ttm_grr_change']);
    expect([at(q2!, 'compare_against'), at(q2!, 'compare_period'), at(q2!, 'end_change'), at(q2!, 'end_change_rel')]).toEqual(['previous', '2024-Q1', '675.00', '0.313953']);
  });

  it('adds change rows to the tidy CSV', async () => {
    const r = await runCli([...base, '--period', 'quarter', '--compare', 'previous', '-f', 'csv', '--layout', 'tidy', '-'], { stdin: basic });
    expect(r.stdout).toContain('2024-Q2,2024-04-01,2024-06-30,,end_change,675.00\n');
    expect(r.stdout).not.toContain('compare_period');
  });
});
