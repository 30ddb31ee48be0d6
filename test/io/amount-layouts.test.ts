// Amount layouts of real files (METRICS.md §2, §8): currency symbols and thousands separators, decimal comma,
// accounting negatives, and integer minor units only when --amount-unit minor (or a profile) says so.
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { readLines } from '../helpers/read-lines.js';

describe('amount layouts', () => {
  it('$1,200.00, (1,200.00) and plain numbers', async () => {
    const { lines } = await readLines(csv`
      customer_id,start_date,mrr
      A,2024-01-01,"$1,200.00"
      B,2024-01-01,"(1,200.00)"
      C,2024-01-01,-35.5
      D,2024-01-01,150000
    `);
    // 150000 is 150,000.00: never read as cents because it is large.
    expect(lines.map((l) => l.mrr)).toEqual([120000, -120000, -3550, 15000000]);
  });

  it('decimal comma: 1 200,50 €, 1.200,50 and 1200,5', async () => {
    const { lines } = await readLines(csv`
      customer_id,start_date,mrr,currency
      A,2024-01-01,"1 200,50 €",EUR
      B,2024-01-01,"1.200,50",USD
      C,2024-01-01,"1200,5",USD
    `, { amountSyntax: { decimalComma: true } });
    // 1200.50 EUR × 1.10 = 1320.55 USD.
    expect(lines.map((l) => l.mrr)).toEqual([132055, 120050, 120050]);
  });

  it('--amount-unit minor: integers in the minor unit of the row currency (2, 0 or 3 digits)', async () => {
    const { lines, result } = await readLines(csv`
      customer_id,start_date,mrr,currency
      A,2024-01-01,1250,USD
      B,2024-01-01,1250,JPY
      C,2024-01-01,1250,KWD
      D,2024-01-01,12.50,USD
    `, { amountUnit: 'minor', fx: new Map([['JPY', { num: 1, den: 100 }], ['KWD', { num: 325, den: 100 }]]) });
    // 12.50 USD; ¥1,250 × 0.01 = 12.50 USD; 1.250 KWD × 3.25 = 4.0625 → 4.06 USD.
    expect(lines.map((l) => l.mrr)).toEqual([1250, 1250, 406]);
    expect(result.rowErrors.map((d) => `${d.code} ${d.message}`)).toEqual(['INVALID_AMOUNT mrr "12.50" is not a whole number of minor units']);
  });
});

describe('--billing-period span: the amount covers the line’s own span', () => {
  it('whole months when start and end fall on the same day of the month, else days ÷ (365.25 ÷ 12)', async () => {
    const { lines, result } = await readLines(csv`
      customer_id,start_date,end_date,amount
      A,2014-08-11,2015-08-11,1200
      B,2016-01-31,2016-03-01,100
      C,2015-01-01,2015-02-15,450
      D,2016-06-01,2090-12-10,1499
      E,2016-06-01,,100
    `, { endExclusive: true, billingSpan: true });
    // A: 12 months → 100.00. B: 2016-01-31 → 03-01 (exclusive): 30 days = 30 × 48 / 1461 months → 100 × 1461 / 1440 = 101.458… → 101.46.
    // C: 45 days → 450 × 1461 / 2160 = 304.375 → 304.38 (half-even at …37.5 → even 38). D: 2016-06-01 → 2090-12-10, 27,220 days →
    // 1499 × 1461 / (27220 × 48) = 1.6762… → 1.68. E: no end: no span.
    expect(lines.map((l) => [l.customer, l.mrr])).toEqual([
      ['A', 10000],
      ['B', 10146],
      ['C', 30438],
      ['D', 168],
    ]);
    expect(result.rowErrors.map((d) => d.code)).toEqual(['NO_BILLING_PERIOD']);
  });
});
