// The audit rules of `retain check` (src/metrics/data-checks*.ts), one small store per rule, the rows each
// finding names worked out by hand. Lines are read through the real reader (line numbers = file lines).
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/model/calendar.js';
import { resolveContractKeys } from '../../src/model/contract-keys.js';
import { runDataChecks } from '../../src/metrics/data-checks.js';
import { LATE_WINDOW_DAYS } from '../../src/metrics/data-checks-terms.js';
import { csv } from '../helpers/csv.js';
import { readLines } from '../helpers/read-lines.js';

async function findings(text: string, asOf = '2025-06-30', graceDays = 30): Promise<string[]> {
  const { result } = await readLines(text, { keepCurrency: true, fx: new Map([['EUR', { num: 110, den: 100 }]]) });
  expect(result.rowErrors).toEqual([]);
  const store = result.store;
  const list = runDataChecks(store, resolveContractKeys(store), { asOf: parseIsoDay(asOf)!, graceDays, digits: 2, currency: 'USD' });
  return list.map((f) => `${f.diagnostic.code} ${f.diagnostic.severity} @${f.diagnostic.source?.line} rows ${f.rows.map((r) => r.line).join(',')}`).sort();
}

describe('line rules', () => {
  it('zero and negative MRR, cancel dates outside the term, starts after as-of', async () => {
    expect(
      await findings(csv`
        customer_id,start_date,end_date,cancel_date,mrr
        A,2024-01-01,2024-12-31,,0
        B,2024-01-01,2024-12-31,,-5
        C,2024-01-01,2024-12-31,2024-01-01,10
        D,2024-01-01,2024-12-31,2025-01-01,10
        E,2024-01-01,2024-12-31,2025-01-02,10
        F,2025-07-01,,,10
      `),
    ).toEqual([
      'CANCEL_NOT_AFTER_START warning @4 rows 4', // cancel on the start day: never active
      'CANCEL_OUTSIDE_TERM warning @6 rows 6', // 2025-01-02 is after 2024-12-31 + 1; D's 2025-01-01 is the day after the end: fine
      'NEGATIVE_AMOUNT warning @3 rows 3',
      'START_AFTER_AS_OF warning @7 rows 7',
      'ZERO_AMOUNT warning @2 rows 2',
    ]);
  });

  it('one customer billed in several currencies: found at its first line in the second currency, naming the first', async () => {
    expect(
      await findings(csv`
        customer_id,start_date,mrr,currency
        A,2024-01-01,10,USD
        A,2024-02-01,10,
        B,2024-01-01,10,EUR
        A,2024-03-01,10,EUR
        B,2024-02-01,10,EUR
      `),
    ).toEqual(['MIXED_CURRENCY warning @5 rows 5,2']); // an empty currency is the reporting currency (USD): line 3 is not a second currency
  });
});

describe('term rules (per contract key)', () => {
  it('identical lines, lines starting together but ending apart, amendments and overlaps', async () => {
    expect(
      await findings(csv`
        customer_id,contract_id,product,start_date,end_date,mrr
        A,K1,base,2024-01-01,2024-12-31,100
        A,K1,base,2024-01-01,2024-12-31,100
        A,K1,seats,2024-01-01,2024-06-30,20
        A,K1,addon,2024-04-01,2024-12-31,30
        A,K1,base,2024-10-01,2025-09-30,100
        B,K2,base,2024-01-01,2024-12-31,100
        B,K2,base,2025-01-01,2025-12-31,100
      `),
    ).toEqual([
      // K1 terms by (start, end): 01-01…06-30 (line 4), 01-01…12-31 (lines 2, 3), 04-01…12-31 (line 5), 10-01…2025-09-30 (line 6).
      'COTERM_BROKEN warning @2 rows 2,4', // 01-01…12-31 starts with 01-01…06-30 and ends apart
      'DUPLICATE_LINE warning @3 rows 3,2',
      'MID_TERM_AMENDMENT warning @5 rows 5,2,3', // starts inside 01-01…12-31 and ends with it
      'OVERLAPPING_TERMS warning @6 rows 6,2,3', // starts inside 01-01…12-31, ends later
      // K2 renews on the next day: no finding.
    ]);
  });

  it('a gap just longer than the grace days is a likely late renewal; a shorter or much longer one is not', async () => {
    const gapAfter = (days: number): string => {
      const next = new Date(Date.UTC(2024, 11, 31 + 1 + days)).toISOString().slice(0, 10);
      return `A,K1,2024-01-01,2024-12-31,100\nA,K1,${next},2025-12-31,100\n`;
    };
    const header = 'customer_id,contract_id,start_date,end_date,mrr\n';
    expect(await findings(header + gapAfter(30))).toEqual([]); // within grace: bridged
    expect(await findings(header + gapAfter(31))).toEqual(['LATE_RENEWAL_GAP warning @3 rows 3,2']);
    expect(await findings(header + gapAfter(30 + LATE_WINDOW_DAYS))).toEqual(['LATE_RENEWAL_GAP warning @3 rows 3,2']);
    expect(await findings(header + gapAfter(31 + LATE_WINDOW_DAYS))).toEqual([]); // a real churn and a return
    expect(await findings(header + gapAfter(5), '2025-06-30', 0)).toEqual(['LATE_RENEWAL_GAP warning @3 rows 3,2']);
  });

  it('renews problems come from the contract keys: unknown target (warning), cycle (error)', async () => {
    expect(
      await findings(csv`
        customer_id,contract_id,start_date,end_date,mrr,renews
        A,K1,2024-01-01,2024-12-31,100,K0
        B,K2,2024-01-01,2024-12-31,100,K3
        B,K3,2025-01-01,2025-12-31,100,K2
      `),
    ).toEqual(['RENEWS_CYCLE error @3 rows 3', 'RENEWS_UNKNOWN warning @2 rows 2']);
  });

  it('renews chains make one contract key: the renewal starting inside the renewed term overlaps it', async () => {
    expect(
      await findings(csv`
        customer_id,contract_id,start_date,end_date,mrr,renews
        A,K1,2024-01-01,2024-12-31,100,
        A,K2,2024-12-01,2025-11-30,100,K1
      `),
    ).toEqual(['OVERLAPPING_TERMS warning @3 rows 3,2']);
  });
});
