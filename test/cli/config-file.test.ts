// retain.config.json (docs/config.md): found in the working directory or named by --config; validated (errors
// name the key path and the allowed values); flags override the file; list flags add to its entries.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

const export1 = csv`
  Account,From,Monthly Value,Curr
  A,2024-01-01,100,EUR
  B,2024-02-15,50,USD
  B,2024-03-20,10,USD
`;

function workspace(config: unknown, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'retain-config-'));
  writeFileSync(join(dir, 'export.csv'), export1);
  if (config !== undefined) writeFileSync(join(dir, 'retain.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const base = { columns: { customer_id: 'Account', start_date: 'From', mrr: 'Monthly Value', currency: 'Curr' }, fx: { EUR: '1.10' }, period: 'quarter' };

async function endOf(cwd: string, args: string[] = []): Promise<{ code: number; stderr: string; last?: { period: string; money: { end: string } } | undefined }> {
  const res = await runCli(['bridge', '-f', 'json', '--as-of', '2024-03-31', ...args, 'export.csv'], { cwd });
  if (res.exitCode !== 0) return { code: res.exitCode, stderr: res.stderr };
  const json = JSON.parse(res.stdout) as { periods: { period: string; money: { end: string } }[] };
  return { code: 0, stderr: res.stderr, last: json.periods.at(-1) };
}

describe('retain.config.json', () => {
  it('is found in the working directory: column map, FX and period come from it', async () => {
    // 100 EUR × 1.10 + 50 + 10 = 170.00, one quarter.
    expect((await endOf(workspace(base))).last).toMatchObject({ period: '2024-Q1', money: { end: '170.00' } });
  });

  it('flags override the file; --fx adds to its rates (the later rate wins)', async () => {
    const cwd = workspace(base);
    expect((await endOf(cwd, ['--period', 'month'])).last).toMatchObject({ period: '2024-03', money: { end: '170.00' } });
    expect((await endOf(cwd, ['--fx', 'EUR=1.20'])).last?.money.end).toBe('180.00');
    expect((await endOf(cwd, ['--column', 'mrr=Monthly Value', '--currency', 'EUR', '--fx', 'USD=0.5'])).last?.money.end).toBe('130.00'); // 100 + 25 + 5
  });

  it('--config names another file; paths inside it are relative to it', async () => {
    const cwd = workspace(undefined, {
      'settings/team.json': JSON.stringify({ ...base, fx: undefined, fxFile: 'rates.csv' }),
      'settings/rates.csv': 'currency,rate\nEUR,2\n',
    });
    expect((await endOf(cwd, ['--config', 'settings/team.json'])).last?.money.end).toBe('260.00');
  });

  it('endConvention and graceDays are read as the flags they stand for', async () => {
    const cwd = workspace({ ...base, endConvention: 'exclusive', graceDays: 0 });
    const res = await runCli(['bridge', '-f', 'json', '--as-of', '2024-03-31', 'export.csv'], { cwd });
    const json = JSON.parse(res.stdout) as { policy?: unknown };
    expect(res.exitCode, res.stderr).toBe(0);
    expect(JSON.stringify(json)).toContain('"graceDays":0');
  });

  it.each([
    [{ ...base, level: 'customers' }, 'retain: error: retain.config.json: INVALID_CONFIG: key "level": "customers" is not allowed (expected one of customer, contract) (see docs/config.md)'],
    [{ ...base, columns: { start: 'From' } }, 'retain: error: retain.config.json: INVALID_CONFIG: key "columns": unknown key "columns.start" (allowed keys: customer_id, contract_id, product, start_date, end_date, cancel_date, mrr, arr, amount, billing_period, quantity, unit_price, discount, currency, churn_reason, booked_date, renews)'],
    [{ ...base, grace: 10 }, 'retain: error: retain.config.json: INVALID_CONFIG: the file: unknown key "grace" (allowed keys: source, columns, currency, fx, fxFile, level, period, fiscalYearStart, graceDays, unit, endConvention, billingPeriod, delimiter, dateFormat, decimalComma, amountUnit, timezone, accounts, churnEvents, by, bands, reasonMap, archiveProducts, plan) (see docs/config.md)'],
    [{ ...base, fiscalYearStart: 13 }, 'retain: error: retain.config.json: INVALID_CONFIG: key "fiscalYearStart": 13: expected'],
    ['{ "period": ', 'retain: error: retain.config.json: INVALID_CONFIG: not valid JSON'],
  ])('a bad file stops the run with exit 2, naming the key: %j', async (config, message) => {
    const res = await endOf(workspace(config));
    expect(res.code).toBe(2);
    expect(res.stderr.split('\n')[0]).toContain(message);
  });

  it('--config naming no file is an error', async () => {
    const res = await endOf(workspace(undefined), ['--config', 'missing.json']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('FILE_NOT_FOUND: cannot read the configuration file missing.json');
  });
});
