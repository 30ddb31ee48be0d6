// How a row's money becomes MRR (METRICS.md §1–§2), end to end through the reader: the first non-empty of
// mrr, arr, amount ÷ billing period, then quantity × unit_price × (1 − discount); FX; one half-even rounding.
import { describe, expect, it } from 'vitest';
import { bridgeJson } from '../helpers/bridge-json.js';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

const endMrr = async (text: string, args: string[] = []): Promise<string> => {
  const report = await bridgeJson(text, ['--period', 'year', '--as-of', '2024-12-31', ...args]);
  return report.periods.at(-1)!.money.end;
};

describe('money columns', () => {
  it('uses mrr, else arr ÷ 12, else amount ÷ months of its billing period', async () => {
    const text = csv`
      customer_id,start_date,mrr,arr,amount,billing_period
      A,2024-01-01,100.00,,,
      B,2024-01-01,,1200,,
      C,2024-01-01,,,300,quarterly
      D,2024-01-01,,,1000,annual
      E,2024-01-01,,,600,semi-annual
      F,2024-01-01,,,240,24
      G,2024-01-01,7,1200,999,month
    `;
    // 100 + 100 + 100 + 83.33 (1000/12 = 83.333…) + 100 + 10 + 7 (mrr wins over arr and amount)
    expect(await endMrr(text)).toBe('500.33');
  });

  it('prices quantity × unit price × (1 − discount) when no amount is given', async () => {
    const text = csv`
      customer_id,start_date,quantity,unit_price,discount,billing_period
      A,2024-01-01,120,500,22%,year
      B,2024-01-01,3,10.00,0.5,month
      C,2024-01-01,2,100,,month
    `;
    // A: 120 × 500 × 0.78 = 46,800 a year → 3,900.00 a month; B: 3 × 10 × 0.5 = 15; C: 200.
    expect(await endMrr(text)).toBe('4115.00');
  });

  it('reads a discount column named as a percentage as percent', async () => {
    const text = csv`
      customer_id,start_date,quantity,unit_price,discount_pct,billing_period
      A,2024-01-01,10,100,12.5,month
    `;
    expect(await endMrr(text)).toBe('875.00');
  });

  it('rounds each line half-even to the cent once, then adds exactly', async () => {
    // 0.125 → 0.12 and 0.375 → 0.38 (half-even); 3 × 33.33 (100/3 rounded) = 99.99, not 100.00.
    const text = csv`
      customer_id,start_date,amount,billing_period
      A,2024-01-01,1.50,12
      B,2024-01-01,4.50,12
      C,2024-01-01,100,3
      C,2024-01-01,100,3
      C,2024-01-01,100,3
    `;
    expect(await endMrr(text)).toBe('100.49');
  });

  it('converts currencies with the given rates before rounding', async () => {
    const text = csv`
      customer_id,start_date,mrr,currency
      A,2024-01-01,100.00,EUR
      B,2024-01-01,"1,000.00",gbp
      C,2024-01-01,0.05,EUR
      D,2024-01-01,10,USD
    `;
    // A 110.00; B 1,250.00; C 0.055 → 0.06 (half-even: 5.5 cents → 6); D 10.
    expect(await endMrr(text, ['--fx', 'EUR=1.10', '--fx', 'GBP=1.25'])).toBe('1370.06');
  });

  it('reports a currency without a rate, listing every missing currency once', async () => {
    const text = csv`
      customer_id,start_date,mrr,currency
      A,2024-01-01,100,EUR
      B,2024-01-01,100,CHF
      C,2024-01-01,100,EUR
    `;
    const result = await runCli(['bridge', '--as-of', '2024-12-31', '-'], { stdin: text });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no FX rate for CHF, EUR (every currency without a rate)');
    expect(result.stderr).toContain('<stdin>:2:4 [currency]: UNKNOWN_CURRENCY');
    expect(result.stdout).toBe('');
  });

  it('reports money problems with their line, column, header and value', async () => {
    const text = csv`
      Account,Start,Monthly Amount,Interval
      A,2024-01-01,12.3.4,
      B,2024-01-01,,fortnightly
      C,2024-01-01,,
      D,2024-13-01,5,
    `;
    const result = await runCli(['bridge', '--as-of', '2024-12-31', '--column', 'amount=Monthly Amount', '-'], { stdin: text });
    expect(result.exitCode).toBe(2);
    const errors = result.stderr.split('\n').filter((l) => l.includes('error:'));
    expect(errors).toEqual([
      'retain: error: <stdin>:2:3 [Monthly Amount]: INVALID_AMOUNT: amount "12.3.4" is not an amount (expected 1234.56 or 1,234.56) (amounts are in major units, optionally with a minus sign, a currency symbol and thousands separators)',
      'retain: error: <stdin>:2:4 [Interval]: NO_BILLING_PERIOD: the amount has no billing_period (fill billing_period or give --billing-period)',
      'retain: error: <stdin>:3:3 [Monthly Amount]: NO_MONEY: the row has no mrr, arr, amount, or quantity and unit_price (fill one money column)',
      'retain: error: <stdin>:4:3 [Monthly Amount]: NO_MONEY: the row has no mrr, arr, amount, or quantity and unit_price (fill one money column)',
      'retain: error: <stdin>:5:2 [Start]: INVALID_DATE: start_date "2024-13-01" is not a date (expected YYYY-MM-DD or an ISO date-time) (see --date-format)',
      'retain: error: <stdin>:5:4 [Interval]: NO_BILLING_PERIOD: the amount has no billing_period (fill billing_period or give --billing-period)',
    ]);
    expect(result.stderr).toContain('read 4 rows from 1 file: 0 used, 0 excluded, 4 rejected');
  });
});
