/**
 * End-to-end: `--billing-period span` on Displayr's real, anonymised invoice lines of "Q"
 * (fixtures/public/displayr-q-invoice-lines, GPL-3 data, see CREDIT.md). 3,769 lines: ValidFrom, ValidTo
 * (EXCLUSIVE), the price of the whole span in `AUD` (already converted, so the `currency` column is unmapped
 * with --column currency=), spans of 1 to 999 months, 438 zero-amount lines, 15 credits, a line to 2090.
 *
 * Span rule (METRICS.md §2, docs/sources.md): months = whole calendar months when ValidFrom and ValidTo fall on
 * the same day of the month, else days ÷ (365.25 ÷ 12); MRR = amount ÷ months, rounded half-even to cents once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { naiveBridge, roundHalfEvenCents, toDay, toIso, type NaiveLine, type NaiveOptions } from '../reference/naive-bridge.js';
import { expectPeriod, expectSameAsNaive, readFixture, REPO_ROOT, runBridge } from './support.js';

const FILE = 'fixtures/public/displayr-q-invoice-lines/q_invoice_lines.csv';
const MAP = ['--currency', 'AUD', '--column', 'currency=', '--end-exclusive', '--billing-period', 'span', '--column', 'customer_id=name', '--column', 'start_date=ValidFrom', '--column', 'end_date=ValidTo', '--column', 'amount=AUD'];
const rows = readFixture(FILE);
/** File line of InvoiceLineID 237, the line that runs to 2090. */
const FAR_LINE = 209;

/** The span rule, written again here from the definition (exact fractions, half-even cents). */
function spanMrrCents(amount: string, from: string, toExclusive: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = toExclusive.split('-').map(Number) as [number, number, number];
  const [whole, fraction = ''] = amount.split('.');
  const cents = BigInt(`${whole}${fraction}`) * 100n; // amount × 100 × 10^fraction digits
  const scale = 10n ** BigInt(fraction.length);
  if (d1 === d2) return roundHalfEvenCents(cents, scale * BigInt((y2 - y1) * 12 + (m2 - m1)));
  const days = BigInt(toDay(toExclusive) - toDay(from));
  return roundHalfEvenCents(cents * 1461n, scale * days * 48n);
}

const lines: NaiveLine[] = rows.map((r) => ({
  entity: r['name'] ?? '',
  start: r['ValidFrom'] ?? '',
  end: toIso(toDay(r['ValidTo'] ?? '') - 1),
  cancel: null,
  mrrCents: spanMrrCents(r['AUD'] ?? '0', r['ValidFrom'] ?? '', r['ValidTo'] ?? ''),
}));

describe('Q invoice lines, amounts over their own span', () => {
  it('reads every line: spans of 1 to 999 months, zero amounts, credits and the line to 2090', async () => {
    const json = await runBridge(['--period', 'year', '--as-of', '2016-06-13', ...MAP, FILE]);
    expect(json.input).toMatchObject({ rows: 3769, used: 3769, rejected: 0 });
    expect(lines.filter((l) => l.mrrCents === 0)).toHaveLength(441); // 438 zero amounts + three of 0.01 AUD over a year
    expect(lines.filter((l) => l.mrrCents < 0)).toHaveLength(15);
    // InvoiceLineID 237 (file line 209): Organization 638, 2007-09-10 → 2090-12-10 (83 years and 3 months = 999 whole months), 0 AUD.
    expect(rows.findIndex((r) => r['InvoiceLineID'] === '237') + 2).toBe(FAR_LINE);
    expect(rows.find((r) => r['InvoiceLineID'] === '237')).toMatchObject({ name: 'Organization 638', ValidFrom: '2007-09-10', ValidTo: '2090-12-10', AUD: '0' });
  });

  it('Organization 33 by year, worked by hand (renewals on the 11th, co-termed add-ons mid-term)', async () => {
    // Its 19 lines; MRR on each year-end snapshot (last day = ValidTo − 1):
    //   2009-12-31  2009-11-11→2010-11-11  7,495 / 12                                   =   624.58
    //   2010-12-31  2010-11-11→2011-11-11  6,745.50 / 12 = 562.125 → 562.12 (half-even)  =   562.12
    //   2011-12-31  2011-11-11→2012-11-11  13,191.20 / 12 = 1,099.2667                   = 1,099.27
    //   2012-12-31  three lines 2012-11-11→2013-11-11: 16,788.80/12 + 13,191.20/12 + 1,199.20/12
    //               = 1,399.07 + 1,099.27 + 99.93                                        = 2,598.27
    //   2013-12-31  15,589.60 / 12                                                       = 1,299.13
    //   2014-12-31  17,988 / 12                                                          = 1,499.00
    //   2015-12-31  21,585.60 / 12 = 1,798.80, plus the add-on 2015-12-17→2016-11-11 (not the same day:
    //               330 days) 1,138.40 × 1461 / (330 × 48) = 105.0001 → 105.00          = 1,903.80
    // The add-ons of 2011 (e.g. 3,279.95 over 296 days → 337.28) end with their term on 2011-11-10, before the snapshot.
    const header = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8').split('\n')[0]!;
    const own = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8').split('\n').filter((l) => l.includes('"Organization 33"'));
    expect(own).toHaveLength(19);
    const res = await runCli(['bridge', '-f', 'json', '--period', 'year', '--as-of', '2016-06-13', ...MAP, '-'], { cwd: REPO_ROOT, stdin: `${header}\n${own.join('\n')}\n` });
    expect(res.exitCode, res.stderr).toBe(0);
    const json = JSON.parse(res.stdout) as Parameters<typeof expectPeriod>[0];
    const Z = { begin: '0.00', new: '0.00', expansion: '0.00', reactivation: '0.00', contraction: '0.00', churn: '0.00', end: '0.00' };
    const one = { begin: 1, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 1 };
    expectPeriod(json, '2009', { money: { ...Z, new: '624.58', end: '624.58' }, counts: { ...one, begin: 0, new: 1 } });
    expectPeriod(json, '2010', { money: { ...Z, begin: '624.58', contraction: '62.46', end: '562.12' }, counts: { ...one, contracted: 1 } });
    expectPeriod(json, '2011', { money: { ...Z, begin: '562.12', expansion: '537.15', end: '1099.27' }, counts: { ...one, expanded: 1 } });
    expectPeriod(json, '2012', { money: { ...Z, begin: '1099.27', expansion: '1499.00', end: '2598.27' }, counts: { ...one, expanded: 1 } });
    expectPeriod(json, '2013', { money: { ...Z, begin: '2598.27', contraction: '1299.14', end: '1299.13' }, counts: { ...one, contracted: 1 } });
    expectPeriod(json, '2014', { money: { ...Z, begin: '1299.13', expansion: '199.87', end: '1499.00' }, counts: { ...one, expanded: 1 } });
    expectPeriod(json, '2015', { money: { ...Z, begin: '1499.00', expansion: '404.80', end: '1903.80' }, counts: { ...one, expanded: 1 } });
    expectPeriod(json, '2016', { partial: true, money: { ...Z, begin: '1903.80', end: '1903.80' }, counts: one });
  });

  it.each<NaiveOptions>([
    { period: 'year', asOf: '2016-06-13', graceDays: 30 },
    { period: 'quarter', asOf: '2016-06-13', graceDays: 0 },
  ])('the whole file agrees with the naive reference fed with the span rule ($period, grace $graceDays)', async (opts) => {
    const json = await runBridge(['--period', opts.period, '--as-of', opts.asOf, '--grace-days', String(opts.graceDays), ...MAP, FILE]);
    expectSameAsNaive(json, naiveBridge(lines, opts));
  });

  it('retain check finds the zero and negative lines', async () => {
    const res = await runCli(['check', '-f', 'json', '--as-of', '2016-06-13', ...MAP, FILE], { cwd: REPO_ROOT });
    expect(res.exitCode, res.stderr).toBe(0); // warnings only
    const report = JSON.parse(res.stdout) as { summary: { errors: number; byCode: { code: string; count: number }[] }; findings: { code: string; line: number }[] };
    expect(report.summary.errors).toBe(0);
    const count = (code: string): number | undefined => report.summary.byCode.find((c) => c.code === code)?.count;
    expect(count('ZERO_AMOUNT')).toBe(441);
    expect(count('NEGATIVE_AMOUNT')).toBe(15);
    expect(report.findings.some((f) => f.code === 'ZERO_AMOUNT' && f.line === FAR_LINE)).toBe(true); // the line to 2090
  });
});
