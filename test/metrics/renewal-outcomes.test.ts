// Hand-worked renewal outcomes, timing, roll-forward and lock-in (METRICS.md §7), monthly periods, grace 30
// unless said. Each case states the units and the reasoning behind every expected figure.
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { period, renewalsJson, unit } from './renewal-helpers.js';

const header = 'customer_id,contract_id,product,start_date,end_date,mrr,booked_date,cancel_date,churn_reason';

describe('outcomes', () => {
  // Five terms end 2024-03-31 (due in March): F renews flat, U up, D down, C was cancelled on 02-15, N has no
  // successor. P ends 2024-06-10 with nothing after it. The renewal terms of F, U, D end 2024-06-30 = as-of.
  const input = csv`
    ${header}
    F,F-1,core,2024-01-01,2024-03-31,100,,,
    F,F-1,core,2024-04-01,2024-06-30,100,,,
    U,U-1,core,2024-01-01,2024-03-31,100,,,
    U,U-1,core,2024-04-01,2024-06-30,150,,,
    D,D-1,core,2024-01-01,2024-03-31,100,,,
    D,D-1,core,2024-04-01,2024-06-30,60,,,
    C,C-1,core,2024-01-01,2024-03-31,100,,2024-02-15,Out of business
    N,N-1,core,2024-01-01,2024-03-31,100,,,Too expensive
    P,P-1,core,2024-04-11,2024-06-10,80,,,
  `;

  it('classifies each unit and books it in its due period, or when decided', async () => {
    const r = await renewalsJson(input, ['--level', 'contract', '--as-of', '2024-06-30', '--detail']);
    expect(r.periods.map((p) => p.period)).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
    expect(unit(r, 'F-1', '2024-03-31')).toMatchObject({ outcome: 'renewed_flat', timing: 'on_time', daysLate: 0, expiring: '100.00', successor: '100.00', decidedPeriod: '2024-03' });
    expect(unit(r, 'U-1', '2024-03-31')).toMatchObject({ outcome: 'upgraded', successor: '150.00', change: '50.00' });
    expect(unit(r, 'D-1', '2024-03-31')).toMatchObject({ outcome: 'downgraded', successor: '60.00', change: '-40.00' });
    // Cancelled on 02-15: last active day 02-14, expiring = its MRR then (the loss stays visible).
    expect(unit(r, 'C-1')).toMatchObject({ outcome: 'churned_cancelled', expiring: '100.00', decidedPeriod: '2024-03', churnReason: 'Out of business' });
    // No successor: the grace closes on 03-31 + 1 + 30 = 2024-05-01, so N is decided in May.
    expect(unit(r, 'N-1')).toMatchObject({ outcome: 'churned_not_renewed', duePeriod: '2024-03', decidedPeriod: '2024-05', successor: '0.00' });
    // P: as-of 06-30 ≤ 06-10 + 30, no successor yet.
    expect(unit(r, 'P-1')).toMatchObject({ outcome: 'pending', decidedPeriod: null, successor: null, change: null });

    const march = period(r, '2024-03');
    expect(march.counts).toMatchObject({ expected: 5, rolledIn: 0, renewedFlat: 1, upgraded: 1, downgraded: 1, renewed: 3, archived: 0, cancelled: 1, notRenewed: 0, churned: 1, rolledForward: 1, pending: 0, decided: 4 });
    expect(march.money).toMatchObject({ expected: '500.00', renewed: '300.00', churned: '100.00', rolledForward: '100.00', successor: '310.00' });
    // Gross: min(100,100) + min(150,100) + min(60,100) + 0 = 260 of 400; net 310 / 400; count 3 of 4.
    expect(march.rates).toEqual({ grossDollarRenewal: 0.65, netDollarRenewal: 0.775, countRenewal: 0.75 });
    // N rolls through April into May; past due and still open at the end of April only.
    expect(period(r, '2024-04').counts).toMatchObject({ expected: 0, rolledIn: 1, rolledForward: 1, decided: 0, outstandingPastDue: 1 });
    expect(period(r, '2024-04').money.outstandingPastDue).toBe('100.00');
    expect(period(r, '2024-05').counts).toMatchObject({ rolledIn: 1, notRenewed: 1, rolledForward: 0, outstandingPastDue: 0 });
    expect(period(r, '2024-05').rates).toEqual({ grossDollarRenewal: 0, netDollarRenewal: 0, countRenewal: 0 });
    // June: P (06-10) and the second terms of F, U, D (06-30 = as-of) are all pending; only P is past due.
    const june = period(r, '2024-06');
    expect(june.counts).toMatchObject({ expected: 4, pending: 4, rolledForward: 0, decided: 0, outstandingPastDue: 1 });
    expect(june.money).toMatchObject({ expected: '390.00', pending: '390.00', outstandingPastDue: '80.00' });
    expect(june.rates.countRenewal).toBeNull();
  });

  it('books a unit whose grace is 0 in the next period when it ends on the last day (as the bridge does)', async () => {
    const r = await renewalsJson(csv`
      ${header}
      N,N-1,core,2024-01-01,2024-03-31,100,,,
    `, ['--as-of', '2024-06-30', '--grace-days', '0', '--detail']);
    // Decided on 03-31 + 1 + 0 = 04-01: undecided at the end of March.
    expect(unit(r, 'N-1')).toMatchObject({ outcome: 'churned_not_renewed', decidedPeriod: '2024-04' });
    expect(period(r, '2024-03').counts.rolledForward).toBe(1);
  });

  it('decides nothing with a successor that starts after as-of', async () => {
    const input2 = csv`
      ${header}
      A,A-1,core,2024-01-01,2024-03-31,100,,,
      A,A-1,core,2024-04-20,2024-12-31,100,2024-03-01,,
    `;
    const before = await renewalsJson(input2, ['--as-of', '2024-04-10', '--detail']);
    expect(unit(before, 'A')).toMatchObject({ outcome: 'pending' });
    expect(period(before, '2024-04').partial).toBe(true);
    expect(period(before, '2024-04').counts).toMatchObject({ rolledIn: 1, pending: 1, outstandingPastDue: 1 });
    const after = await renewalsJson(input2, ['--as-of', '2024-04-30', '--detail']);
    expect(unit(after, 'A')).toMatchObject({ outcome: 'renewed_flat', timing: 'late', daysLate: 19, decidedPeriod: '2024-04' });
  });
});

describe('timing', () => {
  it('tells early (booked before the due period), on time and late renewals apart', async () => {
    // All old terms end in March. E's renewal was signed on 02-20 (before March): early. O's on 03-05: on
    // time. L2's term ends 03-10 and its successor starts 03-15: 4 days late, decided in March. L's starts
    // 04-11: 10 days late, so L rolls into April.
    const r = await renewalsJson(csv`
      ${header}
      E,E-1,core,2024-01-01,2024-03-31,100,,,
      E,E-1,core,2024-04-01,2024-12-31,100,2024-02-20,,
      O,O-1,core,2024-01-01,2024-03-31,200,,,
      O,O-1,core,2024-04-01,2024-12-31,200,2024-03-05,,
      L2,L2-1,core,2024-01-01,2024-03-10,300,,,
      L2,L2-1,core,2024-03-15,2024-12-31,300,,,
      L,L-1,core,2024-01-01,2024-03-31,400,,,
      L,L-1,core,2024-04-11,2024-12-31,400,,,
    `, ['--as-of', '2024-06-30', '--detail']);
    expect(unit(r, 'E')).toMatchObject({ timing: 'early', daysLate: 0 });
    expect(unit(r, 'O')).toMatchObject({ timing: 'on_time' });
    expect(unit(r, 'L2')).toMatchObject({ timing: 'late', daysLate: 4, decidedPeriod: '2024-03' });
    expect(unit(r, 'L')).toMatchObject({ timing: 'late', daysLate: 10, decidedPeriod: '2024-04', duePeriod: '2024-03' });
    const march = period(r, '2024-03');
    expect(march.counts).toMatchObject({ early: 1, onTime: 1, late: 1, rolledForward: 1 });
    expect(march.money.late).toBe('300.00');
    expect(march.late).toEqual({ averageDaysLate: 4, maxDaysLate: 4 });
    const april = period(r, '2024-04');
    expect(april.counts).toMatchObject({ rolledIn: 1, renewedFlat: 1, late: 1, early: 0, onTime: 0 });
    expect(april.money).toMatchObject({ rolledIn: '400.00', late: '400.00' });
    expect(april.late).toEqual({ averageDaysLate: 10, maxDaysLate: 10 });
  });

  it('rolls a late renewal forward across two periods until it is decided', async () => {
    // Grace 45. X ends 01-31 and renews on 03-10 (38 days late); Y ends 01-31 and never renews: its grace
    // closes on 01-31 + 1 + 45 = 03-17. Both are open at the end of January and February.
    const input = csv`
      ${header}
      X,X-1,core,2023-02-01,2024-01-31,100,,,
      X,X-1,core,2024-03-10,2025-03-09,100,,,
      Y,Y-1,core,2023-02-01,2024-01-31,50,,,Payment failed
    `;
    const r = await renewalsJson(input, ['--as-of', '2024-03-31', '--grace-days', '45', '--detail']);
    expect(period(r, '2024-01').counts).toMatchObject({ expected: 2, rolledForward: 2, outstandingPastDue: 0 });
    expect(period(r, '2024-01').money).toMatchObject({ expected: '150.00', rolledForward: '150.00' });
    expect(period(r, '2024-02').counts).toMatchObject({ expected: 0, rolledIn: 2, rolledForward: 2, outstandingPastDue: 2 });
    expect(period(r, '2024-02').money).toMatchObject({ rolledIn: '150.00', rolledForward: '150.00', outstandingPastDue: '150.00' });
    const march = period(r, '2024-03');
    expect(march.counts).toMatchObject({ rolledIn: 2, renewedFlat: 1, notRenewed: 1, rolledForward: 0, late: 1 });
    expect(march.late).toEqual({ averageDaysLate: 38, maxDaysLate: 38 });
    expect(march.classes.voluntary.involuntary).toEqual({ churnedCount: 1, churnedCmrr: '50.00', downgradedCount: 0, downgradedCmrr: '0.00' });
    // Known only up to mid-February: both are pending in the (partial) last period.
    const mid = await renewalsJson(input, ['--as-of', '2024-02-15', '--grace-days', '45']);
    expect(mid.periods.at(-1)).toMatchObject({ period: '2024-02', partial: true });
    expect(period(mid, '2024-02').counts).toMatchObject({ rolledIn: 2, pending: 2, rolledForward: 0, outstandingPastDue: 2 });
  });
});

describe('expected CMRR lock-in', () => {
  it('locks at the first day of the period; add-ons and cancellations inside it show as the difference', async () => {
    // All due 2024-03-31, locked on 2024-03-01:
    //   A: core 100 since January + seats 40 starting 03-10 (inside March): locked 100, at due 140.
    //   B: cancelled 02-01 (before March): locked at its expiring 70.
    //   C: core 100 + sso 50, sso cancelled 03-15 (inside March): locked 150, expiring 100 (sso is gone by e).
    const r = await renewalsJson(csv`
      ${header}
      A,A-1,core,2024-01-01,2024-03-31,100,,,
      A,A-1,seats,2024-03-10,2024-03-31,40,,,
      B,B-1,core,2024-01-01,2024-03-31,70,,2024-02-01,
      C,C-1,core,2024-01-01,2024-03-31,100,,,
      C,C-1,sso,2024-01-01,2024-03-31,50,,2024-03-15,
    `, ['--as-of', '2024-03-31', '--detail']);
    expect(unit(r, 'A')).toMatchObject({ expiring: '140.00', locked: '100.00' });
    expect(unit(r, 'B')).toMatchObject({ outcome: 'churned_cancelled', expiring: '70.00', locked: '70.00' });
    expect(unit(r, 'C')).toMatchObject({ outcome: 'pending', expiring: '100.00', locked: '150.00' });
    // 310 at due − 320 locked = −10: +40 of A's add-on, −50 of C's cancelled sso.
    expect(period(r, '2024-03').money).toMatchObject({ expectedLocked: '320.00', expected: '310.00', midPeriodAddOns: '-10.00' });
  });

  it('never makes an evergreen line due, nor counts an evergreen add-on in the expiring MRR', async () => {
    const r = await renewalsJson(csv`
      ${header}
      A,A-1,core,2024-01-01,2024-03-31,100,,,
      A,A-1,addon,2024-02-01,,30,,,
      G,G-1,core,2024-01-01,,500,,,
    `, ['--level', 'contract', '--as-of', '2024-05-31', '--detail']);
    expect(r.units?.map((u) => u.contract)).toEqual(['A-1']);
    expect(unit(r, 'A-1')).toMatchObject({ expiring: '100.00', outcome: 'churned_not_renewed' });
  });
});

describe('levels', () => {
  // K renews under a new contract id without a renews link; M with one.
  const input = csv`
    customer_id,contract_id,start_date,end_date,mrr,renews
    K,K-1,2024-01-01,2024-03-31,100,
    K,K-2,2024-04-01,2024-12-31,100,
    M,M-1,2024-01-01,2024-03-31,200,
    M,M-2,2024-04-01,2024-12-31,200,M-1
  `;

  it('at customer level, a renewal under a new contract id still counts', async () => {
    const r = await renewalsJson(input, ['--as-of', '2024-06-30', '--detail']);
    expect(unit(r, 'K-1')).toMatchObject({ customer: 'K', outcome: 'renewed_flat' });
    expect(period(r, '2024-03').counts).toMatchObject({ renewedFlat: 2, churned: 0 });
  });

  it('at contract level, only a renews link makes it the same contract key', async () => {
    const r = await renewalsJson(input, ['--level', 'contract', '--as-of', '2024-06-30', '--detail']);
    expect(unit(r, 'K-1')).toMatchObject({ outcome: 'churned_not_renewed', decidedPeriod: '2024-05' });
    expect(unit(r, 'M-1')).toMatchObject({ outcome: 'renewed_flat', successorLines: ['<stdin>:5'], expiringLines: ['<stdin>:4'] });
  });
});

describe('archives', () => {
  const input = csv`
    customer_id,contract_id,product,start_date,end_date,mrr
    G,G-1,platform,2024-01-01,2024-03-31,900
    G,G-1,archive,2024-04-01,2024-06-30,50
    G,G-1,archive,2024-07-01,2024-09-30,50
  `;

  it('reports a first-time archive as its own bucket; an archive renewing an archive is a renewal', async () => {
    const r = await renewalsJson(input, ['--as-of', '2024-09-30', '--archive-products', 'archive', '--detail']);
    expect(unit(r, 'G-1', '2024-03-31')).toMatchObject({ outcome: 'archived', successor: '50.00', timing: 'on_time' });
    expect(unit(r, 'G-1', '2024-06-30')).toMatchObject({ outcome: 'renewed_flat' });
    const march = period(r, '2024-03');
    expect(march.counts).toMatchObject({ archived: 1, renewed: 0, decided: 1 });
    expect(march.money).toMatchObject({ archived: '900.00', archivedSuccessor: '50.00' });
    // Archived: decided but not renewed (count rate 0); its archive MRR counts in the dollar rates.
    expect(march.rates).toEqual({ grossDollarRenewal: 0.055556, netDollarRenewal: 0.055556, countRenewal: 0 });
    expect(march.split.archived).toMatchObject({ productChurn: '-900.00', crossSell: '50.00' });
  });

  it('is an ordinary downgrade without --archive-products, and warns about an unknown archive product', async () => {
    const r = await renewalsJson(input, ['--as-of', '2024-09-30', '--detail']);
    expect(unit(r, 'G-1', '2024-03-31').outcome).toBe('downgraded');
    const run = await runCli(['renewals', '--as-of', '2024-09-30', '--archive-products', 'archiv', '-q', '-'], { stdin: input });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('ARCHIVE_PRODUCT_UNKNOWN');
  });
});
