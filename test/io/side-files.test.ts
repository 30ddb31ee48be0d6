// --accounts and --churn-events (src/io/join-*.ts): attributes joined by customer id as dimensions, churn
// reasons joined to the churn they explain; orphans reported with counts and examples.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { csv } from '../helpers/csv.js';
import { readLines } from '../helpers/read-lines.js';

function sideFile(name: string, text: string): { path: string; shown: string } {
  const dir = mkdtempSync(join(tmpdir(), 'retain-side-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, shown: name };
}

const subscriptions = csv`
  subscription_id,account_id,start_date,end_date,mrr,region
  S1,A1,2024-01-01,2024-06-30,100,
  S2,A1,2024-07-01,2024-12-31,120,
  S3,A2,2024-01-01,2024-03-31,50,north
  S4,A3,2024-02-01,,70,
  S5,A4,2024-01-01,2024-04-30,80,
  S6,A4,2024-06-15,2024-09-30,80,
`;

describe('--accounts', () => {
  it('fills account columns the main file lacks or left empty; the main file’s own value wins', async () => {
    const accounts = sideFile('accounts.csv', csv`
      account_id,industry,region
      A1,FinTech,south
      A2,EdTech,west
      A3,FinTech,east
      A9,HealthTech,west
    `);
    const { result } = await readLines(subscriptions, { dimensions: ['industry', 'region'], accounts });
    const s = result.store;
    const value = (d: number, i: number): string => s.dimensionValues[d]!.value(s.dimensions[d]![i]!);
    expect([0, 1, 2, 3, 4, 5].map((i) => [value(0, i), value(1, i)])).toEqual([
      ['FinTech', 'south'],
      ['FinTech', 'south'],
      ['EdTech', 'north'], // north from the main file
      ['FinTech', 'east'],
      ['', ''], // A4 has no account row
      ['', ''],
    ]);
    expect(result.fatal).toEqual([]);
    expect(result.warnings.map(formatDiagnostic)).toEqual([
      'retain: warning: accounts.csv: ACCOUNT_MISSING: 1 customer(s) of the lines have no row in the --accounts file, so their account attributes are empty: A4 (<stdin>:6) (add the accounts, or check that both files use the same customer ids)',
      'retain: warning: accounts.csv: ACCOUNT_UNUSED: 1 account(s) of the --accounts file have no line: A9 (line 5) (expected for prospects and accounts that never paid; otherwise check the ids)',
    ]);
  });

  it('a repeated account is a warning; the first row is used', async () => {
    const accounts = sideFile('accounts.csv', csv`
      customer_id,industry
      A1,FinTech
      A1,EdTech
    `);
    const { result } = await readLines(subscriptions, { dimensions: ['industry'], accounts });
    expect(result.store.dimensionValues[0]!.value(result.store.dimensions[0]![0]!)).toBe('FinTech');
    expect(result.warnings.map((d) => `${d.code} ${d.source?.line}`)).toContain('DUPLICATE_ACCOUNT 3');
  });

  it('an accounts file without a customer id column is an error', async () => {
    const accounts = sideFile('accounts.csv', 'name,industry\nAcme,FinTech\n');
    const { result } = await readLines(subscriptions, { accounts });
    expect(result.fatal.map((d) => d.code)).toEqual(['MISSING_COLUMN']);
  });
});

describe('--churn-events', () => {
  it('gives each churn the reason of the nearest event within the grace days after the last active day', async () => {
    // A1: S1 ends 06-30, S2 starts 07-01 → one block to 2024-12-31: its churn is 2024-12-31.
    // A2: last day 2024-03-31. A3: no end, never churns. A4: 01-01 … 04-30, gap of 45 days > 30 → churn on 04-30, then 06-15 … 09-30.
    const events = sideFile('events.csv', csv`
      churn_event_id,account_id,churn_date,reason_code
      E1,A1,2024-06-30,pricing
      E2,A1,2025-01-10,budget
      E3,A1,2025-01-20,competitor
      E4,A2,2024-05-15,support
      E5,A3,2024-05-01,features
      E6,A4,2024-05-10,budget
      E7,A4,2024-10-30,pricing
      E8,A8,2024-01-01,unknown
    `);
    const { lines, result } = await readLines(subscriptions, { churnEvents: events, graceDays: 30 });
    expect(lines.map((l) => [l.contract, l.reason])).toEqual([
      ['S1', ''], // A1's service goes on after 06-30: E1 explains no churn
      ['S2', 'budget'], // churn 2024-12-31: E2 (01-10) is the nearest after, within 1 + 30 days; E3 comes later
      ['S3', ''], // A2 churned 03-31; E4 (05-15) is 45 days later: too late
      ['S4', ''],
      ['S5', 'budget'], // A4's first churn 04-30: E6 (05-10)
      ['S6', 'pricing'], // A4's second churn 09-30: E7 (10-30), 30 days later, is within 1 + 30
    ]);
    expect(result.warnings.map(formatDiagnostic)).toEqual([
      'retain: warning: events.csv: CHURN_EVENT_UNMATCHED: 5 of 8 churn event(s) match no churn of the lines (1 name no customer of the lines; the others fall while the customer is still active, or more than 30 grace days after its last active day): line 2 A1 2024-06-30; line 4 A1 2025-01-20; line 5 A2 2024-05-15; line 6 A3 2024-05-01; line 9 A8 2024-01-01 (no such customer) (their reasons are not used; check the dates, or the customer ids)',
    ]);
  });

  it('a line’s own churn_reason wins over an event', async () => {
    const events = sideFile('events.csv', 'customer_id,date,reason\nA,2024-02-01,from event\n');
    const { lines } = await readLines('customer_id,start_date,end_date,mrr,churn_reason\nA,2024-01-01,2024-01-31,10,own reason\n', { churnEvents: events });
    expect(lines[0]?.reason).toBe('own reason');
  });
});
