// Hand-worked bridge of fixtures/exports/basic.csv with --fx EUR=1.10,GBP=1.25, grace 30, as of 2025-06-30.
// Monthly MRR per customer (USD):
//   Acme       1,000 (12,000/year) 2024-01 … 2024-12, then 1,100 from 2025-01-01 (renewed on time, upgraded)
//   Beta         550 (500 EUR × 1.10) 2024-02-01 … 2025-01-31, not renewed (as-of is past the grace)
//   Gamma        300 from 2024-03-15 (evergreen) + sso 50 on 2024-06-01 … 2024-08-31 (cancelled 09-01: no grace)
//   Delta        300 (900/quarter) 2024-01-01 … 06-30; next term starts 07-20 (19 days late ≤ 30): bridged
//   Epsilon      200 2024-04-01 … 05-31; next start 10-01 is past the grace → churn; 250 from 2024-10-01
//   Gamma Labs   625 (6,000 GBP/year = 500 GBP × 1.25) 2024-05-01, cancelled 2024-11-01 (last day 10-31)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bridgeJson, expectIdentity, period, type BridgeJson } from '../helpers/bridge-json.js';

const basic = readFileSync(new URL('../../fixtures/exports/basic.csv', import.meta.url), 'utf8');
const args = ['--fx', 'EUR=1.10,GBP=1.25', '--as-of', '2025-06-30'];

function money(report: BridgeJson, label: string): Record<string, string> {
  return period(report, label).money;
}

describe('basic.csv, customers by month', () => {
  it('works every month out as by hand', async () => {
    const r = await bridgeJson(basic, args);
    expect(r.periods.map((p) => p.period)).toEqual([
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
      '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06',
    ]);
    expect(money(r, '2024-01')).toEqual({ begin: '0.00', new: '1300.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '1300.00' });
    expect(money(r, '2024-02')).toMatchObject({ begin: '1300.00', new: '550.00', end: '1850.00' });
    expect(money(r, '2024-03')).toMatchObject({ new: '300.00', end: '2150.00' });
    expect(money(r, '2024-04')).toMatchObject({ new: '200.00', end: '2350.00' });
    expect(money(r, '2024-05')).toMatchObject({ new: '625.00', end: '2975.00' });
    // June: Gamma adds sso (+50); Epsilon is gone on 06-30 and its return is past the grace → churn 200.
    expect(money(r, '2024-06')).toEqual({ begin: '2975.00', new: '0.00', expansion: '50.00', reactivation: '0.00', contraction: '0.00', churn: '200.00', end: '2825.00' });
    // July: Delta's late renewal (07-20) is bridged, so nothing moves.
    expect(money(r, '2024-07')).toEqual({ begin: '2825.00', new: '0.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '2825.00' });
    expect(money(r, '2024-09')).toMatchObject({ contraction: '50.00', end: '2775.00' });
    expect(money(r, '2024-10')).toMatchObject({ reactivation: '250.00', new: '0.00', end: '3025.00' });
    expect(money(r, '2024-11')).toMatchObject({ churn: '625.00', end: '2400.00' });
    expect(money(r, '2025-01')).toMatchObject({ expansion: '100.00', end: '2500.00' });
    expect(money(r, '2025-02')).toMatchObject({ churn: '550.00', end: '1950.00' });
    expect(money(r, '2025-06')).toMatchObject({ begin: '1950.00', end: '1950.00' });
    expect(period(r, '2025-06').partial).toBe(false);
    expectIdentity(r);
  });

  it('counts customers and computes the rates of June 2024', async () => {
    const june = period(await bridgeJson(basic, args), '2024-06');
    // Begin: Acme, Beta, Gamma, Delta, Epsilon, Gamma Labs = 6; Epsilon churned; Gamma expanded.
    expect(june.counts).toEqual({ begin: 6, new: 0, reactivated: 0, expanded: 1, contracted: 0, churned: 1, end: 5 });
    expect(june.rates.grr).toBeCloseTo((2975 - 200) / 2975, 6);
    expect(june.rates.nrr).toBeCloseTo((2975 + 50 - 200) / 2975, 6);
    expect(june.rates.grossChurn).toBeCloseTo(200 / 2975, 6);
    expect(june.rates.netChurn).toBeCloseTo(150 / 2975, 6);
    expect(june.rates.logoChurn).toBeCloseTo(1 / 6, 6);
    expect(june.rates.logoRetention).toBeCloseTo(5 / 6, 6);
    expect(june.rates.quickRatio).toBeCloseTo(50 / 200, 6);
    expect(june.rates.ttmNrr).toBeNull(); // nobody was active on 2023-06-30
  });

  it('computes trailing-twelve-month rates against the same month a year earlier', async () => {
    const r = await bridgeJson(basic, args);
    // 2025-01 vs 2024-01-31: Acme 1,000 → 1,100, Delta 300 → 300. NRR = 1,400 / 1,300, GRR = 1,300 / 1,300.
    expect(period(r, '2025-01').rates.ttmNrr).toBeCloseTo(1400 / 1300, 6);
    expect(period(r, '2025-01').rates.ttmGrr).toBe(1);
    // 2025-05 vs 2024-05-31: Acme 1,000→1,100, Beta 550→0, Gamma 300→300, Delta 300→300, Epsilon 200→250,
    // Gamma Labs 625→0: then 2,975; now 1,950; min 1,000 + 0 + 300 + 300 + 200 + 0 = 1,800.
    expect(period(r, '2025-05').rates.ttmNrr).toBeCloseTo(1950 / 2975, 6);
    expect(period(r, '2025-05').rates.ttmGrr).toBeCloseTo(1800 / 2975, 6);
  });

  it('per contract, Epsilon returns as a new contract, not a reactivation', async () => {
    const r = await bridgeJson(basic, [...args, '--level', 'contract']);
    expect(money(r, '2024-10')).toMatchObject({ new: '250.00', reactivation: '0.00', end: '3025.00' });
    // Delta's D-2 renews D-1: one contract key, so the late renewal is bridged here too.
    expect(money(r, '2024-07')).toMatchObject({ new: '0.00', churn: '0.00', end: '2825.00' });
    expect(period(r, '2024-10').counts.end).toBe(6);
    expectIdentity(r);
  });

  it('sums months into quarters: a quarter begins where its first month begins and ends where its last ends', async () => {
    const months = await bridgeJson(basic, args);
    const quarters = await bridgeJson(basic, [...args, '--period', 'quarter']);
    expect(money(quarters, '2024-Q3')).toEqual({
      begin: money(months, '2024-07').begin,
      new: '0.00',
      expansion: '0.00',
      reactivation: '0.00',
      contraction: '50.00',
      churn: '0.00',
      end: money(months, '2024-09').end,
    });
    // Q4 2024: Epsilon comes back (250), Gamma Labs churns (625).
    expect(money(quarters, '2024-Q4')).toMatchObject({ begin: '2775.00', reactivation: '250.00', churn: '625.00', end: '2400.00' });
  });

  it('shows ARR as 12 × MRR', async () => {
    const r = await bridgeJson(basic, [...args, '--unit', 'arr']);
    expect(money(r, '2024-06')).toMatchObject({ begin: '35700.00', expansion: '600.00', churn: '2400.00', end: '33900.00' });
    expect(r.policy.unit).toBe('arr');
  });

  it('marks the period containing as-of partial and measures it up to as-of', async () => {
    const r = await bridgeJson(basic, ['--fx', 'EUR=1.10,GBP=1.25', '--as-of', '2024-06-15']);
    const june = period(r, '2024-06');
    expect(june.partial).toBe(true);
    expect(june.end).toBe('2024-06-30');
    // On 06-15 Epsilon (last day 05-31) is inside its grace and no successor has started: pending, still counted.
    expect(june.money).toMatchObject({ begin: '2975.00', expansion: '50.00', churn: '0.00', end: '3025.00' });
    expect(r.periods.at(-1)?.period).toBe('2024-06');
  });

  it('limits the periods shown with --from/--to but keeps earlier history for begin and reactivation', async () => {
    const r = await bridgeJson(basic, [...args, '--from', '2024-10', '--to', '2024-11']);
    expect(r.periods.map((p) => p.period)).toEqual(['2024-10', '2024-11']);
    expect(money(r, '2024-10')).toMatchObject({ begin: '2775.00', reactivation: '250.00' });
  });
});

describe('late renewals and lines that never served', () => {
  it('does not bridge a gap to a successor cancelled before it started', async () => {
    // K1 ends 2024-03-31; the renewal K2 was booked to start 04-10 but cancelled on 04-10 (never active).
    // Without a real successor and with as-of past the grace, K1 churns in April (snapshot 04-30) at 100.
    const text = [
      'customer_id,start_date,end_date,cancel_date,mrr',
      'A,2024-01-01,2024-03-31,,100',
      'A,2024-04-10,2025-04-09,2024-04-10,100',
    ].join('\n');
    const r = await bridgeJson(`${text}\n`, ['--as-of', '2024-06-30']);
    expect(period(r, '2024-04').money).toMatchObject({ begin: '100.00', churn: '100.00', end: '0.00' });
    expect(period(r, '2024-03').money).toMatchObject({ end: '100.00' });
  });
});
