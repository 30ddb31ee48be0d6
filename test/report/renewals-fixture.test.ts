// Hand-worked renewals of fixtures/exports/renewals.csv (see fixtures/exports/README.md), quarters, grace 30,
// as of 2025-06-30, --archive-products archive. Units (customer level), expiring → successor MRR:
//   2024-Q3  Iris     400 → 440 starting 10-25 (24 days late): rolls into Q4, upgraded there (list price +40)
//   2024-Q4  Acme  50,000 → 51,300 on time (METRICS.md §7 worked example; booked 11-15, inside Q4)
//            Bolt   1,000 → 1,000 (12,000/year both), booked 2024-09-20 before Q4: early
//            Fern     700, every line cancelled on 08-01 ("Card declined"): churned, locked at 700
//            Jett     300 → 300 under a new contract id J-2 without a renews link (flat at customer level)
//   2025-Q1  Echo     500 (01-31), no successor, grace closes 03-03: not renewed in Q1
//            Cora   1,800 → 1,350 starting 04-20 (19 days late): rolls into Q2, downgraded (20 → 15 seats)
//            Gala     900 → archive 50 on 04-01: first-time archive, decided in Q1
//            Hive   1,000 + sso 200 added 02-01 → 1,200 on time: locked 1,000, at due 1,200
//   2025-Q2  Dyna   2,000 ends 06-30 = as-of: pending
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { period, renewalsJson, unit } from '../metrics/renewal-helpers.js';

const input = readFileSync(new URL('../../fixtures/exports/renewals.csv', import.meta.url), 'utf8');
const args = ['--period', 'quarter', '--as-of', '2025-06-30', '--archive-products', 'archive'];

describe('renewals.csv by quarter, customers', () => {
  it('works out the flow of every quarter', async () => {
    const r = await renewalsJson(input, args);
    expect(r.periods.map((p) => p.period)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(period(r, '2024-Q3').counts).toMatchObject({ expected: 1, rolledIn: 0, decided: 0, rolledForward: 1 });
    const q4 = period(r, '2024-Q4');
    expect(q4.counts).toMatchObject({ expected: 4, rolledIn: 1, renewedFlat: 2, upgraded: 2, downgraded: 0, archived: 0, cancelled: 1, notRenewed: 0, rolledForward: 0, pending: 0 });
    // Expected 50,000 + 1,000 + 700 + 300; rolled in Iris 400; flat Bolt + Jett; upgraded Acme + Iris.
    expect(q4.money).toMatchObject({ expected: '52000.00', rolledIn: '400.00', renewedFlat: '1300.00', upgraded: '50400.00', cancelled: '700.00', successor: '53040.00', upgradedSuccessor: '51740.00' });
    // Gross (1,300 + 50,400) / 52,400; net 53,040 / 52,400; count 4 renewed of 5 decided.
    expect(q4.rates.grossDollarRenewal).toBeCloseTo(51700 / 52400, 6);
    expect(q4.rates.netDollarRenewal).toBeCloseTo(53040 / 52400, 6);
    expect(q4.rates.countRenewal).toBe(0.8);
    const q1 = period(r, '2025-Q1');
    expect(q1.counts).toMatchObject({ expected: 4, renewedFlat: 1, archived: 1, notRenewed: 1, rolledForward: 1, decided: 3 });
    expect(q1.money).toMatchObject({ expected: '4400.00', renewedFlat: '1200.00', archived: '900.00', archivedSuccessor: '50.00', notRenewed: '500.00', rolledForward: '1800.00', successor: '1250.00' });
    expect(q1.rates.countRenewal).toBeCloseTo(1 / 3, 6);
    const q2 = period(r, '2025-Q2');
    expect(q2.counts).toMatchObject({ expected: 1, rolledIn: 1, downgraded: 1, pending: 1, outstandingPastDue: 0 });
    expect(q2.money).toMatchObject({ expected: '2000.00', rolledIn: '1800.00', downgraded: '1800.00', downgradedSuccessor: '1350.00', pending: '2000.00' });
    expect(q2.partial).toBe(false);
  });

  it('locks the expected CMRR at the start of each quarter', async () => {
    const r = await renewalsJson(input, args);
    // Q4: every due line is active on 10-01 except Fern, cancelled before it, which locks at its 700.
    expect(period(r, '2024-Q4').money).toMatchObject({ expectedLocked: '52000.00', expected: '52000.00', midPeriodAddOns: '0.00' });
    // Q1: Hive's sso starts 02-01, inside the quarter: locked 4,200, at due 4,400.
    expect(period(r, '2025-Q1').money).toMatchObject({ expectedLocked: '4200.00', expected: '4400.00', midPeriodAddOns: '200.00' });
  });

  it('splits the renewal CMRR change into its parts', async () => {
    const r = await renewalsJson(input, [...args, '--detail']);
    // Acme: +7,500 quantity, +1,800 discount, −8,000 analytics; Iris: 4 seats 100 → 110 list price, +40.
    expect(period(r, '2024-Q4').split.upgraded).toEqual({ quantity: '7500.00', listPrice: '40.00', discount: '1800.00', crossSell: '0.00', productChurn: '-8000.00', unattributed: '0.00' });
    // Cora: (15 − 20) × 90 = −450. Gala's archive: platform gone (−900), archive new (+50).
    expect(period(r, '2025-Q2').split.downgraded).toMatchObject({ quantity: '-450.00', listPrice: '0.00', discount: '0.00' });
    expect(period(r, '2025-Q1').split.archived).toMatchObject({ productChurn: '-900.00', crossSell: '50.00' });
    expect(unit(r, 'Acme', '2024-12-31')).toMatchObject({ contract: 'A-1', timing: 'on_time', expiringLines: ['<stdin>:2', '<stdin>:3', '<stdin>:4'], successorLines: ['<stdin>:5', '<stdin>:6'] });
    expect(unit(r, 'Iris', '2024-09-30')).toMatchObject({ contract: 'I-1', timing: 'late', daysLate: 24, duePeriod: '2024-Q3', decidedPeriod: '2024-Q4' });
  });

  it('reports timing, late renewals and reasons', async () => {
    const r = await renewalsJson(input, args);
    expect(period(r, '2024-Q4').counts).toMatchObject({ early: 1, onTime: 2, late: 1 });
    expect(period(r, '2024-Q4').late).toEqual({ averageDaysLate: 24, maxDaysLate: 24 });
    expect(period(r, '2025-Q2').late).toEqual({ averageDaysLate: 19, maxDaysLate: 19 });
    expect(period(r, '2024-Q4').reasons).toEqual([{ reason: 'Card declined', avoidable: 'avoidable', voluntary: 'involuntary', churnedCount: 1, churnedCmrr: '700.00', downgradedCount: 0, downgradedCmrr: '0.00' }]);
    expect(period(r, '2025-Q2').classes.avoidable.avoidable).toEqual({ churnedCount: 0, churnedCmrr: '0.00', downgradedCount: 1, downgradedCmrr: '450.00' });
  });

  it('compares planned churn with actual churn, re-based on each locked expected CMRR', async () => {
    const r = await renewalsJson(input, [...args, '--planned-churn-rate', '10%']);
    // 10% of 400, 52,000, 4,200 (locked, not 4,400), 2,000; actual churn 0, 700, 500, 0.
    expect(r.periods.map((p) => p.plan)).toEqual([
      { churnRate: 0.1, planned: '40.00', actual: '0.00', variance: '-40.00' },
      { churnRate: 0.1, planned: '5200.00', actual: '700.00', variance: '-4500.00' },
      { churnRate: 0.1, planned: '420.00', actual: '500.00', variance: '80.00' },
      { churnRate: 0.1, planned: '200.00', actual: '0.00', variance: '-200.00' },
    ]);
  });
});

describe('renewals.csv under other policies', () => {
  it('per contract, Jett renewing under a new contract id without a link is a non-renewal', async () => {
    const r = await renewalsJson(input, [...args, '--level', 'contract', '--detail']);
    expect(unit(r, 'J-1')).toMatchObject({ outcome: 'churned_not_renewed', decidedPeriod: '2025-Q1' });
    expect(period(r, '2024-Q4').counts).toMatchObject({ renewedFlat: 1, rolledForward: 1 });
    expect(period(r, '2025-Q1').counts).toMatchObject({ rolledIn: 1, notRenewed: 2 });
    expect(period(r, '2025-Q1').money.notRenewed).toBe('800.00');
    // Iris's I-2 renews I-1: one contract key, the same late upgrade as per customer.
    expect(unit(r, 'I-1')).toMatchObject({ outcome: 'upgraded', daysLate: 24 });
  });

  it('by fiscal year starting in April, Cora rolls from FY2025 into the partial FY2026', async () => {
    const r = await renewalsJson(input, ['--period', 'year', '--fiscal-year-start', '4', '--as-of', '2025-06-30', '--archive-products', 'archive']);
    expect(r.periods.map((p) => [p.period, p.partial])).toEqual([['FY2025', false], ['FY2026', true]]);
    const fy25 = period(r, 'FY2025');
    expect(fy25.counts).toMatchObject({ expected: 9, renewedFlat: 3, upgraded: 2, archived: 1, cancelled: 1, notRenewed: 1, rolledForward: 1 });
    // Locked on 2024-04-01: every due line is active then except Hive's sso (from 2025-02-01).
    expect(fy25.money).toMatchObject({ expected: '56800.00', expectedLocked: '56600.00', midPeriodAddOns: '200.00' });
    // FY2026 (to 2026-03-31) holds as-of: Dyna and every term ending later in it (Iris 2025-10-24; Acme, Bolt,
    // Jett 2025-12-31; Gala, Hive 2026-03-31) are due and still pending.
    expect(period(r, 'FY2026').counts).toMatchObject({ expected: 7, rolledIn: 1, downgraded: 1, pending: 7 });
  });

  it('shows ARR as 12 × MRR and limits the periods shown, keeping units rolled in from before', async () => {
    const r = await renewalsJson(input, [...args, '--unit', 'arr', '--from', '2024-Q4', '--to', '2024-Q4']);
    expect(r.periods.map((p) => p.period)).toEqual(['2024-Q4']);
    expect(period(r, '2024-Q4').money).toMatchObject({ expected: '624000.00', rolledIn: '4800.00', cancelled: '8400.00' });
    expect(period(r, '2024-Q4').split.upgraded.quantity).toBe('90000.00');
  });
});
