// The JSON contract of `retain bridge` (schemaVersion 1): money as exact decimal strings in major
// units, rates as numbers rounded half-even to 6 decimals or null. Built from the report, not the table.
import { formatDay } from '../model/calendar.js';
import { minorDigits, minorToDecimalString } from '../model/money.js';
import type { RowAccounting } from '../model/row-accounting.js';
import type { BridgeReport } from '../report/bridge-report.js';
import { RATE_PLACES } from './format-values.js';
import { policyJson } from './policy.js';

export function renderBridgeJson(report: BridgeReport, input: RowAccounting): string {
  const digits = minorDigits(report.spec.currency);
  const money = (minor: number): string => minorToDecimalString(minor, digits);
  const doc = {
    schemaVersion: 1,
    command: report.command,
    asOf: formatDay(report.spec.asOf),
    policy: policyJson(report.spec),
    input: { files: input.files, rows: input.rows, used: input.used, excluded: input.excluded, rejected: input.rejected, blank: input.blank },
    periods: report.rows.map((r) => ({
      period: r.period,
      start: formatDay(r.start),
      end: formatDay(r.end),
      partial: r.partial,
      segment: r.segment,
      money: Object.fromEntries(Object.entries(r.money).map(([k, v]) => [k, money(v)])),
      counts: r.counts,
      rates: Object.fromEntries(Object.entries(r.rates).map(([k, v]) => [k, v === null ? null : v.toNumber(RATE_PLACES)])),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
