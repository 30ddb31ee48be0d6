/**
 * End-to-end: `retain bridge` on Displayr's hand-made fake invoice lines
 * (fixtures/public/displayr-fake-invoice-lines, see CREDIT.md).
 *
 * The file (18 rows): `name` (customer A or B), `from`, `to` (EXCLUSIVE end, one year after `from`), `value`
 * (price of the one-year span). As lines, with inclusive last days:
 *   A1 2012-01-01 … 2012-12-31   A2 2013-01-01 … 2013-12-31   A3 2014-01-01 … 2014-12-31
 *   A4 2015-01-15 … 2016-01-14   A5 2016-01-15 … 2017-01-14   A6 2017-06-15 … 2018-06-14      each 1,000 a year
 *   B  2010-06-30 … 2022-06-29 in 12 back-to-back yearly rows                                   each 10,000 a year
 * So A has a 14-day gap (2015-01-01 … 2015-01-14) and a 5-month gap (2017-01-15 … 2017-06-14); B never stops
 * until 2022-06-29.
 *
 * Money: `--billing-period year`, so a line's MRR = value ÷ 12, rounded half-even to cents ONCE per line:
 *   A = 1000 ÷ 12 = 83.333… → 83.33;  B = 10000 ÷ 12 = 833.333… → 833.33;  A + B = 916.66
 *   (916.66, not 916.67: the lines are rounded, then summed exactly).
 *
 * How the expectations were derived: by hand from the 18 rows (comments below), then compared with the naive
 * reference (test/reference/naive-bridge.ts) before writing them down — they agreed; and every period of every run is
 * also compared with the naive reference fed with the CSV parsed here.
 */
import { describe, expect, it } from 'vitest';
import { amountToMrrCents, naiveBridge, toDay, toIso, type NaiveLine, type NaiveOptions } from '../reference/naive-bridge.js';
import { expectPeriod, expectSameAsNaive, readFixture, runBridge } from './support.js';

const FILE = 'fixtures/public/displayr-fake-invoice-lines/fake_invoice_lines.csv';
const BASE = [
  '--end-exclusive',
  '--column', 'customer_id=name',
  '--column', 'start_date=from',
  '--column', 'end_date=to',
  '--column', 'amount=value',
  '--billing-period', 'year',
  FILE,
];

const LINES: NaiveLine[] = readFixture(FILE).map((r) => ({
  entity: r['name'] ?? '',
  start: r['from'] ?? '',
  end: toIso(toDay(r['to'] ?? '') - 1),
  cancel: null,
  mrrCents: amountToMrrCents(r['value'] ?? '', 12),
}));

async function bridge(opts: NaiveOptions) {
  return runBridge(['--period', opts.period, '--as-of', opts.asOf, '--grace-days', String(opts.graceDays), ...BASE]);
}

const ZERO = { begin: '0.00', new: '0.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '0.00' };
const NO_COUNTS = { begin: 0, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 0 };
/** A alone lost out of A + B: 83.33 of 916.66, or 833.33 kept. */
const KEPT_B = 83333 / 91666;
const LOST_A = 8333 / 91666;

describe('fake invoice lines fixture', () => {
  it('is the expected copy, with the expected line MRRs', () => {
    expect(LINES).toHaveLength(18);
    expect(LINES.filter((l) => l.entity === 'A').map((l) => l.mrrCents)).toEqual([8333, 8333, 8333, 8333, 8333, 8333]);
    expect(new Set(LINES.filter((l) => l.entity === 'B').map((l) => l.mrrCents))).toEqual(new Set([83333]));
  });
});

describe('fake invoice lines: month, as-of 2022-12-31, grace 0', () => {
  const opts: NaiveOptions = { period: 'month', asOf: '2022-12-31', graceDays: 0 };

  it('matches the hand-worked periods', async () => {
    const json = await bridge(opts);
    expect(json.input).toMatchObject({ rows: 18, used: 18, rejected: 0 });
    // First active day 2010-06-30 (B) → 2010-06 … 2022-12: 7 + 11 × 12 + 12 = 151 months.
    expect(json.periods).toHaveLength(151);

    // 2010-06: B new at 833.33 on its first day 2010-06-30, which is the snapshot day. No begin → rates null.
    expectPeriod(json, '2010-06', {
      partial: false,
      start: '2010-06-01',
      end: '2010-06-30',
      money: { ...ZERO, new: '833.33', end: '833.33' },
      counts: { ...NO_COUNTS, new: 1, end: 1 },
      rates: { grr: null, nrr: null, quickRatio: null, ttmNrr: null, ttmGrr: null },
    });

    // 2012-01: A new (A1, 83.33). TTM reference 2011-01-31: only B (833.33), unchanged → 1 and 1 (A is not in the cohort).
    expectPeriod(json, '2012-01', {
      money: { ...ZERO, begin: '833.33', new: '83.33', end: '916.66' },
      counts: { ...NO_COUNTS, begin: 1, new: 1, end: 2 },
      rates: { grr: 1, nrr: 1, logoChurn: 0, quickRatio: null, ttmNrr: 1, ttmGrr: 1 },
    });

    // 2015-01: A is off 2015-01-01 … 01-14 (A3 → A4) but back on the snapshot day 01-31: no movement in the month.
    expectPeriod(json, '2015-01', {
      money: { ...ZERO, begin: '916.66', end: '916.66' },
      counts: { ...NO_COUNTS, begin: 2, end: 2 },
    });

    // 2017-01: A5's last day is 2017-01-14 and A6 only starts 2017-06-15 → A is 0 on 01-31: churn 83.33.
    //   GRR = NRR = 833.33/916.66, logo churn 1/2, quick ratio 0/83.33 = 0.
    //   TTM reference 2016-01-31: A 83.33 (A5 from 2016-01-15) + B 833.33 = 916.66; now B only → 833.33/916.66.
    expectPeriod(json, '2017-01', {
      money: { ...ZERO, begin: '916.66', churn: '83.33', end: '833.33' },
      counts: { ...NO_COUNTS, begin: 2, churned: 1, end: 1 },
      rates: {
        grr: KEPT_B,
        nrr: KEPT_B,
        grossChurn: LOST_A,
        netChurn: LOST_A,
        logoChurn: 0.5,
        logoRetention: 0.5,
        quickRatio: 0,
        ttmNrr: KEPT_B,
        ttmGrr: KEPT_B,
      },
    });

    // 2017-06: A6 starts 2017-06-15; A was active before → reactivation 83.33.
    //   TTM reference 2016-06-30: A5 + B (B's row from 2016-06-30) = 916.66; both active on 2017-06-30 → 1 and 1.
    expectPeriod(json, '2017-06', {
      money: { ...ZERO, begin: '833.33', reactivation: '83.33', end: '916.66' },
      counts: { ...NO_COUNTS, begin: 1, reactivated: 1, end: 2 },
      rates: { grr: 1, nrr: 1, quickRatio: null, ttmNrr: 1, ttmGrr: 1 },
    });

    // 2018-06: A6's last day 2018-06-14, nothing after → churn 83.33 (TTM reference 2017-06-30: A6 + B).
    expectPeriod(json, '2018-06', {
      money: { ...ZERO, begin: '916.66', churn: '83.33', end: '833.33' },
      counts: { ...NO_COUNTS, begin: 2, churned: 1, end: 1 },
      rates: { grr: KEPT_B, logoChurn: 0.5, ttmNrr: KEPT_B, ttmGrr: KEPT_B },
    });

    // 2022-06: B's last row ends 2022-06-30 (exclusive) → last day 06-29, 0 on the snapshot 06-30: churn 833.33.
    //   TTM reference 2021-06-30: B 833.33 (row 2021-06-30 → 2022-06-30) → now 0 → 0 and 0.
    expectPeriod(json, '2022-06', {
      money: { ...ZERO, begin: '833.33', churn: '833.33' },
      counts: { ...NO_COUNTS, begin: 1, churned: 1 },
      rates: { grr: 0, nrr: 0, grossChurn: 1, netChurn: 1, logoChurn: 1, logoRetention: 0, quickRatio: 0, ttmNrr: 0, ttmGrr: 0 },
    });

    // 2022-12: complete (as-of 2022-12-31 is its last day), nobody left: zeros, begin-based rates null;
    //   TTM reference = 2021-12-31 (12 months before as-of): B 833.33 → now 0 → 0.
    expectPeriod(json, '2022-12', {
      partial: false,
      money: ZERO,
      counts: NO_COUNTS,
      rates: { grr: null, logoChurn: null, quickRatio: null, ttmNrr: 0, ttmGrr: 0 },
    });
  });

  it('matches the naive reference in every period', async () => {
    expectSameAsNaive(await bridge(opts), naiveBridge(LINES, opts));
  });
});

describe('fake invoice lines: ISO weeks around A’s 14-day gap (as-of 2015-03-01)', () => {
  // A3's last day e = 2014-12-31; the next row A4 starts s = 2015-01-15 = e + 1 + 14 (14 days late).
  // Weeks: 2015-W01 = 2014-12-29 … 2015-01-04, W02 = 01-05 … 01-11, W03 = 01-12 … 01-18.

  it('grace 0 and 13: churn in 2015-W01 (A is off on Sunday 01-04), reactivation in W03 (on again by 01-18)', async () => {
    for (const graceDays of [0, 13]) {
      const opts: NaiveOptions = { period: 'week', asOf: '2015-03-01', graceDays };
      const json = await bridge(opts);
      // TTM W01: reference 2015-01-04 − 364 = 2014-01-05: A3 + B = 916.66 → now B → 833.33/916.66.
      expectPeriod(json, '2015-W01', {
        start: '2014-12-29',
        end: '2015-01-04',
        money: { ...ZERO, begin: '916.66', churn: '83.33', end: '833.33' },
        counts: { ...NO_COUNTS, begin: 2, churned: 1, end: 1 },
        rates: { grr: KEPT_B, logoChurn: 0.5, ttmNrr: KEPT_B, ttmGrr: KEPT_B },
      });
      expectPeriod(json, '2015-W02', { money: { ...ZERO, begin: '833.33', end: '833.33' }, counts: { ...NO_COUNTS, begin: 1, end: 1 } });
      expectPeriod(json, '2015-W03', {
        money: { ...ZERO, begin: '833.33', reactivation: '83.33', end: '916.66' },
        counts: { ...NO_COUNTS, begin: 1, reactivated: 1, end: 2 },
        rates: { ttmNrr: 1, ttmGrr: 1 },
      });
      expectSameAsNaive(json, naiveBridge(LINES, opts));
    }
  });

  it('grace 14 and 30: A3 is bridged over 2015-01-01 … 01-14, so no week moves', async () => {
    for (const graceDays of [14, 30]) {
      const opts: NaiveOptions = { period: 'week', asOf: '2015-03-01', graceDays };
      const json = await bridge(opts);
      for (const label of ['2015-W01', '2015-W02', '2015-W03']) {
        expectPeriod(json, label, {
          money: { ...ZERO, begin: '916.66', end: '916.66' },
          counts: { ...NO_COUNTS, begin: 2, end: 2 },
          rates: { grr: 1, nrr: 1, logoChurn: 0, quickRatio: null, ttmNrr: 1, ttmGrr: 1 },
        });
      }
      // as-of 2015-03-01 is the Sunday ending 2015-W09: that week is seen whole, so it is not partial.
      expect.soft(json.periods.at(-1)).toMatchObject({ period: '2015-W09', start: '2015-02-23', end: '2015-03-01', partial: false });
      expectSameAsNaive(json, naiveBridge(LINES, opts));
    }
  });
});

describe('fake invoice lines: quarters and the pending renewal of A6 (grace 30)', () => {
  // A6's last day e = 2018-06-14 and no later row for A: pending while as-of ≤ e + 30 = 2018-07-14.

  it('as-of 2018-07-14: A still pending → 2018-Q2 and the partial 2018-Q3 do not move', async () => {
    const opts: NaiveOptions = { period: 'quarter', asOf: '2018-07-14', graceDays: 30 };
    const json = await bridge(opts);
    expectPeriod(json, '2018-Q2', { partial: false, money: { ...ZERO, begin: '916.66', end: '916.66' }, counts: { ...NO_COUNTS, begin: 2, end: 2 } });
    // TTM of the partial quarter: reference 2017-07-14 (A6 + B) → both still there → 1.
    expectPeriod(json, '2018-Q3', {
      partial: true,
      start: '2018-07-01',
      end: '2018-09-30', // the calendar end; the snapshot day is as-of
      money: { ...ZERO, begin: '916.66', end: '916.66' },
      counts: { ...NO_COUNTS, begin: 2, end: 2 },
      rates: { ttmNrr: 1, ttmGrr: 1 },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });

  it('as-of 2018-07-15: the grace has passed → A churns in 2018-Q2 (snapshot 06-30)', async () => {
    const opts: NaiveOptions = { period: 'quarter', asOf: '2018-07-15', graceDays: 30 };
    const json = await bridge(opts);
    // 2017-Q1: A off from 2017-01-15 (A6 starts 2017-06-15, 152 days late, beyond grace) → churn 83.33;
    // 2017-Q2: back on 06-30 → reactivation 83.33.
    expectPeriod(json, '2017-Q1', {
      money: { ...ZERO, begin: '916.66', churn: '83.33', end: '833.33' },
      counts: { ...NO_COUNTS, begin: 2, churned: 1, end: 1 },
      rates: { grr: KEPT_B, netChurn: LOST_A, logoRetention: 0.5 },
    });
    expectPeriod(json, '2017-Q2', {
      money: { ...ZERO, begin: '833.33', reactivation: '83.33', end: '916.66' },
      counts: { ...NO_COUNTS, begin: 1, reactivated: 1, end: 2 },
    });
    expectPeriod(json, '2018-Q2', {
      money: { ...ZERO, begin: '916.66', churn: '83.33', end: '833.33' },
      counts: { ...NO_COUNTS, begin: 2, churned: 1, end: 1 },
      // TTM: reference = end of 2017-Q2 (2017-06-30): A6 + B → now B.
      rates: { ttmNrr: KEPT_B, ttmGrr: KEPT_B },
    });
    // 2018-Q3 (partial): reference 2017-07-15: A6 + B = 916.66; now (2018-07-15) B 833.33.
    expectPeriod(json, '2018-Q3', {
      partial: true,
      money: { ...ZERO, begin: '833.33', end: '833.33' },
      counts: { ...NO_COUNTS, begin: 1, end: 1 },
      rates: { grr: 1, ttmNrr: KEPT_B, ttmGrr: KEPT_B },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });
});

describe('fake invoice lines: years (as-of 2022-12-31, grace 30)', () => {
  const opts: NaiveOptions = { period: 'year', asOf: '2022-12-31', graceDays: 30 };

  it('bridges 2010 … 2022', async () => {
    const json = await bridge(opts);
    expect(json.periods.map((p) => p.period)).toEqual([
      '2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022',
    ]);
    expectPeriod(json, '2010', { start: '2010-01-01', end: '2010-12-31', money: { ...ZERO, new: '833.33', end: '833.33' }, counts: { ...NO_COUNTS, new: 1, end: 1 } });
    expectPeriod(json, '2012', {
      money: { ...ZERO, begin: '833.33', new: '83.33', end: '916.66' },
      counts: { ...NO_COUNTS, begin: 1, new: 1, end: 2 },
      rates: { ttmNrr: 1, ttmGrr: 1 },
    });
    // 2017: A leaves on 2017-01-15 and comes back on 2017-06-15, both inside the year → no movement.
    //   TTM reference 2016-12-31: A5 + B; now (2017-12-31) A6 + B → 1.
    expectPeriod(json, '2017', {
      money: { ...ZERO, begin: '916.66', end: '916.66' },
      counts: { ...NO_COUNTS, begin: 2, end: 2 },
      rates: { grr: 1, nrr: 1, ttmNrr: 1, ttmGrr: 1 },
    });
    // 2018: A6 ends 2018-06-14, grace long passed → A churns.
    expectPeriod(json, '2018', {
      money: { ...ZERO, begin: '916.66', churn: '83.33', end: '833.33' },
      counts: { ...NO_COUNTS, begin: 2, churned: 1, end: 1 },
      rates: { grr: KEPT_B, nrr: KEPT_B, grossChurn: LOST_A, logoChurn: 0.5, quickRatio: 0, ttmNrr: KEPT_B, ttmGrr: KEPT_B },
    });
    // 2022 (complete: as-of is its last day, snapshot 2022-12-31): B's last day 2022-06-29, e + 30 = 2022-07-29 < as-of → B churns.
    //   TTM reference 2021-12-31: B → 0.
    expectPeriod(json, '2022', {
      partial: false,
      money: { ...ZERO, begin: '833.33', churn: '833.33' },
      counts: { ...NO_COUNTS, begin: 1, churned: 1 },
      rates: { grr: 0, nrr: 0, logoChurn: 1, ttmNrr: 0, ttmGrr: 0 },
    });
    expectSameAsNaive(json, naiveBridge(LINES, opts));
  });
});
