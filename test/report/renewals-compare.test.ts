// renewals --compare previous|year-ago, worked by hand from the renewals of fixtures/exports/renewals.csv
// (test/report/renewals-fixture.test.ts) and fixtures/exports/basic.csv (its README). Every change is this
// row minus the reference row: money exact, counts as integers, rates in percentage points (fractions in
// JSON), relative changes over |reference| and null when the reference is 0.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const renewals = readFileSync(new URL('../../fixtures/exports/renewals.csv', import.meta.url), 'utf8');
const basic = readFileSync(new URL('../../fixtures/exports/basic.csv', import.meta.url), 'utf8');
const onRenewals = ['renewals', '--period', 'quarter', '--as-of', '2025-06-30', '--archive-products', 'archive', '-q'];
// basic.csv to the end of 2025, so that 2025 has a renewal of each 2024 quarter to set against.
const onBasic = ['renewals', '--period', 'quarter', '--as-of', '2025-12-31', '--fx', 'EUR=1.10,GBP=1.25', '-q'];

interface Compare {
  against: string;
  period: string | null;
  money: Record<string, { change: string; relative: number | null }> | null;
  counts: Record<string, { change: number; relative: number | null }> | null;
  rates: Record<string, { change: number | null }> | null;
}

interface Period {
  period: string;
  segment: Record<string, string> | null;
  compare: Compare;
  [key: string]: unknown;
}

async function run(args: string[], stdin: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return runCli([...args, '-'], { stdin });
}

async function periods(args: string[], stdin: string): Promise<Period[]> {
  const r = await run([...args, '-f', 'json'], stdin);
  expect(r.exitCode, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { periods: Period[] }).periods;
}

const find = (list: Period[], period: string, segment: Record<string, string> | null = null): Compare =>
  list.find((p) => p.period === period && JSON.stringify(p.segment) === JSON.stringify(segment))!.compare;

describe('renewals --compare previous (renewals.csv, quarters)', () => {
  it('sets 2025-Q1 against 2024-Q4, exactly', async () => {
    const list = await periods([...onRenewals, '--compare', 'previous'], renewals);
    // 2024-Q3 is the first quarter with a unit due (Iris): nothing to compare with.
    expect(find(list, '2024-Q3')).toEqual({ against: 'previous', period: null, money: null, counts: null, rates: null });
    const q1 = find(list, '2025-Q1');
    expect(q1.period).toBe('2024-Q4');
    // Due 52,000 (Acme 50,000, Bolt 1,000, Fern 700, Jett 300) → 4,400 (Echo 500, Cora 1,800, Gala 900,
    // Hive 1,200): −47,600, −47,600 ÷ 52,000 = −91.5385%. Four units due in each: 0, relative 0.
    expect(q1.money!.expected).toEqual({ change: '-47600.00', relative: -0.915385 });
    expect(q1.counts!.expected).toEqual({ change: 0, relative: 0 });
    // Upgrades 50,400 (Acme, Iris) → none: −100%. Gala's archive 0 → 900: no relative change from zero.
    expect(q1.money!.upgraded).toEqual({ change: '-50400.00', relative: -1 });
    expect(q1.money!.archived).toEqual({ change: '900.00', relative: null });
    // Successor 53,040 → 1,250 (Hive 1,200 + Gala's archive 50): −51,790 (−97.6433%).
    expect(q1.money!.successor).toEqual({ change: '-51790.00', relative: -0.976433 });
    // Count rate 4/5 → 1/3: −0.466667. Gross $ 51,700/52,400 → 1,250/2,600: 0.480769 − 0.986641 = −0.505872.
    // Net $ 53,040/52,400 → 1,250/2,600: 0.480769 − 1.012214 = −0.531445.
    expect(q1.rates).toEqual({ grossDollarRenewal: { change: -0.505872 }, netDollarRenewal: { change: -0.531445 }, countRenewal: { change: -0.466667 } });
  });

  it('sets 2025-Q2 against 2025-Q1: Cora rolled in (+1,800) and downgraded, Dyna pending (+2,000)', async () => {
    const q2 = find(await periods([...onRenewals, '--compare', 'previous'], renewals), '2025-Q2');
    expect(q2.money!.rolledIn).toEqual({ change: '1800.00', relative: null });
    expect(q2.money!.pending).toEqual({ change: '2000.00', relative: null });
    expect(q2.counts!.downgraded).toEqual({ change: 1, relative: null });
    // Gross $ 1,250/2,600 → 1,350/1,800 = 0.75: +0.269231; count rate 1/3 → 1/1: +0.666667.
    expect(q2.rates!.grossDollarRenewal).toEqual({ change: 0.269231 });
    expect(q2.rates!.countRenewal).toEqual({ change: 0.666667 });
  });

  it('adds `compare` after the existing keys of each period and leaves them as they were', async () => {
    const plain = await periods(onRenewals, renewals);
    const compared = await periods([...onRenewals, '--compare', 'previous'], renewals);
    expect(Object.keys(compared[2]!)).toEqual([...Object.keys(plain[2]!), 'compare']);
    expect({ ...compared[2]!, compare: undefined }).toEqual({ ...plain[2]!, compare: undefined });
  });
});

describe('renewals --compare year-ago (basic.csv, quarters, as of 2025-12-31)', () => {
  it('with --from 2025-Q3, still sets 2025-Q3 against 2024-Q3 and 2025-Q4 against 2024-Q4', async () => {
    const list = await periods([...onBasic, '--compare', 'year-ago', '--from', '2025-Q3'], basic);
    expect(list.map((p) => p.period)).toEqual(['2025-Q3', '2025-Q4']);
    // 2024-Q3: Delta (300) and Epsilon (200) rolled in from Q2; Delta renewed flat late, Epsilon not renewed.
    // 2025-Q3: Delta's D-2 (300) due 07-19, no successor within grace: not renewed.
    const q3 = find(list, '2025-Q3');
    expect(q3.period).toBe('2024-Q3');
    expect(q3.money!.expected).toEqual({ change: '300.00', relative: null });
    expect(q3.money!.rolledIn).toEqual({ change: '-500.00', relative: -1 });
    expect(q3.money!.renewedFlat).toEqual({ change: '-300.00', relative: -1 });
    expect(q3.money!.notRenewed).toEqual({ change: '100.00', relative: 0.5 });
    expect(q3.money!.decided).toEqual({ change: '-200.00', relative: -0.4 });
    // Gross $ 300/500 = 60% → 0/300 = 0%: −60 pp; count rate 1/2 → 0/1: −50 pp.
    expect(q3.rates).toEqual({ grossDollarRenewal: { change: -0.6 }, netDollarRenewal: { change: -0.6 }, countRenewal: { change: -0.5 } });
    // 2024-Q4: Acme 1,000 upgraded to 1,100. 2025-Q4: Acme's 1,100 due 12-31 = as-of: pending, nothing decided.
    const q4 = find(list, '2025-Q4');
    expect(q4.period).toBe('2024-Q4');
    expect(q4.money!.expected).toEqual({ change: '100.00', relative: 0.1 });
    expect(q4.money!.upgraded).toEqual({ change: '-1000.00', relative: -1 });
    expect(q4.money!.pending).toEqual({ change: '1100.00', relative: null });
    expect(q4.rates!.grossDollarRenewal).toEqual({ change: null });
  });

  it('gives `period: null` where the year-earlier quarter is before the first unit due (2024-Q2)', async () => {
    const list = await periods([...onBasic, '--compare', 'year-ago'], basic);
    expect(find(list, '2025-Q1').period).toBeNull();
    expect(find(list, '2025-Q2').period).toBe('2024-Q2');
  });
});

describe('renewals --by region --compare previous (basic.csv)', () => {
  it('compares a segment with zeros in a reference quarter where it had nothing due, rolled in or decided', async () => {
    const list = await periods([...onBasic, '--by', 'region', '--compare', 'previous'], basic);
    // 2024-Q4 has only AMER (Acme). 2025-Q1 EMEA: Beta's 550 not renewed, against nothing.
    const emea = find(list, '2025-Q1', { region: 'EMEA' });
    expect(emea.period).toBe('2024-Q4');
    expect(emea.money!.notRenewed).toEqual({ change: '550.00', relative: null });
    expect(emea.counts!.expected).toEqual({ change: 1, relative: null });
    expect(emea.rates!.countRenewal).toEqual({ change: null });
    // 2024-Q3 EMEA against 2024-Q2 EMEA: Epsilon's 200, due in Q2 and rolled forward, is not renewed in Q3.
    const rolled = find(list, '2024-Q3', { region: 'EMEA' });
    expect(rolled.money!.expected).toEqual({ change: '-200.00', relative: -1 });
    expect(rolled.money!.rolledIn).toEqual({ change: '200.00', relative: null });
    // The total row is compared with the total: 2025-Q1 (Beta 550 not renewed) against 2024-Q4 (Acme
    // 1,000 → 1,100 upgraded): net $ 110% → 0%.
    expect(find(list, '2025-Q1').rates!.netDollarRenewal).toEqual({ change: -1.1 });
  });
});

describe('renewals --compare in tables and CSV', () => {
  it('adds CMRR Δ, CMRR Δ% and units and rates Δ tables to the terminal report', async () => {
    const r = await run([...onRenewals, '--compare', 'previous'], renewals);
    expect(r.stdout).toContain('Renewal CMRR: change against the previous period (USD)');
    expect(r.stdout).toContain('Renewal CMRR: relative change against the previous period');
    expect(r.stdout).toMatch(/│ 2025-Q1 │ 2024-Q4 │ −47,600\.00 │ +−400\.00 │/);
    expect(r.stdout).toMatch(/│ 2025-Q1 │ 2024-Q4 │ +−91\.5% │/);
    expect(r.stdout).toMatch(/│ 2025-Q1 │ 2024-Q4 │ .*│ +−46\.7 pp │ +−50\.6 pp │ +−53\.1 pp │/);
  });

  it('appends change columns named after the wide CSV columns, raw numbers', async () => {
    const r = await run([...onRenewals, '--compare', 'previous', '-f', 'csv'], renewals);
    const [header, , , q1] = r.stdout.split('\n');
    const cols = header!.split(',');
    const at = (key: string): string => q1!.split(',')[cols.indexOf(key)]!;
    expect(cols.slice(-3)).toEqual(['gross_dollar_renewal_rate_change', 'net_dollar_renewal_rate_change', 'count_renewal_rate_change']);
    expect([at('compare_against'), at('compare_period'), at('expected_cmrr_change'), at('expected_cmrr_change_rel'), at('expected_count_change'), at('archived_cmrr_change_rel')]).toEqual(['previous', '2024-Q4', '-47600.00', '-0.915385', '0', '']);
  });

  it('adds change rows to the tidy CSV', async () => {
    const r = await run([...onRenewals, '--compare', 'previous', '-f', 'csv', '--layout', 'tidy'], renewals);
    expect(r.stdout).toContain('2025-Q1,2025-01-01,2025-03-31,,expected_cmrr_change,-47600.00\n');
    expect(r.stdout).toContain('2025-Q1,2025-01-01,2025-03-31,,count_renewal_rate_change,-0.466667\n');
    expect(r.stdout).not.toContain('compare_period');
  });

  it('keeps the --detail listing to the periods asked for', async () => {
    const plain = JSON.parse((await run([...onRenewals, '--detail', '--from', '2025-Q1', '-f', 'json'], renewals)).stdout) as { units: unknown[] };
    const compared = JSON.parse((await run([...onRenewals, '--detail', '--from', '2025-Q1', '--compare', 'year-ago', '-f', 'json'], renewals)).stdout) as { units: unknown[] };
    expect(compared.units).toEqual(plain.units);
  });

  it('refuses --compare with -f csv --detail, whose CSV is the unit listing (exit 2)', async () => {
    const r = await run([...onRenewals, '--detail', '--compare', 'previous', '-f', 'csv'], renewals);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--compare adds to the period table');
  });
});
