// retain diff of two saved cohorts reports: the cohort plays the part of the period (pairs, --a-period),
// rows match by segment and age; the cohort's size is compared once, at age 0; a restatement is the same
// cohort and age with other figures, or a cohort cell on one side only in a period both reports cover.
// Figures worked by hand from fixtures/exports/basic.csv (quarters, FX EUR 1.10, GBP 1.25):
//   cohort 2024-Q1: Acme 1,000, Beta 550 (500 EUR), Gamma 300, Delta 300 (900 a quarter) = 4, 2,150.00;
//     age 1 (2024-Q2): Gamma's sso +50 → 2,200: NRR 2,200/2,150 = 1.023256, GRR 100%;
//     age 4 (2025-Q1): Acme 1,100, Beta gone, Gamma 300, Delta 300 → NRR 1,700/2,150 = 0.790698,
//     GRR (1,000 + 300 + 300)/2,150 = 0.744186, logo 3/4.
//   cohort 2024-Q2: Gamma Labs 625 (500 GBP); cancelled 2024-11-01, so 0% from age 2 (2024-Q4).
//   basic-late-data.csv adds Zeta, 400 from 2025-02-01: a cohort 2025-Q1 of one.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { choosePairs } from '../../src/report/diff-pairs.js';
import { buildDiffReport, defaultThresholds } from '../../src/report/diff-report.js';
import type { DiffRow as SavedRowInput, SavedReportInput } from '../../src/report/diff-side.js';
import { runCli } from '../helpers/run-cli.js';

const reports = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

interface Entry {
  aPeriod: string;
  bPeriod: string;
  segment: Record<string, string> | null;
  age: number;
  measures: Record<string, { a: unknown; b: unknown; change: unknown; impact: string | null; highlight: boolean }>;
}

interface DiffJson {
  compared: Entry[];
  highlights: { age: number; measure: string; impact: string | null }[];
  appeared: { age: number; 'rates.nrr': number | null }[];
  disappeared: { age: number; 'rates.nrr': number | null }[];
  restated: { period: string; segment: unknown; age: number; measure: string; a: unknown; b: unknown }[];
  completed: string[];
}

async function diff(args: string[]): Promise<DiffJson> {
  const r = await runCli(['diff', '-f', 'json', ...args], { cwd: reports });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as DiffJson;
}

describe('retain diff of cohorts reports', () => {
  it('compares two cohorts age by age (--a-period 2024-Q1 --b-period 2024-Q2 from one file)', async () => {
    const d = await diff(['cohorts-2025-q2.json', 'cohorts-2025-q2.json', '--a-period', '2024-Q1', '--b-period', '2024-Q2']);
    // 2024-Q2 reached age 4; 2024-Q1 age 5 (2025-Q2), which is A's only.
    expect(d.compared.map((e) => e.age)).toEqual([0, 1, 2, 3, 4]);
    expect(d.disappeared).toEqual([expect.objectContaining({ age: 5, 'rates.nrr': 0.790698 })]);
    // The size is the cohort's: compared on age 0 only (4 → 1, 2,150.00 → 625.00), not again at each age.
    expect(Object.keys(d.compared[0]!.measures)).toEqual(['size.count', 'size.mrr', 'rates.logo', 'rates.grr', 'rates.nrr']);
    expect(Object.keys(d.compared[1]!.measures)).toEqual(['rates.logo', 'rates.grr', 'rates.nrr']);
    expect(d.compared[0]!.measures['size.mrr']).toMatchObject({ a: '2150.00', b: '625.00', change: '-1525.00', impact: '-1525.00', highlight: true });
    // Age 1: NRR 1.023256 → 1: −2.3256 pp (past 2 pp); impact −0.023256 × 625.00 = −14.535 → −14.54 (half-even).
    expect(d.compared[1]!.measures['rates.nrr']).toMatchObject({ a: 1.023256, b: 1, change: -0.023256, impact: '-14.54', highlight: true });
    // Age 4: GRR 0.744186 → 0: impact −0.744186 × 625.00 = −465.116 → −465.12; logo 75% → 0% has no money meaning.
    expect(d.compared[4]!.measures['rates.grr']).toMatchObject({ a: 0.744186, b: 0, impact: '-465.12' });
    expect(d.compared[4]!.measures['rates.logo']).toMatchObject({ a: 0.75, b: 0, impact: null });
    // Largest CMRR impact first: the start MRR, then GRR and NRR at ages 2 and 3 (−625.00 each), NRR age 4
    // (0.790698 × 625 = 494.19), GRR age 4, NRR age 1; the logo rates last.
    expect(d.highlights.map((h) => [h.measure, h.age, h.impact])).toEqual([
      ['size.mrr', 0, '-1525.00'],
      ['rates.grr', 2, '-625.00'],
      ['rates.nrr', 2, '-625.00'],
      ['rates.grr', 3, '-625.00'],
      ['rates.nrr', 3, '-625.00'],
      ['rates.nrr', 4, '-494.19'],
      ['rates.grr', 4, '-465.12'],
      ['rates.nrr', 1, '-14.54'],
      ['rates.logo', 2, null],
      ['rates.logo', 3, null],
      ['rates.logo', 4, null],
    ]);
    expect(d.restated).toEqual([]);
  });

  it('by default compares the latest cohort of each run; a new age is in B only, not a restatement', async () => {
    // As of 2025-03-31 and 2025-06-30, the latest cohort is 2024-Q2 in both; age 4 (2025-Q2) is new.
    const d = await diff(['cohorts-2025-q1.json', 'cohorts-2025-q2.json']);
    expect(d.compared.map((e) => [e.aPeriod, e.bPeriod, e.age])).toEqual([0, 1, 2, 3].map((age) => ['2024-Q2', '2024-Q2', age]));
    expect(d.appeared).toEqual([expect.objectContaining({ age: 4, 'rates.nrr': 0 })]);
    expect(d.restated).toEqual([]);
    expect(d.highlights).toEqual([]);
  });

  it('restates a cohort that late data added to a quarter the earlier run had complete', async () => {
    // Zeta's cohort 2025-Q1 is in B only. Its age 0 (2025-Q1) is history A had: restated. Its age 1
    // (2025-Q2) is after A's as-of: not history, so not restated.
    const d = await diff(['cohorts-2025-q1.json', 'cohorts-2025-q2-late-data.json']);
    expect(d.restated).toEqual([{ period: '2025-Q1', segment: null, age: 0, measure: 'rates.nrr', a: null, b: 1, change: null }]);
    // The latest cohorts now differ: 2024-Q2 (Gamma Labs, 625.00) against 2025-Q1 (Zeta, 400.00).
    expect(d.compared[0]).toMatchObject({ aPeriod: '2024-Q2', bPeriod: '2025-Q1', age: 0 });
    expect(d.compared[0]!.measures['size.mrr']).toMatchObject({ change: '-225.00', highlight: true });
  });

  it('matches segments and ages across every shared cohort; cells partial in A and complete in B are completed', async () => {
    // As of 2025-05-15, 2025-Q2 is partial: 2024-Q1 at age 5 and 2024-Q2 at age 4 fall in it.
    const d = await diff(['cohorts-2025-05-15-by-region.json', 'cohorts-2025-q2-by-region.json', '--all-periods']);
    expect(d.completed).toEqual(['2024-Q1 age 5', '2024-Q2 age 4']);
    expect(d.restated).toEqual([]);
    // 2024-Q1 has AMER (Acme, Delta), APAC (Gamma), EMEA (Beta) at ages 0–5; 2024-Q2 has EMEA at ages 0–4.
    expect(d.compared.length).toBe(3 * 6 + 5);
    expect(d.compared.filter((e) => e.aPeriod === '2024-Q1' && e.age === 0).map((e) => e.segment)).toEqual([{ region: 'AMER' }, { region: 'APAC' }, { region: 'EMEA' }]);
  });
});

describe('retain diff of cohorts: restatements (hand-made rows)', () => {
  const policy = { definitionsVersion: 1, level: 'customer', period: 'quarter', asOf: '2025-06-30', currency: 'USD' };
  const cell = (cohort: string, age: number, agePeriod: string, values: Record<string, number | null>, partial = false): SavedRowInput => ({
    period: cohort,
    start: cohort === '2024-Q4' ? '2024-10-01' : '2025-01-01',
    partial,
    segment: null,
    age,
    agePeriod,
    values: new Map(Object.entries({ 'size.count': 10, 'size.mrr': 100_000, ...values })),
  });
  const saved = (file: string, asOf: string, rows: SavedRowInput[]): SavedReportInput => ({ file, command: 'cohorts', asOf, policy: { ...policy, asOf }, currency: 'USD', digits: 2, rows });

  it('lists the same cohort and age with other figures, and a changed size once, at age 0', () => {
    // Late data: one more customer (10 → 11, 1,000.00 → 1,100.00) in cohort 2024-Q4; its age-1 NRR 0.9 → 0.95.
    const a = saved('a', '2025-03-31', [cell('2024-Q4', 0, '2024-Q4', { 'rates.nrr': 1 }), cell('2024-Q4', 1, '2025-Q1', { 'rates.nrr': 0.9 })]);
    const grown = { 'size.count': 11, 'size.mrr': 110_000 };
    const b = saved('b', '2025-06-30', [cell('2024-Q4', 0, '2024-Q4', { ...grown, 'rates.nrr': 1 }), cell('2024-Q4', 1, '2025-Q1', { ...grown, 'rates.nrr': 0.95 }), cell('2024-Q4', 2, '2025-Q2', { ...grown, 'rates.nrr': 0.95 })]);
    const pairs = choosePairs(a, b, { mode: 'all' });
    if (typeof pairs === 'string') throw new Error(pairs);
    const d = buildDiffReport(a, b, pairs, defaultThresholds);
    expect(d.restated.map((r) => [r.period, r.age, r.measure.key, r.a, r.b])).toEqual([
      ['2024-Q4', 0, 'size.count', 10, 11],
      ['2024-Q4', 0, 'size.mrr', 100_000, 110_000],
      ['2024-Q4', 1, 'rates.nrr', 900_000, 950_000],
    ]);
    // NRR +5 pp at age 1 moves CMRR by 0.05 × B's start 1,100.00 = +55.00.
    expect(d.highlights.find((h) => h.change.measure.key === 'rates.nrr')?.change.impact).toBe(5_500);
    expect(d.appeared.map((s) => s.age)).toEqual([2]);
  });
});
