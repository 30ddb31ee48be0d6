/**
 * End-to-end: `retain bridge` on the dbt Labs mrr-playbook seed (fixtures/public/mrr-playbook, see CREDIT.md).
 *
 * The file: 121 rows, 55 customers, one row per price period; start_date and end_date are always the 1st of a
 * month and end_date is EXCLUSIVE (the line's last day is the day before), monthly_amount is MRR in whole dollars.
 * So every change happens on a 1st of a month, and a month-end snapshot of a customer is simply the amount of
 * the row with start_date ≤ that month < end_date.
 *
 * How the expectations were derived:
 *  1. By hand, from the rows, for a handful of periods (each test below lists the customers and amounts it used;
 *     "cN" = customer_id N, "row N" = subscription_id N). Begin/end totals were summed customer by customer.
 *  2. Independently, every period of every run is compared with the naive reference (test/reference/naive-bridge.ts)
 *     fed with the same CSV parsed here with csv-parse. The hand figures were checked against the naive output
 *     before being written down; they agreed everywhere (no disagreement had to be resolved).
 */
import { describe, expect, it } from 'vitest';
import { amountToMrrCents, naiveBridge, toDay, toIso, type NaiveLine, type NaiveOptions } from '../reference/naive-bridge.js';
import { expectPeriod, expectSameAsNaive, readFixture, runBridge } from './support.js';

const FILE = 'fixtures/public/mrr-playbook/subscription_periods.csv';
const BASE = ['--end-exclusive', '--column', 'mrr=monthly_amount', FILE];

/** The rows as naive lines: exclusive end → inclusive last day; whole dollars → cents. */
const LINES: NaiveLine[] = readFixture(FILE).map((r) => ({
  entity: r['customer_id'] ?? '',
  start: r['start_date'] ?? '',
  end: toIso(toDay(r['end_date'] ?? '') - 1),
  cancel: null,
  mrrCents: amountToMrrCents(r['monthly_amount'] ?? '', 1),
}));

async function bridge(opts: NaiveOptions) {
  return runBridge(['--period', opts.period, '--as-of', opts.asOf, '--grace-days', String(opts.graceDays), ...BASE]);
}

describe('mrr-playbook fixture', () => {
  it('is the expected copy (121 rows, 55 customers)', () => {
    expect(LINES).toHaveLength(121);
    expect(new Set(LINES.map((l) => l.entity)).size).toBe(55);
  });
});

describe('mrr-playbook: month, as-of 2020-01-31, grace 0', () => {
  const opts: NaiveOptions = { period: 'month', asOf: '2020-01-31', graceDays: 0 };

  it('matches the hand-worked periods', async () => {
    const json = await bridge(opts);
    expect(json.asOf).toBe('2020-01-31');
    expect(json.input).toMatchObject({ rows: 121, used: 121, rejected: 0 });

    // First active day 2017-09-01 (rows 4 and 5, c2 and c3) → 2017-09 … 2020-01 = 4 + 12 + 12 + 1 = 29 months.
    expect(json.periods).toHaveLength(29);
    expect(json.periods[0]?.period).toBe('2017-09');

    // 2017-12: c2 (row 4, to 2017-11-01), c3 (row 5, to 2017-10-01) and c4 (row 6, Oct 2017) are gone and
    // nobody else starts before 2018-01: an empty period in the middle is still reported, all zero, rates null.
    expectPeriod(json, '2017-12', {
      partial: false,
      money: { begin: '0.00', new: '0.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '0.00' },
      counts: { begin: 0, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 0 },
      rates: { grr: null, nrr: null, logoChurn: null, quickRatio: null, ttmNrr: null },
    });

    // 2018-09 — a REACTIVATION and a new customer.
    //   begin (2018-08-31): c6 65 (row 15), c7 70 (row 17), c9 75 (row 21), c12 50 (row 33) = 260, 4 customers.
    //   c10: row 22 (80, April 2018 only) then nothing until row 23 (50, from 2018-09-01) → reactivation 50.
    //   c11: row 30 (30, from 2018-09-01), first ever row → new 30.   end = 260 + 50 + 30 = 340, 6 customers.
    //   TTM: reference day 2017-09-30: c2 25 (row 4) + c3 50 (row 5) = 75; both at 0 on 2018-09-30 → NRR_ttm = GRR_ttm = 0.
    expectPeriod(json, '2018-09', {
      partial: false,
      start: '2018-09-01',
      end: '2018-09-30',
      money: { begin: '260.00', new: '30.00', expansion: '0.00', reactivation: '50.00', contraction: '0.00', churn: '0.00', end: '340.00' },
      counts: { begin: 4, new: 1, reactivated: 1, expanded: 0, contracted: 0, churned: 0, end: 6 },
      rates: { grr: 1, nrr: 1, grossChurn: 0, netChurn: 0, logoChurn: 0, logoRetention: 1, quickRatio: null, ttmNrr: 0, ttmGrr: 0 },
    });

    // 2019-04 — reactivation, new and EXPANSIONS, no loss.
    //   Rows starting 2019-04-01: row 2 c1 50 (c1 had rows 1 to 2019-02-01 → gap → reactivation 50);
    //   row 18 c8 65 and row 81 c30 55 (first rows → new 120, 2 customers);
    //   row 25 c10 25→50 (+25), row 37 c14 25→50 (+25), row 67 c23 35→50 (+15) → expansion 65, 3 customers.
    //   end (2019-04-30), customer by customer: c1 50, c6 65, c7 70, c8 65, c9 75, c10 50, c11 50, c12 50, c14 50,
    //   c15 30, c17 50, c18 50, c20 50, c21 50, c22 35, c23 50, c30 55 = 895, 17 customers; begin = 895−50−120−65 = 660 (14).
    //   NRR = (660+65)/660; quick ratio = 235/0 → null.
    //   TTM: reference 2018-04-30: c7 70, c10 80 (row 22) = 150; now c7 70, c10 50 → NRR_ttm = 120/150 = GRR_ttm.
    expectPeriod(json, '2019-04', {
      partial: false,
      money: { begin: '660.00', new: '120.00', expansion: '65.00', reactivation: '50.00', contraction: '0.00', churn: '0.00', end: '895.00' },
      counts: { begin: 14, new: 2, reactivated: 1, expanded: 3, contracted: 0, churned: 0, end: 17 },
      rates: { grr: 1, nrr: 725 / 660, grossChurn: 0, netChurn: -65 / 660, quickRatio: null, ttmNrr: 0.8, ttmGrr: 0.8 },
    });

    // 2019-08 — CHURN and CONTRACTIONS.
    //   begin (2019-07-31): c1 75, c5 50, c6 65, c7 70, c8 65, c9 75, c10 50, c11 50, c12 50, c14 25, c15 30, c16 25,
    //   c17 40, c18 50, c19 50, c20 50, c21 50, c22 35, c23 50, c24 60, c26 50, c27 130, c28 50, c29 35, c30 45,
    //   c32 25 = 1350, 26 customers.
    //   Rows ending 2019-08-01 with no successor: row 3 c1 75, row 65 c22 35, row 74 c26 50 → churn 160 (3).
    //   Price drops on 2019-08-01: c5 50→25 (rows 9→10), c27 130→125 (rows 75→76), c28 50→25 (rows 77→78) → contraction 55 (3).
    //   New on 2019-08-01: c13 25 (row 34), c25 30 (row 70), c34 50 (row 89) → 105 (3).   end = 1350+105−55−160 = 1240 (26).
    //   GRR = NRR = 1135/1350; logo churn 3/26; quick ratio 105/215.
    //   TTM: reference 2018-08-31: c6 65, c7 70, c9 75, c12 50 = 260, all unchanged on 2019-08-31 → 1 and 1.
    expectPeriod(json, '2019-08', {
      partial: false,
      money: { begin: '1350.00', new: '105.00', expansion: '0.00', reactivation: '0.00', contraction: '55.00', churn: '160.00', end: '1240.00' },
      counts: { begin: 26, new: 3, reactivated: 0, expanded: 0, contracted: 3, churned: 3, end: 26 },
      rates: {
        grr: 1135 / 1350,
        nrr: 1135 / 1350,
        grossChurn: 215 / 1350,
        netChurn: 215 / 1350,
        logoChurn: 3 / 26,
        logoRetention: 23 / 26,
        quickRatio: 105 / 215,
        ttmNrr: 1,
        ttmGrr: 1,
      },
    });

    // 2019-12 — the big churn of rows ending 2019-12-01.
    //   Churn (17): c7 70, c8 65, c18 50, c20 50, c21 50, c28 25, c29 35, c30 45, c33 25, c35 25, c38 30, c39 35,
    //   c42 50, c43 25, c47 50, c48 25, c49 50 = 705.
    //   Expansion (3): c5 25→40 (rows 12→13), c10 25→35 (28→29), c41 25→50 (102→103) = 50.
    //   Contraction (2): c17 100→95 (54→55), c31 50→25 (83→84) = 30.   New (3): c46 50, c50 25, c52 25 = 100.
    //   end (2019-12-31): c5 40, c6 65, c9 75, c10 35, c11 50, c12 50, c13 50, c14 25, c15 30, c16 25, c17 95, c19 50,
    //   c23 50, c24 60, c25 45, c27 125, c31 25, c32 25, c34 25, c36 25, c37 25, c40 50, c41 50, c44 25, c45 35, c46 50,
    //   c50 25, c52 25 = 1255 (28). begin = 1255 − 100 − 50 + 30 + 705 = 1840 (28 − 3 + 17 = 42).
    //   TTM: reference 2018-12-31: c1 50, c5 25, c6 65, c7 70, c9 75, c10 25, c11 50, c12 50, c17 50, c18 50, c21 50,
    //   c22 25 = 585. Now: c5 40, c6 65, c9 75, c10 35, c11 50, c12 50, c17 95, others 0 = 410 → NRR_ttm 410/585.
    //   min(now, then): 25 + 65 + 75 + 25 + 50 + 50 + 50 = 340 → GRR_ttm 340/585.
    expectPeriod(json, '2019-12', {
      partial: false,
      money: { begin: '1840.00', new: '100.00', expansion: '50.00', reactivation: '0.00', contraction: '30.00', churn: '705.00', end: '1255.00' },
      counts: { begin: 42, new: 3, reactivated: 0, expanded: 3, contracted: 2, churned: 17, end: 28 },
      rates: {
        grr: 1105 / 1840,
        nrr: 1155 / 1840,
        grossChurn: 735 / 1840,
        netChurn: 685 / 1840,
        logoChurn: 17 / 42,
        logoRetention: 25 / 42,
        quickRatio: 150 / 735,
        ttmNrr: 410 / 585,
        ttmGrr: 340 / 585,
      },
    });

    // 2020-01 — the period containing as-of; as-of 2020-01-31 is its last day, so it is complete.
    //   Every row active on 2019-12-31 ends 2020-01-01 and nothing renews them; grace 0 → all 28 churn (1255).
    //   New: c51 50, c53 50, c54 25, c55 50 (rows 117, 119–121) = 175 (4).
    //   TTM (partial): reference = 12 months before as-of = 2019-01-31: the 2018-12-31 cohort with c20 25 (row 60)
    //   added and c22 at 35 (row 65) = 620; none of them active on 2020-01-31 → 0 and 0.
    expectPeriod(json, '2020-01', {
      partial: false,
      start: '2020-01-01',
      end: '2020-01-31',
      money: { begin: '1255.00', new: '175.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '1255.00', end: '175.00' },
      counts: { begin: 28, new: 4, reactivated: 0, expanded: 0, contracted: 0, churned: 28, end: 4 },
      rates: { grr: 0, nrr: 0, grossChurn: 1, logoChurn: 1, logoRetention: 0, quickRatio: 175 / 1255, ttmNrr: 0, ttmGrr: 0 },
    });
  });

  it('matches the naive reference in every period', async () => {
    expectSameAsNaive(await bridge(opts), naiveBridge(LINES, opts));
  });

  it('maps monthly_amount to mrr without --column (alias)', async () => {
    const aliased = await runBridge(['--period', 'month', '--as-of', '2020-01-31', '--grace-days', '0', '--end-exclusive', FILE]);
    expectSameAsNaive(aliased, naiveBridge(LINES, opts));
  });
});

describe('mrr-playbook: grace windows (month, as-of 2020-01-31)', () => {
  it('grace 30 changes nothing: every gap is ≥ 59 days and the 2020-01-01 ends expired on 2020-01-30', async () => {
    // Gaps: c1 2019-02-01 → 2019-04-01 (59 days), c5 2019-03-01 → 2019-07-01, c10 2018-05-01 → 2018-09-01.
    // Pending: last day e = 2019-12-31, e + 30 = 2020-01-30 < as-of → no longer pending.
    const opts: NaiveOptions = { period: 'month', asOf: '2020-01-31', graceDays: 30 };
    const json = await bridge(opts);
    const naive = naiveBridge(LINES, opts);
    expectSameAsNaive(json, naive);
    expect(json.periods.map((p) => p.money)).toEqual((await bridge({ ...opts, graceDays: 0 })).periods.map((p) => p.money));
  });

  it('grace 31: the rows ending 2020-01-01 are pending on as-of (2020-01-31 = e + 31)', async () => {
    const opts: NaiveOptions = { period: 'month', asOf: '2020-01-31', graceDays: 31 };
    const json = await bridge(opts);
    // 2020-01: the 28 customers of 2019-12-31 keep their MRR up to as-of; only the 4 new ones move.
    //   TTM: cohort of 2019-01-31 = 620 (see above); now c5 40, c6 65, c9 75, c10 35, c11 50, c12 50, c17 95 = 410;
    //   min: 25 + 65 + 75 + 25 + 50 + 50 + 50 = 340.
    expectPeriod(json, '2020-01', {
      partial: false,
      money: { begin: '1255.00', new: '175.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '1430.00' },
      counts: { begin: 28, new: 4, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 32 },
      rates: { grr: 1, nrr: 1, quickRatio: null, ttmNrr: 410 / 620, ttmGrr: 340 / 620 },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });

  it('grace 60 bridges c1 (late renewal, 59 days) and keeps 2020-01 pending', async () => {
    const opts: NaiveOptions = { period: 'month', asOf: '2020-01-31', graceDays: 60 };
    const json = await bridge(opts);
    // c1: row 1 last day e = 2019-01-31; next start s = 2019-04-01 (row 2); e+1 = 2019-02-01 < s ≤ e+1+60 = 2019-04-02
    // → row 1 stays active 2019-02-01 … 2019-03-31 at 50.
    // 2019-02: without grace c1 was the only churn (50). Now: begin 620; new c15 30 (row 44); expansion c20 25→50
    // (rows 60→61) 25; churn 0 → end 675 (14).
    expectPeriod(json, '2019-02', {
      money: { begin: '620.00', new: '30.00', expansion: '25.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '675.00' },
      counts: { begin: 13, new: 1, reactivated: 0, expanded: 1, contracted: 0, churned: 0, end: 14 },
      rates: { grr: 1, nrr: 645 / 620, logoChurn: 0, quickRatio: null },
    });
    // 2019-03: c5 (row 8, last day 2019-02-28; next start 2019-07-01, far beyond grace) churns 25;
    // new c14 25 (row 36) + c23 35 (row 66) = 60 → 675 + 60 − 25 = 710 (15).
    expectPeriod(json, '2019-03', {
      money: { begin: '675.00', new: '60.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '25.00', end: '710.00' },
      counts: { begin: 14, new: 2, reactivated: 0, expanded: 0, contracted: 0, churned: 1, end: 15 },
      rates: { grr: 650 / 675, nrr: 650 / 675, logoChurn: 1 / 14, quickRatio: 60 / 25 },
    });
    // 2019-04: c1 goes 50 (bridged row 1) → 50 (row 2): no movement, so no reactivation:
    // 710 + new 120 + expansion 65 = 895 (same end as without grace).
    expectPeriod(json, '2019-04', {
      money: { begin: '710.00', new: '120.00', expansion: '65.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '895.00' },
      counts: { begin: 15, new: 2, reactivated: 0, expanded: 3, contracted: 0, churned: 0, end: 17 },
    });
    // 2020-01: e = 2019-12-31, as-of ≤ e + 60 → pending, like grace 31.
    expectPeriod(json, '2020-01', {
      partial: false,
      money: { begin: '1255.00', new: '175.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '1430.00' },
      counts: { begin: 28, new: 4, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 32 },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });
});

describe('mrr-playbook: pending renewals at as-of 2019-12-20 (month, grace 30)', () => {
  const opts: NaiveOptions = { period: 'month', asOf: '2019-12-20', graceDays: 30 };

  it('keeps the rows ending 2019-12-01 active up to as-of; later rows are used but ignored', async () => {
    const json = await bridge(opts);
    // The four rows starting 2020-01-01 (117, 119–121) are after as-of: ignored, yet counted as used rows.
    expect(json.input).toMatchObject({ rows: 121, used: 121, rejected: 0 });
    expect(json.periods.at(-1)?.period).toBe('2019-12');
    // 2019-12 (partial, snapshot 2019-12-20): the 17 customers that churn at month level (2019-12 above) have last day
    // e = 2019-11-30 and no later row; as-of 2019-12-20 ≤ e + 30 = 2019-12-30 → pending, still active → churn 0.
    // The other movements are those of the full month: new 100, expansion 50, contraction 30.
    // end = 1840 + 100 + 50 − 30 = 1960 (42 + 3 = 45).
    // TTM (partial): reference 2018-12-20 = same cohort as 2018-12-31 (all changes on the 1st) = 585;
    // now 410 (see 2019-12 above) + the pending c7 70, c18 50, c21 50 = 580; min 340 + 70 + 50 + 50 = 510.
    expectPeriod(json, '2019-12', {
      partial: true,
      start: '2019-12-01',
      end: '2019-12-31', // the calendar end; the snapshot day is as-of
      money: { begin: '1840.00', new: '100.00', expansion: '50.00', reactivation: '0.00', contraction: '30.00', churn: '0.00', end: '1960.00' },
      counts: { begin: 42, new: 3, reactivated: 0, expanded: 3, contracted: 2, churned: 0, end: 45 },
      rates: {
        grr: 1810 / 1840,
        nrr: 1860 / 1840,
        grossChurn: 30 / 1840,
        netChurn: -20 / 1840,
        logoChurn: 0,
        quickRatio: 150 / 30,
        ttmNrr: 580 / 585,
        ttmGrr: 510 / 585,
      },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });
});

describe('mrr-playbook: quarters (as-of 2020-01-31, grace 0)', () => {
  const opts: NaiveOptions = { period: 'quarter', asOf: '2020-01-31', graceDays: 0 };

  it('bridges 2019-Q3 and the partial 2020-Q1', async () => {
    const json = await bridge(opts);
    expect(json.periods.map((p) => p.period)).toEqual([
      '2017-Q3', '2017-Q4', '2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4',
      '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1',
    ]);
    // 2019-Q3: begin = 2019-06-30: c1 75, c6 65, c7 70, c8 65, c9 75, c10 50, c11 50, c12 50, c14 50, c15 30, c17 40,
    //   c18 50, c19 50, c20 50, c21 50, c22 35, c23 50, c24 60, c26 50, c29 50, c30 45, c32 25 = 1135 (22).
    //   On 2019-09-30: churned c1 75, c22 35, c26 50 = 160 (3); contracted c17 40→35, c29 50→35 = 20 (2);
    //   c5 back at 50 (row 11; it was at 0 on 06-30, active before) = reactivation 50; c14 50→50 unchanged even though
    //   it went 25 in between (changes inside a period cancel out);
    //   new: c13 50, c16 25, c25 35, c27 125, c28 25, c34 25, c36 50, c37 25, c38 30, c40 35, c42 25 = 450 (11).
    //   end = 1135 + 450 + 50 − 20 − 160 = 1455 (31).
    //   TTM: reference = end of 2018-Q3 (2018-09-30): c6 65, c7 70, c9 75, c10 50, c11 30, c12 50 = 340;
    //   now 65 + 70 + 75 + 50 + 50 + 50 = 360; min = 340 → 360/340 and 1.
    expectPeriod(json, '2019-Q3', {
      partial: false,
      start: '2019-07-01',
      end: '2019-09-30',
      money: { begin: '1135.00', new: '450.00', expansion: '0.00', reactivation: '50.00', contraction: '20.00', churn: '160.00', end: '1455.00' },
      counts: { begin: 22, new: 11, reactivated: 1, expanded: 0, contracted: 2, churned: 3, end: 31 },
      rates: {
        grr: 955 / 1135,
        nrr: 955 / 1135,
        grossChurn: 180 / 1135,
        netChurn: 180 / 1135,
        logoChurn: 3 / 22,
        logoRetention: 19 / 22,
        quickRatio: 500 / 180,
        ttmNrr: 360 / 340,
        ttmGrr: 1,
      },
    });
    // 2020-Q1 (partial, snapshot 2020-01-31): same figures as the month 2020-01; TTM reference 2019-01-31 (620) → 0.
    expectPeriod(json, '2020-Q1', {
      partial: true,
      start: '2020-01-01',
      end: '2020-03-31', // the calendar end; the snapshot day is as-of
      money: { begin: '1255.00', new: '175.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '1255.00', end: '175.00' },
      counts: { begin: 28, new: 4, reactivated: 0, expanded: 0, contracted: 0, churned: 28, end: 4 },
      rates: { grr: 0, ttmNrr: 0, ttmGrr: 0 },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });
});

describe('mrr-playbook: years (as-of 2020-01-31, grace 30)', () => {
  const opts: NaiveOptions = { period: 'year', asOf: '2020-01-31', graceDays: 30 };

  it('bridges 2017 (nothing left), 2018 (all new), 2019 and the partial 2020', async () => {
    const json = await bridge(opts);
    expect(json.periods.map((p) => p.period)).toEqual(['2017', '2018', '2019', '2020']);
    // 2017: c2, c3, c4 start and end inside 2017 → no movement at all, and no rate.
    expectPeriod(json, '2017', {
      money: { begin: '0.00', new: '0.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '0.00' },
      counts: { begin: 0, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 0 },
      rates: { grr: null, nrr: null, logoChurn: null, quickRatio: null, ttmNrr: null, ttmGrr: null },
    });
    // 2018: nobody on 2017-12-31; the 12 customers of 2018-12-31 (585, listed at 2019-12 above) are all new.
    expectPeriod(json, '2018', {
      money: { begin: '0.00', new: '585.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '585.00' },
      counts: { begin: 0, new: 12, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 12 },
      rates: { grr: null, ttmNrr: null },
    });
    // 2019: 2018-12-31 → 2019-12-31 per customer: churn c1 50, c7 70, c18 50, c21 50, c22 25 = 245 (5);
    //   expansion c5 25→40, c10 25→35, c17 50→95 = 70 (3); c6, c9, c11, c12 unchanged;
    //   new: c13 50, c14 25, c15 30, c16 25, c19 50, c23 50, c24 60, c25 45, c27 125, c31 25, c32 25, c34 25, c36 25,
    //   c37 25, c40 50, c41 50, c44 25, c45 35, c46 50, c50 25, c52 25 = 845 (21). 585 + 845 + 70 − 245 = 1255 (28).
    //   Grace 30 changes nothing here (no gap ≤ 30 days; the 2019-12-01 ends expired on 2019-12-30).
    //   TTM reference 2018-12-31 = the begin cohort → NRR_ttm = NRR = 410/585, GRR_ttm = GRR = 340/585.
    expectPeriod(json, '2019', {
      partial: false,
      money: { begin: '585.00', new: '845.00', expansion: '70.00', reactivation: '0.00', contraction: '0.00', churn: '245.00', end: '1255.00' },
      counts: { begin: 12, new: 21, reactivated: 0, expanded: 3, contracted: 0, churned: 5, end: 28 },
      rates: {
        grr: 340 / 585,
        nrr: 410 / 585,
        grossChurn: 245 / 585,
        netChurn: 175 / 585,
        logoChurn: 5 / 12,
        logoRetention: 7 / 12,
        quickRatio: 915 / 245,
        ttmNrr: 410 / 585,
        ttmGrr: 340 / 585,
      },
    });
    // 2020 (partial, snapshot 2020-01-31; grace 30 expired on 2020-01-30): like the month 2020-01.
    expectPeriod(json, '2020', {
      partial: true,
      money: { begin: '1255.00', new: '175.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '1255.00', end: '175.00' },
      counts: { begin: 28, new: 4, reactivated: 0, expanded: 0, contracted: 0, churned: 28, end: 4 },
      rates: { ttmNrr: 0, ttmGrr: 0 },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });
});

describe('mrr-playbook: ISO weeks (as-of 2020-01-31, grace 0)', () => {
  const opts: NaiveOptions = { period: 'week', asOf: '2020-01-31', graceDays: 0 };

  it('puts the 2019-12-01 changes in 2019-W48, whose snapshot day is Sunday 2019-12-01', async () => {
    const json = await bridge(opts);
    // 2017-09-01 is a Friday of 2017-W35 (2017-08-28 … 2017-09-03).
    expect(json.periods[0]).toMatchObject({ period: '2017-W35', start: '2017-08-28', end: '2017-09-03' });
    // W48 = 2019-11-25 … 2019-12-01: begin = 2019-11-24 (the November state), end = 2019-12-01 (the December state):
    // the same movements as the month 2019-12. TTM reference = 2019-12-01 − 364 days = 2018-12-02 (the December
    // 2018 state, 585) → 410/585 and 340/585.
    expectPeriod(json, '2019-W48', {
      partial: false,
      start: '2019-11-25',
      end: '2019-12-01',
      money: { begin: '1840.00', new: '100.00', expansion: '50.00', reactivation: '0.00', contraction: '30.00', churn: '705.00', end: '1255.00' },
      counts: { begin: 42, new: 3, reactivated: 0, expanded: 3, contracted: 2, churned: 17, end: 28 },
      rates: { ttmNrr: 410 / 585, ttmGrr: 340 / 585 },
    });
    expect.soft(json.periods.at(-1)).toMatchObject({ period: '2020-W05', partial: true, start: '2020-01-27', end: '2020-02-02' });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });
});
