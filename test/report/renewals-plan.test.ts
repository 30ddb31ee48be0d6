// Planned churn (--plan / --planned-churn-rate): the most specific row wins (period and segment, period, segment,
// then * and *); planned = rate × the expected CMRR locked at the period start, half-even to the cent.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEntryFor, plannedChurn, type ChurnPlan } from '../../src/report/renewals-plan.js';
import { runCli } from '../helpers/run-cli.js';
import { renewalsJson } from '../metrics/renewal-helpers.js';

const input = readFileSync(new URL('../../fixtures/exports/renewals.csv', import.meta.url), 'utf8');
const args = ['--period', 'quarter', '--as-of', '2025-06-30', '--archive-products', 'archive'];

function planDir(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'retain-plan-'));
  writeFileSync(join(dir, 'plan.csv'), text);
  return dir;
}

describe('planned churn from a plan file', () => {
  it('takes the row of the period before the * row, and the file before --planned-churn-rate', async () => {
    const dir = planDir('period,segment,churn_rate\n2024-Q4,*,0.05\n*,*,2.5%\n');
    const r = await renewalsJson(input, [...args, '--plan', 'plan.csv', '--planned-churn-rate', '0.5'], dir);
    // Q3: 2.5% of 400 = 10; Q4: 5% of 52,000 = 2,600; Q1: 2.5% of 4,200 = 105; Q2: 2.5% of 2,000 = 50.
    expect(r.periods.map((p) => [p.period, p.plan.churnRate, p.plan.planned, p.plan.variance])).toEqual([
      ['2024-Q3', 0.025, '10.00', '-10.00'],
      ['2024-Q4', 0.05, '2600.00', '-1900.00'],
      ['2025-Q1', 0.025, '105.00', '395.00'],
      ['2025-Q2', 0.025, '50.00', '-50.00'],
    ]);
    expect(r.policy.plan).toBe('plan.csv and --planned-churn-rate 0.5');
  });

  it('leaves periods without a plan row unplanned', async () => {
    const dir = planDir('period,churn_rate\n2025-Q1,0.10\n');
    const r = await renewalsJson(input, [...args, '--plan', 'plan.csv'], dir);
    expect(r.periods.map((p) => p.plan.planned)).toEqual([null, null, '420.00', null]);
    expect(r.periods[0]?.plan).toEqual({ churnRate: null, planned: null, actual: '0.00', variance: null });
  });

  it('rejects a period label of another calendar, naming the line', async () => {
    const dir = planDir('period,segment,churn_rate\n*,*,0.1\n2024-03,*,0.1\n');
    const run = await runCli(['renewals', ...args, '--plan', 'plan.csv', '-'], { stdin: input, cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--plan plan.csv:3: period "2024-03" is not a quarter label');
  });
});

describe('planEntryFor', () => {
  // The rates tell the rows apart: 1%, 2%, 3%, 4%.
  const plan: ChurnPlan = {
    source: 'plan.csv',
    entries: [
      { period: '*', segment: '*', rate: { num: 1, den: 100 } },
      { period: '*', segment: 'EMEA', rate: { num: 2, den: 100 } },
      { period: 100, segment: '*', rate: { num: 3, den: 100 } },
      { period: 100, segment: 'region=EMEA', rate: { num: 4, den: 100 } },
    ],
  };
  it.each([
    [100, { region: 'EMEA' }, 4],
    [100, { region: 'AMER' }, 3],
    [101, { region: 'EMEA' }, 2],
    [101, null, 1],
    [100, null, 3],
  ])('period %d, segment %j → %d%%', (period, segment, expected) => {
    expect(planEntryFor(plan, period, segment)?.rate.num).toBe(expected);
  });

  it('rounds planned churn half-even to the cent', () => {
    // 12.5% of 1.00 = 0.125 → 0.12; of 3.00 = 0.375 → 0.38.
    const eighth = { period: '*' as const, segment: '*', rate: { num: 125, den: 1000 } };
    expect(plannedChurn(eighth, 100, 0)).toMatchObject({ planned: 12, actual: 0, variance: -12 });
    expect(plannedChurn(eighth, 100, 0).rate?.toFixed(3)).toBe('0.125');
    expect(plannedChurn(eighth, 300, 50).planned).toBe(38);
  });
});
