// Hand-worked cohorts (retain cohorts --format json) on a small monthly history, grace 0:
//   A 100 from 2024-01-01 (evergreen)                       → cohort 2024-01
//   B 200 from 2024-01-15 to 2024-02-29, then nothing       → cohort 2024-01, churns in March
//   C  50 on 2024-01-20 … 01-25 only, 80 again from 03-01   → no cohort (nothing at the end of January)
//   D 300 on 02-10 … 02-29, 150 from 03-01, + 300 from 04-01 → cohort 2024-02: 300 → 150 → 450
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

const history = csv`
  customer_id,start_date,end_date,mrr,region
  A,2024-01-01,,100,EMEA
  B,2024-01-15,2024-02-29,200,AMER
  C,2024-01-20,2024-01-25,50,EMEA
  C,2024-03-01,,80,EMEA
  D,2024-02-10,2024-02-29,300,EMEA
  D,2024-03-01,,150,EMEA
  D,2024-04-01,,300,EMEA
`;

interface CohortsJson {
  cohorts: {
    cohort: string;
    segment: Record<string, string> | null;
    size: { count: number; mrr: string };
    ages: { age: number; period: string; partial: boolean; active: number; mrr: string; retainedMrr: string; rates: Record<'logo' | 'grr' | 'nrr', number | null> }[];
  }[];
  averages: { segment: Record<string, string> | null; ages: { age: number; cohorts: number; rates: Record<'logo' | 'grr' | 'nrr', number | null> }[] }[];
}

async function cohorts(args: string[]): Promise<{ json: CohortsJson; stderr: string }> {
  const r = await runCli(['cohorts', '--format', 'json', '--grace-days', '0', ...args, '-'], { stdin: history });
  expect(r.exitCode, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as CohortsJson, stderr: r.stderr };
}

const rates = (logo: number, grr: number, nrr: number) => ({ logo: expect.closeTo(logo, 6), grr: expect.closeTo(grr, 6), nrr: expect.closeTo(nrr, 6) });

describe('retain cohorts', () => {
  it('follows each cohort from its start MRR, age by age', async () => {
    const { json, stderr } = await cohorts(['--as-of', '2024-04-30']);
    expect(json.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['2024-01', { count: 2, mrr: '300.00' }],
      ['2024-02', { count: 1, mrr: '300.00' }],
    ]);
    const january = json.cohorts[0]!.ages;
    // Ages 0, 1: A and B. Age 2 (March): B gone: 1 of 2, 100 of 300 kept.
    expect(january.map((a) => [a.period, a.active, a.mrr, a.retainedMrr])).toEqual([
      ['2024-01', 2, '300.00', '300.00'],
      ['2024-02', 2, '300.00', '300.00'],
      ['2024-03', 1, '100.00', '100.00'],
      ['2024-04', 1, '100.00', '100.00'],
    ]);
    expect(january[2]!.rates).toEqual(rates(0.5, 100 / 300, 100 / 300));
    // D: 300 → 150 (GRR = NRR = 50%) → 450 (GRR counts at most the start: 300/300; NRR 450/300).
    const february = json.cohorts[1]!.ages;
    expect(february.map((a) => a.rates)).toEqual([rates(1, 1, 1), rates(1, 0.5, 0.5), rates(1, 1, 1.5)]);
    expect(stderr).toContain('COHORT_WITHOUT_START: 1 customer(s) were active only inside their first period');
  });

  it('averages the cohorts that reached each age, weighted by their size', async () => {
    const { json } = await cohorts(['--as-of', '2024-04-30']);
    expect(json.averages).toHaveLength(1);
    expect(json.averages[0]!.ages).toEqual([
      { age: 0, cohorts: 2, rates: rates(1, 1, 1) },
      // (300 + 150) / 600 kept and now.
      { age: 1, cohorts: 2, rates: rates(1, 450 / 600, 450 / 600) },
      // Active 1 + 1 of 2 + 1; kept 100 + 300; now 100 + 450.
      { age: 2, cohorts: 2, rates: rates(2 / 3, 400 / 600, 550 / 600) },
      { age: 3, cohorts: 1, rates: rates(0.5, 100 / 300, 100 / 300) },
    ]);
  });

  it('leaves the partial period out of the averages', async () => {
    const { json } = await cohorts(['--as-of', '2024-04-15']);
    expect(json.cohorts[0]!.ages.at(-1)).toMatchObject({ period: '2024-04', partial: true });
    // April is partial: age 3 (January's) and age 2 (February's) fall in it.
    expect(json.averages[0]!.ages.map((a) => [a.age, a.cohorts])).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
  });

  it('gives the bridge new MRR as the cohort sizes', async () => {
    const r = await runCli(['bridge', '--format', 'json', '--grace-days', '0', '--as-of', '2024-04-30', '-'], { stdin: history });
    const bridge = JSON.parse(r.stdout) as { periods: { period: string; money: { new: string }; counts: { new: number } }[] };
    const { json } = await cohorts(['--as-of', '2024-04-30']);
    for (const p of bridge.periods) {
      const cohort = json.cohorts.find((c) => c.cohort === p.period);
      expect([p.period, cohort?.size ?? { count: 0, mrr: '0.00' }]).toEqual([p.period, { count: p.counts.new, mrr: p.money.new }]);
    }
  });

  it('splits cohorts by segment with --by and groups quarters with --period', async () => {
    const { json } = await cohorts(['--as-of', '2024-04-30', '--by', 'region']);
    expect(json.cohorts.map((c) => [c.segment, c.cohort, c.size.mrr])).toEqual([
      [{ region: 'AMER' }, '2024-01', '200.00'],
      [{ region: 'EMEA' }, '2024-01', '100.00'],
      [{ region: 'EMEA' }, '2024-02', '300.00'],
    ]);
    expect(json.averages.map((a) => a.segment)).toEqual([{ region: 'AMER' }, { region: 'EMEA' }]);
    const quarters = await cohorts(['--as-of', '2024-06-30', '--period', 'quarter']);
    // Q1 ends 03-31: A 100, C 80 (first active in January, back by 03-31), D 150 are members; B (gone by
    // 03-31) is not. Q2: A 100 + C 80 + D 450 = 630 now; kept 100 + 80 + min(450, 150) = 330.
    expect(quarters.json.cohorts.map((c) => [c.cohort, c.size])).toEqual([['2024-Q1', { count: 3, mrr: '330.00' }]]);
    expect(quarters.json.cohorts[0]!.ages[1]).toMatchObject({ period: '2024-Q2', mrr: '630.00', retainedMrr: '330.00' });
  });

  it('prints the triangle of the chosen metric', async () => {
    const r = await runCli(['cohorts', '--grace-days', '0', '--as-of', '2024-04-30', '--metric', 'nrr', '-f', 'markdown', '-'], { stdin: history });
    expect(r.stdout).toContain('| Cohort | Customers | Start MRR | 0 | 1 | 2 | 3 |');
    expect(r.stdout).toContain('| 2024-02 | 1 | 300.00 | 100.0% | 50.0% | 150.0% |  |');
    expect(r.stdout).toContain('| Weighted average |  |  | 100.0% | 75.0% | 91.7% | 33.3% |');
  });
});
