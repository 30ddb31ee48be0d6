// The JSON contract of `retain renewals` (schemaVersion 1): money as exact decimal strings in major units,
// rates as numbers rounded half-even to 6 decimals or null, days as integers. Built from the report.
import { formatDay } from '../model/calendar.js';
import { minorDigits, minorToDecimalString, type Rate } from '../model/money.js';
import type { RowAccounting } from '../model/row-accounting.js';
import { renewalsCompareMeasures, type RenewalsComparison } from '../report/renewals-compare.js';
import type { RenewalsReport } from '../report/renewals-report.js';
import { compareJson } from './compare-tables.js';
import { RATE_PLACES } from './format-values.js';
import { reportEnvelope } from './report-envelope.js';

/** `comparisons` (--compare): one per row, added to each period as a `compare` object after its own keys. */
export function renderRenewalsJson(report: RenewalsReport, input: RowAccounting, comparisons?: readonly RenewalsComparison[]): string {
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
    ...(report.units === null
      ? {}
      : {
          units: report.units.map((u) => ({
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
          })),
        }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
