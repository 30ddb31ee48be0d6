// Saved JSON reports read back for retain diff: money strings to exact minor units, rates kept, nested or
// unknown data ignored, and every problem a REPORT_INVALID diagnostic naming the file (and line).
import { describe, expect, it } from 'vitest';
import { parseSavedReport, readSavedReport } from '../../src/io/read-report-json.js';

const policy = { definitionsVersion: 1, level: 'customer', currency: 'USD', asOf: '2025-06-30' };
const row = { period: '2025-Q2', start: '2025-04-01', end: '2025-06-30', partial: false, segment: null };

function parse(doc: unknown) {
  return parseSavedReport(JSON.stringify(doc), 'q2.json');
}

describe('readSavedReport', () => {
  it('turns money strings into minor units of the report currency and keeps counts and rates', () => {
    const r = parse({ schemaVersion: 1, command: 'bridge', asOf: '2025-06-30', policy, periods: [{ ...row, money: { end: '1950.00', churn: '-0.5' }, counts: { end: 4 }, rates: { nrr: 0.8125, grr: null }, compare: { money: { end: { change: '1.00' } } } }] });
    if (!('report' in r)) throw new Error(JSON.stringify(r));
    expect(r.report.digits).toBe(2);
    expect(Object.fromEntries(r.report.rows[0]!.values)).toEqual({ 'money.end': 195_000, 'money.churn': -50, 'counts.end': 4, 'rates.nrr': 0.8125, 'rates.grr': null });
  });

  it('reads JPY money without decimals and refuses more decimals than the currency has', () => {
    const jpy = { ...policy, currency: 'JPY' };
    const ok = parse({ schemaVersion: 1, command: 'bridge', asOf: '2025-06-30', policy: jpy, periods: [{ ...row, money: { end: '1950' } }] });
    expect('report' in ok && ok.report.rows[0]!.values.get('money.end')).toBe(1950);
    const bad = parse({ schemaVersion: 1, command: 'bridge', asOf: '2025-06-30', policy: jpy, periods: [{ ...row, money: { end: '1950.5' } }] });
    expect('diagnostics' in bad && bad.diagnostics[0]!.message).toBe('periods[0].money.end: "1950.5" has more decimals than JPY allows (0)');
  });

  it('keeps the policy in the order it was written', () => {
    const r = parse({ schemaVersion: 1, command: 'bridge', asOf: '2025-06-30', policy, periods: [] });
    expect('report' in r && Object.keys(r.report.policy)).toEqual(['definitionsVersion', 'level', 'currency', 'asOf']);
  });

  it.each([
    // Node names the position of some syntax errors: then the line is given too.
    ['{"schemaVersion": 1\n', 'not JSON', 2],
    ['{"command": }', 'not JSON', undefined],
    [JSON.stringify({ schemaVersion: 2, command: 'bridge' }), 'schemaVersion 2 is not supported (this retain reads 1)', undefined],
    [JSON.stringify({ schemaVersion: 1, command: 'bridge', asOf: '2025-06-30', policy, periods: [{ ...row, start: 'soon' }] }), 'periods[0].start: a date YYYY-MM-DD', undefined],
    [JSON.stringify({ schemaVersion: 1, command: 'bridge', asOf: '2025-06-30', policy: { level: 'customer' }, periods: [] }), 'policy.currency', undefined],
  ])('refuses %s', (text, message, line) => {
    const r = parseSavedReport(text, 'q2.json');
    if (!('diagnostics' in r)) throw new Error('accepted');
    expect(r.diagnostics[0]).toMatchObject({ code: 'REPORT_INVALID', source: line === undefined ? { file: 'q2.json' } : { file: 'q2.json', line } });
    expect(r.diagnostics[0]!.message).toContain(message);
  });

  it('says FILE_NOT_FOUND for a missing file', async () => {
    const r = await readSavedReport('/nonexistent/q9.json', 'q9.json');
    expect('diagnostics' in r && r.diagnostics[0]!.code).toBe('FILE_NOT_FOUND');
  });
});
