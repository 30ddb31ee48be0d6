import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  amountToMrrCents,
  centsToString,
  naiveBridge,
  periodOf,
  roundHalfEvenCents,
  toDay,
  toIso,
  type NaiveLine,
  type NaivePeriod,
} from './naive-bridge.js';

const line = (entity: string, start: string, end: string | null, mrrCents: number, cancel: string | null = null): NaiveLine => ({
  entity,
  start,
  end,
  cancel,
  mrrCents,
});

function byLabel(periods: readonly NaivePeriod[], label: string): NaivePeriod {
  const p = periods.find((x) => x.label === label);
  if (p === undefined) throw new Error(`no period ${label} in ${periods.map((x) => x.label).join(',')}`);
  return p;
}

/** The reconciliation identity of METRICS.md §4, checked on every period. */
function expectReconciles(periods: readonly NaivePeriod[]): void {
  for (const p of periods) {
    const m = p.money;
    expect(m.begin + m.new + m.expansion + m.reactivation - m.contraction - m.churn, p.label).toBe(m.end);
    const c = p.counts;
    expect(c.begin + c.new + c.reactivated - c.churned, p.label).toBe(c.end);
  }
  for (let i = 1; i < periods.length; i++) expect(periods[i]?.money.begin).toBe(periods[i - 1]?.money.end);
}

describe('calendar helpers', () => {
  it('labels ISO weeks by the year of their Thursday', () => {
    expect(periodOf(toDay('2024-12-30'), 'week').label).toBe('2025-W01'); // Monday of 2025-W01
    expect(periodOf(toDay('2021-01-03'), 'week').label).toBe('2020-W53'); // Sunday, 2020 has 53 weeks
    expect(periodOf(toDay('2024-02-29'), 'week').label).toBe('2024-W09');
    const w = periodOf(toDay('2024-02-29'), 'week');
    expect([toIso(w.start), toIso(w.end)]).toEqual(['2024-02-26', '2024-03-03']);
    expect(periodOf(toDay('2024-11-15'), 'quarter').label).toBe('2024-Q4');
    expect(toIso(periodOf(toDay('2024-02-10'), 'month').end)).toBe('2024-02-29');
  });
  it('clamps month arithmetic to the end of the month', () => {
    expect(toIso(addMonthsClamped(toDay('2020-02-29'), -12))).toBe('2019-02-28');
    expect(toIso(addMonthsClamped(toDay('2024-03-31'), -1))).toBe('2024-02-29');
    expect(toIso(addMonthsClamped(toDay('2024-01-15'), -12))).toBe('2023-01-15');
  });
  it('rounds money half-even and prints it in major units', () => {
    expect(roundHalfEvenCents(100000n, 12n)).toBe(8333); // 1,000.00 a year = 100000 cents → 83.33 a month
    expect(amountToMrrCents('1000', 12)).toBe(8333);
    expect(amountToMrrCents('10000', 12)).toBe(83333);
    expect(amountToMrrCents('0.25', 2)).toBe(12); // 12.5 cents → 12
    expect(amountToMrrCents('-1.5', 1)).toBe(-150);
    expect(roundHalfEvenCents(25n, 2n)).toBe(12); // 12.5 → 12
    expect(roundHalfEvenCents(35n, 2n)).toBe(18); // 17.5 → 18
    expect(roundHalfEvenCents(-25n, 2n)).toBe(-12);
    expect(centsToString(123400)).toBe('1234.00');
    expect(centsToString(-50)).toBe('-0.50');
    expect(centsToString(8333)).toBe('83.33');
  });
});

describe('naive bridge: one movement of each kind (month, grace 0, as-of 2024-06-15)', () => {
  // A: 100.00 from 2024-01-10 to 2024-03-31; +50.00 add-on for February only; back on 2024-05-01 at 80.00.
  // B: a two-week trial 2024-03-05..2024-03-20 that never reaches a snapshot day.
  //
  //   snapshot day   A        B    movement of A
  //   2024-01-31   100.00     0    new 100.00          (b = 0, never active before January)
  //   2024-02-29   150.00     0    expansion 50.00
  //   2024-03-31   100.00     0    contraction 50.00   (B came and went inside March: no movement)
  //   2024-04-30     0        0    churn 100.00
  //   2024-05-31    80.00     0    reactivation 80.00  (b = 0, but A was active before May)
  //   2024-06-15    80.00     0    none (June is partial, snapshot = as-of)
  const lines = [
    line('A', '2024-01-10', '2024-03-31', 10000),
    line('A', '2024-02-01', '2024-02-29', 5000),
    line('A', '2024-05-01', null, 8000),
    line('B', '2024-03-05', '2024-03-20', 3000),
  ];
  const out = naiveBridge(lines, { period: 'month', asOf: '2024-06-15', graceDays: 0 });

  it('reports January (first active day 2024-01-10) through the partial June', () => {
    expect(out.map((p) => p.label)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(out.map((p) => p.partial)).toEqual([false, false, false, false, false, true]);
    expect(byLabel(out, '2024-06').end).toBe('2024-06-30'); // the calendar end, though measured up to as-of
    expectReconciles(out);
  });

  it('classifies each movement', () => {
    const zero = { begin: 0, new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0, end: 0 };
    expect(byLabel(out, '2024-01').money).toEqual({ ...zero, new: 10000, end: 10000 });
    expect(byLabel(out, '2024-02').money).toEqual({ ...zero, begin: 10000, expansion: 5000, end: 15000 });
    expect(byLabel(out, '2024-03').money).toEqual({ ...zero, begin: 15000, contraction: 5000, end: 10000 });
    expect(byLabel(out, '2024-04').money).toEqual({ ...zero, begin: 10000, churn: 10000 });
    expect(byLabel(out, '2024-05').money).toEqual({ ...zero, reactivation: 8000, end: 8000 });
    expect(byLabel(out, '2024-06').money).toEqual({ ...zero, begin: 8000, end: 8000 });
    expect(byLabel(out, '2024-05').counts).toEqual({ begin: 0, new: 0, reactivated: 1, expanded: 0, contracted: 0, churned: 0, end: 1 });
    expect(byLabel(out, '2024-04').counts).toEqual({ begin: 1, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 1, end: 0 });
  });

  it('computes the rates, null on zero denominators', () => {
    // February: begin 100, +50 expansion: GRR 1, NRR 1.5, net churn −0.5, quick ratio 50/0 → null
    const feb = byLabel(out, '2024-02').rates;
    expect(feb).toMatchObject({ grr: 1, nrr: 1.5, grossChurn: 0, netChurn: -0.5, logoChurn: 0, logoRetention: 1, quickRatio: null });
    // March: begin 150, −50 contraction: GRR = NRR = 100/150, gross = net churn = 50/150, quick 0/50 = 0
    const mar = byLabel(out, '2024-03').rates;
    expect(mar.grr).toBeCloseTo(2 / 3, 12);
    expect(mar.nrr).toBeCloseTo(2 / 3, 12);
    expect(mar.grossChurn).toBeCloseTo(1 / 3, 12);
    expect(mar.netChurn).toBeCloseTo(1 / 3, 12);
    expect(mar.quickRatio).toBe(0);
    // April: everything lost
    expect(byLabel(out, '2024-04').rates).toMatchObject({ grr: 0, nrr: 0, grossChurn: 1, logoChurn: 1, logoRetention: 0 });
    // May: begin 0 → every begin-based rate is null; quick ratio 80/0 → null
    expect(Object.values(byLabel(out, '2024-05').rates).every((r) => r === null)).toBe(true);
    // No entity had MRR twelve months earlier (2023): TTM rates null everywhere.
    expect(out.every((p) => p.rates.ttmNrr === null && p.rates.ttmGrr === null)).toBe(true);
  });
});

describe('naive bridge: a late renewal inside the grace window', () => {
  // C: 120.00 to 2024-04-20 (last day), renewed LATE on 2024-05-10 at 150.00.
  //   e = 04-20, e+1 = 04-21, s = 05-10: s − (e+1) = 19 days late.
  //   grace ≥ 19: the old line stays active 04-21..05-09, so the April snapshot (04-30) still has 120.00
  //   and May shows an expansion of 30.00. grace ≤ 18: April churns 120.00 and May reactivates 150.00.
  const lines = [line('C', '2024-01-01', '2024-04-20', 12000), line('C', '2024-05-10', '2024-12-31', 15000)];

  it('marks the period containing as-of partial only when as-of is before its last day', () => {
    const whole = naiveBridge(lines, { period: 'month', asOf: '2024-12-31', graceDays: 30 });
    expect(whole.at(-1)).toMatchObject({ label: '2024-12', end: '2024-12-31', partial: false });
    expect(whole.filter((p) => p.partial)).toHaveLength(0);
    const cut = naiveBridge(lines, { period: 'month', asOf: '2024-12-30', graceDays: 30 });
    expect(cut.at(-1)).toMatchObject({ label: '2024-12', end: '2024-12-31', partial: true });
    expect(cut.filter((p) => p.partial)).toHaveLength(1);
  });

  it('bridges the gap when s ≤ e+1+grace (grace 30, and the boundary grace 19)', () => {
    for (const graceDays of [30, 19]) {
      const out = naiveBridge(lines, { period: 'month', asOf: '2024-12-31', graceDays });
      expect(byLabel(out, '2024-04').money).toMatchObject({ begin: 12000, churn: 0, end: 12000 });
      expect(byLabel(out, '2024-05').money).toMatchObject({ begin: 12000, expansion: 3000, reactivation: 0, end: 15000 });
      expectReconciles(out);
    }
  });

  it('treats the gap as churn + reactivation when the renewal is later than the grace (18, 0)', () => {
    for (const graceDays of [18, 0]) {
      const out = naiveBridge(lines, { period: 'month', asOf: '2024-12-31', graceDays });
      expect(byLabel(out, '2024-04').money).toMatchObject({ begin: 12000, churn: 12000, end: 0 });
      expect(byLabel(out, '2024-05').money).toMatchObject({ begin: 0, reactivation: 15000, end: 15000 });
      expect(byLabel(out, '2024-05').counts.reactivated).toBe(1);
    }
  });

  it('sees the bridged days only inside the gap: a weekly view of the same history', () => {
    // ISO weeks: 2024-W17 = 04-22..04-28 (snapshot 04-28, inside the gap), W19 = 05-06..05-12 (snapshot 05-12, renewed).
    const g30 = naiveBridge(lines, { period: 'week', asOf: '2024-06-30', graceDays: 30 });
    expect(byLabel(g30, '2024-W17').money).toMatchObject({ begin: 12000, churn: 0, end: 12000 });
    expect(byLabel(g30, '2024-W19').money).toMatchObject({ begin: 12000, expansion: 3000, end: 15000 });
    const g0 = naiveBridge(lines, { period: 'week', asOf: '2024-06-30', graceDays: 0 });
    expect(byLabel(g0, '2024-W16').money).toMatchObject({ begin: 12000, churn: 12000, end: 0 }); // 04-15..04-21
    expect(byLabel(g0, '2024-W19').money).toMatchObject({ begin: 0, reactivation: 15000, end: 15000 });
  });
});

describe('naive bridge: a pending renewal at the as-of date', () => {
  // D: 200.00 from 2024-01-01 to 2024-06-30 (e), no renewal known yet; grace 30 → e+grace = 2024-07-30.
  // A renewal line starting 2024-08-20 exists in the file but is ignored while as-of is before it.
  const lines = [line('D', '2024-01-01', '2024-06-30', 20000), line('D', '2024-08-20', null, 20000)];

  it('keeps the line active up to as-of while as-of ≤ e+grace (as-of 2024-07-15 and 07-30)', () => {
    for (const asOf of ['2024-07-15', '2024-07-30']) {
      const out = naiveBridge(lines, { period: 'month', asOf, graceDays: 30 });
      const jul = byLabel(out, '2024-07');
      expect(jul.partial).toBe(true);
      expect(jul.money).toMatchObject({ begin: 20000, churn: 0, end: 20000 });
      expect(out.at(-1)?.label).toBe('2024-07');
    }
  });

  it('churns the day after e+grace when nothing started (as-of 2024-07-31)', () => {
    const out = naiveBridge(lines, { period: 'month', asOf: '2024-07-31', graceDays: 30 });
    expect(byLabel(out, '2024-07').money).toMatchObject({ begin: 20000, churn: 20000, end: 0 });
  });

  it('once the late successor (s = 08-20 > e+1+30 = 07-31) is known, July is churn and August reactivation', () => {
    const out = naiveBridge(lines, { period: 'month', asOf: '2024-08-31', graceDays: 30 });
    expect(byLabel(out, '2024-07').money).toMatchObject({ begin: 20000, churn: 20000, end: 0 });
    expect(byLabel(out, '2024-08').money).toMatchObject({ begin: 0, reactivation: 20000, end: 20000 });
  });
});

describe('naive bridge: a cancelled line gets no grace', () => {
  // F: 100.00 2024-01-01..2024-03-31, cancel_date 2024-03-31 (≤ its last day: an effective cancellation,
  //    last day of service 03-30). No grace: inactive on the March snapshot (03-31) → churn in March.
  // G: same line, cancel_date 2024-04-01 = the day after its last day → changes nothing, G is not cancelled;
  //    as-of 2024-04-10 ≤ 03-31 + 30 → pending renewal, still active on the April snapshot (as-of).
  const lines = [
    line('F', '2024-01-01', '2024-03-31', 10000, '2024-03-31'),
    line('G', '2024-01-01', '2024-03-31', 10000, '2024-04-01'),
  ];
  const out = naiveBridge(lines, { period: 'month', asOf: '2024-04-10', graceDays: 30 });

  it('churns F in March and keeps G pending in April', () => {
    const mar = byLabel(out, '2024-03');
    expect(mar.money).toMatchObject({ begin: 20000, churn: 10000, end: 10000 });
    expect(mar.counts).toMatchObject({ begin: 2, churned: 1, end: 1 });
    expect(mar.rates.logoChurn).toBe(0.5);
    expect(mar.rates.grr).toBe(0.5);
    expect(byLabel(out, '2024-04').money).toMatchObject({ begin: 10000, churn: 0, end: 10000 });
    expectReconciles(out);
  });
});

describe('naive bridge: quarters and the trailing-twelve-month cohort', () => {
  // H: 100.00 evergreen from 2023-01-01, +20.00 evergreen add-on from 2024-01-01.
  // I: 50.00 for 2023 only (2023-01-01..2023-12-31). J: new 30.00 from 2024-02-01.  grace 0, as-of 2024-05-15.
  //
  // 2024-Q1: begin (2023-12-31) H 100 + I 50 = 150 (2 logos); end (2024-03-31) H 120 + J 30 = 150.
  //   expansion H 20, churn I 50, new J 30: 150 + 30 + 20 − 50 = 150.
  //   GRR (150−50)/150 = 0.6667, NRR (150+20−50)/150 = 0.8, net churn (50−20)/150 = 0.2, quick (30+20)/50 = 1.
  //   TTM: reference = end of 2023-Q1 (2023-03-31): H 100, I 50 → then 150; now H 120, I 0 →
  //   NRR_ttm = 120/150 = 0.8, GRR_ttm = (min(120,100) + min(0,50))/150 = 100/150.
  // 2024-Q2 (partial, snapshot 2024-05-15): reference = 2023-05-15 (12 months before as-of): same cohort and figures.
  const lines = [
    line('H', '2023-01-01', null, 10000),
    line('H', '2024-01-01', null, 2000),
    line('I', '2023-01-01', '2023-12-31', 5000),
    line('J', '2024-02-01', null, 3000),
  ];
  const out = naiveBridge(lines, { period: 'quarter', asOf: '2024-05-15', graceDays: 0 });

  it('bridges 2024-Q1', () => {
    expect(out.map((p) => p.label)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    const q1 = byLabel(out, '2024-Q1');
    expect(q1.money).toEqual({ begin: 15000, new: 3000, expansion: 2000, reactivation: 0, contraction: 0, churn: 5000, end: 15000 });
    expect(q1.counts).toEqual({ begin: 2, new: 1, reactivated: 0, expanded: 1, contracted: 0, churned: 1, end: 2 });
    expect(q1.rates.grr).toBeCloseTo(2 / 3, 12);
    expect(q1.rates.nrr).toBeCloseTo(0.8, 12);
    expect(q1.rates.netChurn).toBeCloseTo(0.2, 12);
    expect(q1.rates.quickRatio).toBe(1);
    expect(q1.rates.logoRetention).toBe(0.5);
    expectReconciles(out);
  });

  it('computes TTM NRR/GRR for the complete and the partial quarter', () => {
    for (const label of ['2024-Q1', '2024-Q2']) {
      const r = byLabel(out, label).rates;
      expect(r.ttmNrr).toBeCloseTo(0.8, 12);
      expect(r.ttmGrr).toBeCloseTo(2 / 3, 12);
    }
    expect(byLabel(out, '2023-Q4').rates.ttmNrr).toBeNull(); // reference 2022-12-31: nobody
  });

  it('returns no period when nothing is active by as-of', () => {
    expect(naiveBridge(lines, { period: 'month', asOf: '2022-12-31', graceDays: 30 })).toEqual([]);
    expect(naiveBridge([line('Z', '2024-01-01', null, 0)], { period: 'month', asOf: '2024-12-31', graceDays: 30 })).toEqual([]);
  });
});
