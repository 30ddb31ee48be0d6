// The JSON contract of `retain movements` (schemaVersion 1): one object per movement with exact money
// strings, segment {key: value} or null, churn reason or null, and every input line behind it.
import { formatDay, periodLabel } from '../model/calendar.js';
import { minorDigits, minorToDecimalString } from '../model/money.js';
import type { RowAccounting } from '../model/row-accounting.js';
import type { MovementsReport } from '../report/movements-report.js';
import { reportEnvelope } from './report-envelope.js';

export function renderMovementsJson(report: MovementsReport, input: RowAccounting): string[] {
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
  // Millions of movements: each is stringified on its own and appended as the document's last key, laid
  // out as JSON.stringify(doc, null, 2) would.
  // Items are joined 10,000 at a time so that millions of small strings never live at once, and the
  // pieces are written one after the other (ReportText), never joined into one string.
  const pieces: string[] = [];
  let items: string[] = [];
  for (let i = 0; i < report.count; i++) {
    const r = report.row(i);
    const item = {
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
    items.push(JSON.stringify(item, null, 2).replace(/\n/g, '\n    '));
    if (items.length === 10_000) {
      pieces.push(items.join(',\n    '));
      items = [];
    }
  }
  if (items.length > 0) pieces.push(items.join(',\n    '));
  const head = `${JSON.stringify(doc, null, 2).slice(0, -2)},\n  "movements": `;
  if (pieces.length === 0) return [`${head}[]\n}\n`];
  return [`${head}[\n    `, ...pieces.flatMap((piece, i) => (i === 0 ? [piece] : [',\n    ', piece])), '\n  ]\n}\n'];
}
