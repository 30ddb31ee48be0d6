// The JSON contract of `retain movements` (schemaVersion 1): one object per movement with exact money
// strings, segment {key: value} or null, churn reason or null, and every input line behind it.
import { formatDay, periodLabel } from '../../model/calendar.js';
import { minorDigits, minorToDecimalString } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import type { MovementsReport } from '../../report/movements-report.js';
import { jsonWithLongList } from '../json-pieces.js';
import { reportEnvelope } from '../report-envelope.js';

export function renderMovementsJson(report: MovementsReport, input: RowAccounting): Iterable<string> {
  const digits = minorDigits(report.spec.currency);
  const money = (minor: number): string => minorToDecimalString(minor, digits);
  const f = report.filters;
  const doc = {
    ...reportEnvelope(report.command, report.spec, input),
    filters: {
      movements: f.kinds ?? null,
      minAmount: money(f.minAmount),
      period: f.period === undefined ? null : periodLabel(report.spec.calendar, f.period),
      top: f.top ?? null,
    },
    totals: report.totals.map((t) => ({ period: t.period, movement: t.movement, count: t.count, amount: money(t.amount) })),
  };
  return jsonWithLongList(doc, 'movements', report.count, (i) => {
    const r = report.row(i);
    return {
      period: r.period,
      start: formatDay(r.start),
      end: formatDay(r.end),
      partial: r.partial,
      customer: r.customer,
      contract: r.contract,
      movement: r.movement,
      amount: money(r.amount),
      before: money(r.before),
      after: money(r.after),
      segment: r.segment,
      reason: r.reason,
      lines: r.lines,
    };
  });
}
