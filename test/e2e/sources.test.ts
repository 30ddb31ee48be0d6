/**
 * End-to-end: one business story exported by six systems (fixtures/exports/<source>/, see
 * fixtures/exports/SOURCES.md) gives one bridge. Each export is read through its detected source profile
 * with no --column flag; the figures below are worked out by hand in SOURCES.md from the story's customers.
 *
 * Reporting USD, EUR = 1.10 USD, as-of 2025-06-30, customer level, grace 30 days.
 * Customer MRR (USD) on the snapshot days:
 *              2023-12-31  2024-12-31  2025-03-31  2025-06-30
 *   C01            100         100         100         100
 *   C02            250         400         400         400     (+150 add-on from 2024-05-01)
 *   C03 (EUR 200)  220           0           0           0     (last day 2024-06-30)
 *   C04            500         300         300         300     (down from 2024-09-01)
 *   C05              0         150         150         150     (paid from 2024-02-01, after a trial)
 *   C06 (EUR 100)    0         110         110           0     (2024-04-01 … 2025-03-31)
 *   C07              0           0         120         120     (2023-02 … 2023-10, back 2025-01-01)
 *   C08              0        1000        1000        1000
 *   C09             60           0           0           0     (last day 2024-01-14)
 *   C10 (EUR 300)    0           0         330         330
 *   C11            200         200         200         260     (+3 seats from 2025-04-01)
 *   C12              0         400         250         250     (down from 2025-03-01)
 *   C13            200         200         200         200     (annual)
 *   C14 (EUR 200)    0         220         220         220     (ends 2025-06-30 = as-of: still active)
 *   C15              0           0           0           0     (2023-08-01 … 2023-12-15)
 *   C16              0         700         700         700
 *   C17             45          45          45          45
 *   C18 (EUR 500→650) 550      715         715         715     (+EUR 150 from 2024-10-01)
 *   total         2125        4540        4840        4790
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { expectPeriod, REPO_ROOT, runBridge, type Expected } from './support.js';

const EXPORTS = 'fixtures/exports';
const FX = ['--fx', 'EUR=1.10', '--as-of', '2025-06-30'];

interface Source {
  name: string;
  files: string[];
  rows: number;
  used: number;
  excluded: Record<string, number>;
}

const sources: Source[] = [
  // 4 excluded: a subscription in trial, an incomplete_expired one, an incomplete one, and a trial cancelled
  // on 2024-05-10 before its trial ended (2024-05-15).
  { name: 'stripe', files: ['stripe/subscriptions.csv'], rows: 28, used: 24, excluded: { 'in trial (not paying yet)': 1, 'incomplete (never paid)': 2, 'trial cancelled before it converted': 1 } },
  // 6 excluded: renewals of C03 and C06 and a prospect lost, two open deals, one implementation fee.
  { name: 'salesforce', files: ['salesforce/opportunity-products.csv'], rows: 44, used: 38, excluded: { 'closed-lost deal': 3, 'open deal (not closed won)': 2, 'one-time charge': 1 } },
  { name: 'hubspot', files: ['hubspot/deals.csv'], rows: 39, used: 35, excluded: { 'closed-lost deal': 2, 'open deal (not closed won)': 2 } },
  // The `future` subscription (starts 2025-08-01) is used but not known at as-of: it changes nothing.
  { name: 'chargebee', files: ['chargebee/subscriptions.csv'], rows: 27, used: 25, excluded: { 'in trial (not paying yet)': 2 } },
  { name: 'recurly', files: ['recurly/subscriptions.csv', 'recurly/churned_subscriptions.csv'], rows: 25, used: 24, excluded: { 'in trial (not paying yet)': 1 } },
  // 3 excluded: two trials at 0 and one implementation fee (charge_type one-time).
  { name: 'generic', files: ['generic/contracts.csv'], rows: 42, used: 39, excluded: { 'trial at zero amount': 2, 'one-time charge': 1 } },
];

const Z = { begin: '0.00', new: '0.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '0.00' };
const N = { begin: 0, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 0 };

const years: [string, Expected][] = [
  // 2023: nine customers active on 2023-12-31 are new; C07 and C15 came and went inside the year.
  ['2023', { money: { ...Z, new: '2125.00', end: '2125.00' }, counts: { ...N, new: 9, end: 9 } }],
  // 2024: new C05 150 + C06 110 + C08 1000 + C12 400 + C14 220 + C16 700 = 2580; expansion C02 150 + C18 165;
  // contraction C04 200; churn C03 220 + C09 60. GRR = (2125 − 200 − 280) / 2125; NRR = (2125 + 315 − 480) / 2125.
  [
    '2024',
    {
      money: { begin: '2125.00', new: '2580.00', expansion: '315.00', reactivation: '0.00', contraction: '200.00', churn: '280.00', end: '4540.00' },
      counts: { begin: 9, new: 6, reactivated: 0, expanded: 2, contracted: 1, churned: 2, end: 13 },
      rates: { grr: 1645 / 2125, nrr: 1960 / 2125, logoChurn: 2 / 9, quickRatio: 2895 / 480 },
    },
  ],
  // 2025 (partial, snapshot = as-of): new C10 330; reactivation C07 120; expansion C11 60; contraction C12 150; churn C06 110.
  [
    '2025',
    {
      partial: true,
      money: { begin: '4540.00', new: '330.00', expansion: '60.00', reactivation: '120.00', contraction: '150.00', churn: '110.00', end: '4790.00' },
      counts: { begin: 13, new: 1, reactivated: 1, expanded: 1, contracted: 1, churned: 1, end: 14 },
    },
  ],
];

const quarters: [string, Expected][] = [
  ['2024-Q1', { money: { ...Z, begin: '2125.00', new: '1250.00', churn: '60.00', end: '3315.00' }, counts: { ...N, begin: 9, new: 3, churned: 1, end: 11 } }], // C05, C12, C16 new; C09 gone
  ['2024-Q2', { money: { ...Z, begin: '3315.00', new: '110.00', expansion: '150.00', end: '3575.00' }, counts: { ...N, begin: 11, new: 1, expanded: 1, end: 12 } }], // C06 new; C02 add-on
  ['2024-Q3', { money: { ...Z, begin: '3575.00', new: '1000.00', contraction: '200.00', churn: '220.00', end: '4155.00' }, counts: { ...N, begin: 12, new: 1, contracted: 1, churned: 1, end: 12 } }], // C08; C04; C03
  ['2024-Q4', { money: { ...Z, begin: '4155.00', new: '220.00', expansion: '165.00', end: '4540.00' }, counts: { ...N, begin: 12, new: 1, expanded: 1, end: 13 } }], // C14; C18
  ['2025-Q1', { money: { ...Z, begin: '4540.00', new: '330.00', reactivation: '120.00', contraction: '150.00', end: '4840.00' }, counts: { ...N, begin: 13, new: 1, reactivated: 1, contracted: 1, end: 15 } }], // C10; C07; C12
  // 2025-Q2 ends on as-of, so it is complete (not partial).
  ['2025-Q2', { partial: false, money: { ...Z, begin: '4840.00', expansion: '60.00', churn: '110.00', end: '4790.00' }, counts: { ...N, begin: 15, expanded: 1, churned: 1, end: 14 } }], // C11; C06 (last day 03-31)
];

describe.each(sources)('the story exported by $name', (source) => {
  const files = source.files.map((f) => `${EXPORTS}/${f}`);

  it('is detected and read without any --column flag, rows excluded and counted', async () => {
    const json = await runBridge(['--period', 'year', ...FX, ...files]);
    expect(json.input).toMatchObject({ rows: source.rows, used: source.used, rejected: 0, excluded: source.excluded });
    const inspect = await runCli(['inspect', '--format', 'json', ...FX, ...files], { cwd: REPO_ROOT });
    expect(inspect.exitCode, inspect.stderr).toBe(0);
    const report = JSON.parse(inspect.stdout) as { files: { source: { name: string } }[] };
    expect(report.files.map((f) => f.source.name)).toEqual(files.map(() => source.name));
  });

  it('gives the hand-worked yearly bridge', async () => {
    const json = await runBridge(['--period', 'year', ...FX, ...files]);
    expect(json.periods.map((p) => p.period)).toEqual(['2023', '2024', '2025']);
    for (const [label, want] of years) expectPeriod(json, label, want);
  });

  it('gives the hand-worked quarters of 2024 and 2025', async () => {
    const json = await runBridge(['--period', 'quarter', '--from', '2024-Q1', ...FX, ...files]);
    expect(json.periods.map((p) => p.period)).toEqual(quarters.map(([label]) => label));
    for (const [label, want] of quarters) expectPeriod(json, label, want);
  });
});

describe('profiles are data, not guesses', () => {
  it('--source generic on a Stripe export finds no start date column (the profile is what reads Start Date (UTC))', async () => {
    const res = await runCli(['bridge', '--source', 'generic', ...FX, `${EXPORTS}/stripe/subscriptions.csv`], { cwd: REPO_ROOT });
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toContain('MISSING_COLUMN: no column for start_date');
  });

  it('--amount-unit major on the Chargebee export reads cents as dollars: 100 × the figures', async () => {
    const json = await runBridge(['--period', 'year', '--amount-unit', 'major', ...FX, `${EXPORTS}/chargebee/subscriptions.csv`]);
    expect(json.periods.at(-1)?.money.end).toBe('479000.00');
  });

  it('the generic export’s credit "(100.00)" for C13 in May 2024 shows only in a monthly bridge', async () => {
    const json = await runBridge(['--period', 'month', '--from', '2024-05', '--to', '2024-06', ...FX, `${EXPORTS}/generic/contracts.csv`]);
    // 2024-05-31: C13 200 − 100 = 100 → contraction 100 (C02's add-on +150 the same month); back to 200 in June.
    expectPeriod(json, '2024-05', { money: { ...Z, begin: '3425.00', expansion: '150.00', contraction: '100.00', end: '3475.00' }, counts: { ...N, begin: 12, expanded: 1, contracted: 1, end: 12 } });
    expectPeriod(json, '2024-06', { money: { ...Z, begin: '3475.00', expansion: '100.00', end: '3575.00' }, counts: { ...N, begin: 12, expanded: 1, end: 12 } });
  });

  it('Stripe metadata columns are dimensions under their key: --by segment', async () => {
    const json = await runBridge(['--period', 'year', '--by', 'segment', ...FX, `${EXPORTS}/stripe/subscriptions.csv`]);
    const end2025 = json.periods.filter((p) => p.period === '2025' && p.segment !== null).map((p) => [p.segment, p.money.end]);
    // SMB: C01 100 + C05 150 + C07 120 + C14 220 + C17 45 = 635; Mid-market: C02 400 + C10 330 + C11 260 + C12 250 + C13 200 = 1440;
    // Enterprise: C04 300 + C08 1000 + C16 700 + C18 715 = 2715. Total 4790.
    expect(end2025).toEqual(
      expect.arrayContaining([
        [{ segment: 'Enterprise' }, '2715.00'],
        [{ segment: 'Mid-market' }, '1440.00'],
        [{ segment: 'SMB' }, '635.00'],
      ]),
    );
  });
});
