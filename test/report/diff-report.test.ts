// retain diff on hand-made saved reports: rows matched by period and segment, thresholds at their
// boundaries, verdicts by each measure's direction, CMRR impact order, one-sided segments, restatements.
import { describe, expect, it } from 'vitest';
import { choosePairs } from '../../src/report/diff-pairs.js';
import { comparabilityProblems, policyChanges } from '../../src/report/diff-policy.js';
import { buildDiffReport, defaultThresholds, type DiffReport } from '../../src/report/diff-report.js';
import type { DiffRow as SavedRowInput, SavedReportInput } from '../../src/report/diff-side.js';

const policy = { definitionsVersion: 1, level: 'customer', period: 'quarter', asOf: '2025-03-31', graceDays: 30, unit: 'mrr', currency: 'USD', fx: {} };

/** A bridge row with money in cents and rates as written in JSON; unspecified measures are 0 or null. */
function row(period: string, values: Record<string, number | null>, opts: { segment?: Record<string, string>; partial?: boolean } = {}): SavedRowInput {
  const start = { '2024-Q4': '2024-10-01', '2025-Q1': '2025-01-01', '2025-Q2': '2025-04-01' }[period] ?? '2024-01-01';
  return { period, start, partial: opts.partial ?? false, segment: opts.segment ?? null, values: new Map(Object.entries(values)) };
}

function saved(file: string, asOf: string, rows: SavedRowInput[], extra: Partial<SavedReportInput> = {}): SavedReportInput {
  return { file, command: 'bridge', asOf, policy: { ...policy, asOf }, currency: 'USD', digits: 2, rows, ...extra };
}

function diff(a: SavedReportInput, b: SavedReportInput, pairing: Parameters<typeof choosePairs>[2] = { mode: 'latest' }): DiffReport {
  const pairs = choosePairs(a, b, pairing);
  if (typeof pairs === 'string') throw new Error(pairs);
  return buildDiffReport(a, b, pairs, defaultThresholds);
}

function change(report: DiffReport, key: string, segment: Record<string, string> | null = null) {
  const r = report.rows.find((x) => JSON.stringify(x.segment) === JSON.stringify(segment));
  return r!.changes.find((c) => c.measure.key === key)!;
}

describe('retain diff: measures', () => {
  it('compares the latest period of each report: A, B, change and relative change', () => {
    // Churn 550.00 → 0.00: −550.00 (−100%), better (churn down); end 1,950.00 → 2,145.00: +195.00 = +10%.
    const a = saved('q1.json', '2025-03-31', [row('2024-Q4', { 'money.churn': 62500 }), row('2025-Q1', { 'money.churn': 55000, 'money.end': 195000 })]);
    const b = saved('q2.json', '2025-06-30', [row('2024-Q4', { 'money.churn': 62500 }), row('2025-Q1', { 'money.churn': 55000, 'money.end': 195000 }), row('2025-Q2', { 'money.churn': 0, 'money.end': 214500 })]);
    const d = diff(a, b);
    expect(d.pairs).toEqual([{ a: '2025-Q1', b: '2025-Q2', aPartial: false, bPartial: false }]);
    const churn = change(d, 'money.churn');
    expect([churn.a, churn.b, churn.change, churn.relative?.toFixed(4), churn.verdict]).toEqual([55000, 0, -55000, '-1.0000', 'better']);
    const end = change(d, 'money.end');
    expect([end.change, end.relative?.toFixed(4), end.verdict]).toEqual([19500, '0.1000', 'better']);
    // Exactly 10% is not "more than" the 10% threshold; −100% churn is.
    expect(end.highlight).toBe(false);
    expect(churn.highlight).toBe(true);
    expect(d.restated).toEqual([]);
  });

  it('judges each measure by its direction: churn up is worse, NRR up is better', () => {
    const a = saved('a', '2025-03-31', [row('2025-Q1', { 'rates.nrr': 0.95, 'rates.grossChurn': 0.05, 'rates.logoChurn': 0.1 })]);
    const b = saved('b', '2025-06-30', [row('2025-Q2', { 'rates.nrr': 0.98, 'rates.grossChurn': 0.08, 'rates.logoChurn': 0.1 })]);
    const d = diff(a, b);
    expect(change(d, 'rates.nrr').verdict).toBe('better');
    expect(change(d, 'rates.grossChurn').verdict).toBe('worse');
    expect(change(d, 'rates.logoChurn').verdict).toBe('same');
    // Rates are compared in millionths: 0.98 − 0.95 = 30000 millionths = 3 pp.
    expect(change(d, 'rates.nrr').change).toBe(30_000);
  });

  it('highlights a rate only when it moved by more than 2 percentage points', () => {
    const a = saved('a', '2025-03-31', [row('2025-Q1', { 'rates.grr': 0.9, 'rates.nrr': 0.9, 'rates.logoChurn': 0.1 })]);
    const b = saved('b', '2025-06-30', [row('2025-Q2', { 'rates.grr': 0.92, 'rates.nrr': 0.920001, 'rates.logoChurn': 0.079999 })]);
    const d = diff(a, b);
    expect(change(d, 'rates.grr').highlight).toBe(false); // exactly 2 pp
    expect(change(d, 'rates.nrr').highlight).toBe(true); // 2.0001 pp
    expect(change(d, 'rates.logoChurn').highlight).toBe(true); // −2.0001 pp
  });

  it('highlights money that appears from zero, never counts', () => {
    const a = saved('a', '2025-03-31', [row('2025-Q1', { 'money.reactivation': 0, 'counts.churned': 1 })]);
    const b = saved('b', '2025-06-30', [row('2025-Q2', { 'money.reactivation': 100, 'counts.churned': 9 })]);
    const d = diff(a, b);
    expect(change(d, 'money.reactivation').highlight).toBe(true);
    expect(change(d, 'money.reactivation').relative).toBeNull();
    expect(change(d, 'counts.churned').highlight).toBe(false);
  });

  it('sorts what moved most by CMRR impact: money as is, rates × B begin, logo rates last', () => {
    // Churn +300.00 → impact −300.00. GRR −5 pp on B begin 10,000.00 → −500.00. Expansion +120.00 → +120.00.
    // Logo churn +5 pp has no money meaning: after those with an impact.
    const a = saved('a', '2025-03-31', [row('2025-Q1', { 'money.begin': 1_000_000, 'money.churn': 10_000, 'money.expansion': 50_000, 'rates.grr': 0.95, 'rates.logoChurn': 0.05 })]);
    const b = saved('b', '2025-06-30', [row('2025-Q2', { 'money.begin': 1_000_000, 'money.churn': 40_000, 'money.expansion': 62_000, 'rates.grr': 0.9, 'rates.logoChurn': 0.1 })]);
    const d = diff(a, b);
    expect(d.highlights.map((h) => [h.change.measure.key, h.change.impact])).toEqual([
      ['rates.grr', -50_000],
      ['money.churn', -30_000],
      ['money.expansion', 12_000],
      ['rates.logoChurn', null],
    ]);
  });

  it('rounds a rate impact half-even once: 0.229167 × 1,950.00 = 446.875 → 446.88', () => {
    const a = saved('a', '2025-03-31', [row('2025-Q1', { 'rates.grr': 0.770833 })]);
    const b = saved('b', '2025-06-30', [row('2025-Q2', { 'rates.grr': 1, 'money.begin': 195_000 })]);
    expect(change(diff(a, b), 'rates.grr').impact).toBe(44_688);
  });

  it('rescales money when the two reports have different minor units (JPY 0 digits, USD 2)', () => {
    const a = saved('a', '2025-03-31', [row('2025-Q1', { 'money.end': 1000 })], { digits: 0, currency: 'JPY' });
    const b = saved('b', '2025-06-30', [row('2025-Q2', { 'money.end': 100_050 })]);
    const d = diff(a, b);
    expect(d.digits).toBe(2);
    expect(change(d, 'money.end').a).toBe(100_000);
    expect(change(d, 'money.end').change).toBe(50);
  });
});

describe('retain diff: segments and periods', () => {
  const a = saved('a', '2025-03-31', [
    row('2025-Q1', { 'money.end': 100 }, { segment: { region: 'EMEA', size: 'SMB' } }),
    row('2025-Q1', { 'money.end': 200 }, { segment: { region: 'APAC', size: 'SMB' } }),
    row('2025-Q1', { 'money.end': 300 }),
  ]);
  const b = saved('b', '2025-06-30', [
    // The same segment with its keys in another order (--by size,region) still matches.
    row('2025-Q2', { 'money.end': 150 }, { segment: { size: 'SMB', region: 'EMEA' } }),
    row('2025-Q2', { 'money.end': 50 }, { segment: { region: 'LATAM', size: 'SMB' } }),
    row('2025-Q2', { 'money.end': 200 }),
  ]);

  it('matches rows by segment and lists segments present on one side only', () => {
    const d = diff(a, b);
    expect(d.rows.map((r) => r.segment)).toEqual([null, { size: 'SMB', region: 'EMEA' }]);
    expect(d.appeared).toEqual([expect.objectContaining({ segment: { region: 'LATAM', size: 'SMB' }, headline: 50 })]);
    expect(d.disappeared).toEqual([expect.objectContaining({ segment: { region: 'APAC', size: 'SMB' }, headline: 200 })]);
  });

  it('--a-period and --b-period choose the compared periods; an unknown label is refused', () => {
    const q = saved('q.json', '2025-06-30', [row('2024-Q4', {}), row('2025-Q1', {}), row('2025-Q2', {})]);
    expect(choosePairs(q, q, { mode: 'latest', a: '2024-Q4' })).toEqual([{ a: '2024-Q4', b: '2025-Q2', aPartial: false, bPartial: false }]);
    expect(choosePairs(q, q, { mode: 'latest', b: '2023-Q1' })).toBe('--b-period 2023-Q1 is not a period of q.json (its periods are 2024-Q4 … 2025-Q2)');
  });

  it('--all-periods matches every shared period label to label', () => {
    const x = saved('x', '2025-03-31', [row('2024-Q4', {}), row('2025-Q1', {})]);
    const y = saved('y', '2025-06-30', [row('2025-Q1', {}), row('2025-Q2', {})]);
    expect(choosePairs(x, y, { mode: 'all' })).toEqual([{ a: '2025-Q1', b: '2025-Q1', aPartial: false, bPartial: false }]);
  });
});

describe('retain diff: restatements', () => {
  it('lists complete periods whose figures changed, measure by measure, and segments that appeared in history', () => {
    const a = saved('a', '2025-03-31', [row('2024-Q4', { 'money.new': 0, 'money.end': 1000, 'rates.nrr': 0.9 }), row('2025-Q1', { 'money.end': 1000 })]);
    const b = saved('b', '2025-06-30', [
      row('2024-Q4', { 'money.new': 400, 'money.end': 1400, 'rates.nrr': 0.9 }),
      row('2024-Q4', { 'money.end': 400 }, { segment: { region: 'LATAM' } }),
      row('2025-Q1', { 'money.end': 1000 }),
      row('2025-Q2', { 'money.end': 1000 }),
    ]);
    const d = diff(a, b);
    expect(d.restated.map((r) => [r.period, r.segment, r.measure.key, r.a, r.b])).toEqual([
      ['2024-Q4', null, 'money.new', 0, 400],
      ['2024-Q4', null, 'money.end', 1000, 1400],
      ['2024-Q4', { region: 'LATAM' }, 'money.end', null, 400],
    ]);
  });

  it('does not call a period restated because it was partial in A and finished in B', () => {
    const a = saved('a', '2025-05-15', [row('2025-Q1', { 'money.end': 1000 }), row('2025-Q2', { 'money.end': 900 }, { partial: true })]);
    const b = saved('b', '2025-06-30', [row('2025-Q1', { 'money.end': 1000 }), row('2025-Q2', { 'money.end': 800 })]);
    const d = diff(a, b);
    expect(d.restated).toEqual([]);
    expect(d.completed).toEqual(['2025-Q2']);
  });

  it('within one as-of date, a changed partial period is a restatement (a corrected export)', () => {
    const a = saved('a', '2025-05-15', [row('2025-Q2', { 'money.end': 900 }, { partial: true })]);
    const b = saved('b', '2025-05-15', [row('2025-Q2', { 'money.end': 950 }, { partial: true })]);
    expect(diff(a, b).restated.map((r) => [r.measure.key, r.a, r.b])).toEqual([['money.end', 900, 950]]);
  });
});

describe('retain diff: comparability', () => {
  const a = { file: 'a.json', command: 'bridge', policy: { ...policy, asOf: '2025-03-31' } };

  it('ignores the as-of date, which is what differs between two quarterly runs', () => {
    expect(comparabilityProblems(a, { ...a, file: 'b.json', policy: { ...policy, asOf: '2025-06-30' } }, false)).toEqual([]);
  });

  it('refuses a policy change (exit 2) unless allowed, naming every differing key', () => {
    const b = { file: 'b.json', command: 'bridge', policy: { ...policy, graceDays: 60, fx: { EUR: '1.10' } } };
    const problems = comparabilityProblems(a, b, false);
    expect(problems.map((p) => p.code)).toEqual(['POLICY_CHANGED']);
    expect(problems[0]!.message).toContain('graceDays 30 → 60; fx none → EUR=1.10');
    expect(comparabilityProblems(a, b, true)).toEqual([]);
    expect(policyChanges(a.policy, b.policy)).toEqual([
      { key: 'graceDays', a: '30', b: '60' },
      { key: 'fx', a: 'none', b: 'EUR=1.10' },
    ]);
  });

  it('refuses two different commands, and commands diff does not know, even with --allow-policy-change', () => {
    expect(comparabilityProblems(a, { ...a, command: 'renewals' }, true)[0]!.code).toBe('REPORT_MISMATCH');
    expect(comparabilityProblems({ ...a, command: 'forecast' }, { ...a, command: 'forecast' }, true)[0]!.message).toContain('does not compare "forecast" reports');
  });
});
