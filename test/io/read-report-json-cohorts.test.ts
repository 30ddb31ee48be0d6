// A saved cohorts report read back for retain diff: each cohort × age becomes one row whose period is the
// cohort, with its age, the calendar period of that age, the cohort's size (count and start MRR in minor
// units) and the three rates as written.
import { describe, expect, it } from 'vitest';
import { parseSavedReport } from '../../src/io/read-report-json.js';

const policy = { definitionsVersion: 1, level: 'customer', period: 'quarter', currency: 'USD', asOf: '2025-06-30' };
const age = (n: number, period: string, rates: Record<string, number | null>, partial = false) => ({ age: n, period, partial, active: 1, mrr: '0.00', retainedMrr: '0.00', rates });

function parse(cohorts: unknown[]) {
  return parseSavedReport(JSON.stringify({ schemaVersion: 1, command: 'cohorts', asOf: '2025-06-30', policy, cohorts, averages: [] }), 'cohorts.json');
}

describe('readSavedReport (cohorts)', () => {
  it('makes one row per cohort and age, the cohort as its period', () => {
    const r = parse([
      {
        cohort: '2025-Q1',
        start: '2025-01-01',
        end: '2025-03-31',
        segment: { region: 'EMEA' },
        size: { count: 3, mrr: '1250.50' },
        ages: [age(0, '2025-Q1', { logo: 1, grr: 1, nrr: 1 }), age(1, '2025-Q2', { logo: 0.666667, grr: 0.6, nrr: null }, true)],
      },
    ]);
    if (!('report' in r)) throw new Error(JSON.stringify(r));
    expect(r.report.rows.map((x) => [x.period, x.start, x.end, x.segment, x.age, x.agePeriod, x.partial])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31', { region: 'EMEA' }, 0, '2025-Q1', false],
      ['2025-Q1', '2025-01-01', '2025-03-31', { region: 'EMEA' }, 1, '2025-Q2', true],
    ]);
    expect(Object.fromEntries(r.report.rows[1]!.values)).toEqual({ 'size.count': 3, 'size.mrr': 125_050, 'rates.logo': 0.666667, 'rates.grr': 0.6, 'rates.nrr': null });
  });

  it('refuses a cohort size with more decimals than the currency, naming where it is', () => {
    const r = parse([{ cohort: '2025-Q1', start: '2025-01-01', end: '2025-03-31', segment: null, size: { count: 1, mrr: '10.005' }, ages: [] }]);
    expect('diagnostics' in r && r.diagnostics[0]!.message).toBe('cohorts[0].size.mrr: "10.005" has more decimals than USD allows (2)');
  });

  it('refuses a cohort without ages as not a saved report', () => {
    const r = parse([{ cohort: '2025-Q1', start: '2025-01-01', end: '2025-03-31', size: { count: 1, mrr: '10.00' } }]);
    expect('diagnostics' in r && r.diagnostics[0]!.message).toMatch(/^cohorts\[0\]\.ages: /);
  });
});
