// The JSON contract of `retain customers` (schemaVersion 1): one object per entity at the as-of snapshot,
// money as exact decimal strings, days as YYYY-MM-DD (null when there is no scheduled renewal).
import { formatDay } from '../../model/calendar.js';
import { minorDigits, minorToDecimalString } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import type { CustomersReport } from '../../report/customers-report.js';
import { reportEnvelope } from '../report-envelope.js';

export function renderCustomersJson(report: CustomersReport, input: RowAccounting): string {
  const digits = minorDigits(report.spec.currency);
  const money = (minor: number): string => minorToDecimalString(minor, digits);
  const doc = {
    ...reportEnvelope(report.command, report.spec, input),
    total: { count: report.total.count, mrr: money(report.total.mrr) },
    customers: Array.from({ length: report.count }, (_, i) => report.row(i)).map((r) => ({
      customer: r.customer,
      contract: r.contract,
      mrr: money(r.mrr),
      firstActive: formatDay(r.firstActive),
      tenureMonths: r.tenureMonths,
      segment: r.segment,
      nextRenewal: r.nextRenewal === null ? null : formatDay(r.nextRenewal),
      expiringMrr: r.nextRenewal === null ? null : money(r.expiringMrr),
      renewalStatus: r.renewalStatus,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
