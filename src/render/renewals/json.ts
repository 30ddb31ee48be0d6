// The JSON contract of `retain renewals` (schemaVersion 1): money as exact decimal strings in major units,
// rates as numbers rounded half-even to 6 decimals or null, days as integers. Built from the report.
import { formatDay } from '../../model/calendar.js';
import { minorDigits, minorToDecimalString, type Rate } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import { renewalsCompareMeasures, type RenewalsComparison } from '../../report/renewals-compare.js';
import type { RenewalUnitRow } from '../../report/renewals-detail.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import { compareJson } from '../compare-tables.js';
import { RATE_PLACES } from '../format-values.js';
import { jsonWithLongList } from '../json-pieces.js';
import { reportEnvelope } from '../report-envelope.js';
import type { ReportText } from '../report-text.js';

/** `comparisons` (--compare): one per row, added to each period as a `compare` object after its own keys. */
export function renderRenewalsJson(report: RenewalsReport, input: RowAccounting, comparisons?: readonly RenewalsComparison[]): ReportText {
  const digits = minorDigits(report.spec.currency);
  const money = (minor: number | null): string | null => (minor === null ? null : minorToDecimalString(minor, digits));
  const rate = (r: Rate | null): number | null => (r === null ? null : r.toNumber(RATE_PLACES));
  const moneyRecord = (record: Record<string, number>): Record<string, string | null> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, money(v)]));
  const classRecord = (record: Record<string, { churnedCount: number; churnedCmrr: number; downgradedCount: number; downgradedCmrr: number }>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(record).map(([k, f]) => [k, { churnedCount: f.churnedCount, churnedCmrr: money(f.churnedCmrr), downgradedCount: f.downgradedCount, downgradedCmrr: money(f.downgradedCmrr) }]));
  const o = report.options;
  const doc = {
    ...reportEnvelope(report.command, report.spec, input, { archiveProducts: o.archiveProducts, reasonMap: o.reasonMapSource ?? null, plan: o.plan?.source ?? null }),
    periods: report.rows.map((r, i) => ({
      period: r.period,
      start: formatDay(r.start),
      end: formatDay(r.end),
      partial: r.partial,
      segment: r.segment,
      counts: r.counts,
      money: moneyRecord(r.money),
      split: Object.fromEntries(Object.entries(r.parts).map(([k, parts]) => [k, moneyRecord(parts)])),
      rates: Object.fromEntries(Object.entries(r.rates).map(([k, v]) => [k, rate(v)])),
      late: { averageDaysLate: rate(r.averageDaysLate), maxDaysLate: r.maxDaysLate },
      plan: { churnRate: rate(r.plan.rate), planned: money(r.plan.planned), actual: money(r.plan.actual), variance: money(r.plan.variance) },
      classes: { avoidable: classRecord(r.classes.avoidable), voluntary: classRecord(r.classes.voluntary) },
      reasons: r.reasons.map((x) => ({ reason: x.reason, avoidable: x.avoidable, voluntary: x.voluntary, churnedCount: x.churnedCount, churnedCmrr: money(x.churnedCmrr), downgradedCount: x.downgradedCount, downgradedCmrr: money(x.downgradedCmrr) })),
      ...(comparisons ? { compare: compareJson(comparisons[i]!, report.spec.currency, renewalsCompareMeasures) } : {}),
    })),
  };
  if (report.units === null) return `${JSON.stringify(doc, null, 2)}\n`;
  const units = report.units;
  // With --detail the unit listing can run to millions: written in pieces after the period rows.
  return jsonWithLongList(doc, 'units', units.length, (i) => unitJson(units[i]!, money, moneyRecord));
}

function unitJson(u: RenewalUnitRow, money: (minor: number | null) => string | null, moneyRecord: (record: Record<string, number>) => Record<string, string | null>): object {
  return {
    contract: u.contract,
    customer: u.customer,
    dueDate: formatDay(u.dueDate),
    duePeriod: u.duePeriod,
    decidedPeriod: u.decidedPeriod,
    outcome: u.outcome,
    timing: u.timing === '' ? null : u.timing,
    daysLate: u.daysLate,
    successorStart: u.successorStart === null ? null : formatDay(u.successorStart),
    expiring: money(u.expiring),
    successor: money(u.successor),
    locked: money(u.locked),
    change: money(u.change),
    split: u.parts === null ? null : moneyRecord(u.parts),
    churnReason: u.reason,
    classes: u.classes,
    expiringLines: u.expiringLines,
    successorLines: u.successorLines,
  };
}
