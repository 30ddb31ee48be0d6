// The movements report as neutral tables: one row per entity and period with a movement (terminal,
// markdown, CSV), then the totals of the listed rows per period and movement (terminal and markdown).
import { formatDay, periodLabel } from '../../model/calendar.js';
import type { Provenance } from '../../model/line-store.js';
import { minorDigits, minorToDisplayString } from '../../model/money.js';
import type { MovementRow, MovementsReport } from '../../report/movements-report.js';
import { policyLines } from '../policy.js';
import { segmentPolicyLines, segmentValueText } from '../segment-policy.js';
import { renderCsvPieces } from '../csv.js';
import type { Cell, Column, Document, Table } from '../table-model.js';

/** Lines shown per row in terminal and markdown tables; CSV and JSON list all. */
const LINES_SHOWN = 3;
/** Rows shown in terminal and markdown tables (the totals cover every row); CSV and JSON have all. */
export const TABLE_ROWS = 1000;

function keysOf(report: MovementsReport): readonly string[] {
  return report.spec.segments?.by ?? [];
}

export function linesText(lines: readonly Provenance[], limit = Infinity): string {
  const shown = lines.slice(0, limit).map((l) => `${l.file}:${l.line}`);
  return lines.length > limit ? `${shown.join(' ')} +${lines.length - limit} more` : shown.join(' ');
}

export function filterText(report: MovementsReport): string {
  const f = report.filters;
  const parts = [f.kinds === undefined ? 'all movements' : f.kinds.join(', ')];
  if (f.minAmount > 0) parts.push(`amount ≥ ${minorToDisplayString(f.minAmount, minorDigits(report.spec.currency))}`);
  if (f.period !== undefined) parts.push(`period ${periodLabel(report.spec.calendar, f.period)}`);
  if (f.top !== undefined) parts.push(`the ${f.top} largest`);
  return parts.join('; ');
}

export function movementsDocument(report: MovementsReport): Document {
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const contract = report.spec.level === 'contract';
  const columns: Column[] = [
    { key: 'period', label: 'Period', numeric: false },
    { key: 'customer', label: 'Customer', numeric: false },
    ...(contract ? [{ key: 'contract', label: 'Contract', numeric: false }] : []),
    { key: 'movement', label: 'Movement', numeric: false },
    { key: 'amount', label: 'Amount', numeric: true },
    { key: 'before', label: `${unit} before`, numeric: true },
    { key: 'after', label: `${unit} after`, numeric: true },
    ...keysOf(report).map((k) => ({ key: `segment:${k}`, label: k, numeric: false })),
    { key: 'reason', label: 'Churn reason', numeric: false },
    { key: 'lines', label: 'Lines', numeric: false },
  ];
  const shown = Math.min(report.count, TABLE_ROWS);
  const rows = Array.from({ length: shown }, (_, i) => report.row(i)).map((r): Cell[] => [
    { kind: 'text', value: r.partial ? `${r.period}*` : r.period },
    { kind: 'text', value: r.customer, fromInput: true },
    ...(contract ? [{ kind: 'text', value: r.contract ?? '', fromInput: true } as Cell] : []),
    { kind: 'text', value: r.movement },
    { kind: 'money', minor: r.amount },
    { kind: 'money', minor: r.before },
    { kind: 'money', minor: r.after },
    ...keysOf(report).map((k): Cell => ({ kind: 'text', value: segmentValueText(k, r.segment?.[k] ?? ''), fromInput: true })),
    { kind: 'text', value: r.reason ?? '', fromInput: true },
    { kind: 'text', value: linesText(r.lines, LINES_SHOWN), fromInput: true },
  ]);
  const totals: Table = {
    title: 'Totals of the rows listed (equal to the bridge when nothing is filtered out)',
    columns: [
      { key: 'period', label: 'Period', numeric: false },
      { key: 'movement', label: 'Movement', numeric: false },
      { key: 'count', label: report.spec.level === 'customer' ? 'Customers' : 'Contracts', numeric: true },
      { key: 'amount', label: 'Amount', numeric: true },
    ],
    rows: report.totals.map((t): Cell[] => [
      { kind: 'text', value: t.period },
      { kind: 'text', value: t.movement },
      { kind: 'count', value: t.count },
      { kind: 'money', minor: t.amount },
    ]),
  };
  const notes: string[] = [];
  if (rows.some((r) => r[0]?.kind === 'text' && r[0].value.endsWith('*'))) notes.push('* partial period: measured up to the as-of date.');
  if (report.count === 0) notes.push('No movement matches.');
  if (shown < report.count) notes.push(`Only the first ${shown} of ${report.count} rows are shown here: narrow with --movement, --min-amount, --period-label or --top, or use --format csv or json for all.`);
  const level = report.spec.level === 'customer' ? 'customers' : 'contracts';
  return {
    title: `${unit} movements by ${report.spec.calendar.kind} · ${level} · ${report.spec.currency} · as of ${formatDay(report.spec.asOf)}`,
    policy: [...policyLines(report.spec), ...segmentPolicyLines(report.spec.segments), ['listed', filterText(report)]],
    tables: [{ title: `Movements (${report.count})`, columns, rows }, totals],
    notes,
    currencyDigits: minorDigits(report.spec.currency),
  };
}

/** CSV: every row with all its lines, written in pieces. */
export function renderMovementsCsv(report: MovementsReport): Iterable<string> {
  const columns = ['period', 'start', 'end', 'partial', 'customer', 'contract', 'movement', 'amount', 'before', 'after', 'segment', 'reason', 'lines'];
  return renderCsvPieces(columns, report.count, (i) => csvCells(report.row(i)), minorDigits(report.spec.currency));
}

function csvCells(r: MovementRow): Cell[] {
  return [
    { kind: 'text', value: r.period },
    { kind: 'text', value: formatDay(r.start) },
    { kind: 'text', value: formatDay(r.end) },
    { kind: 'text', value: r.partial ? 'true' : 'false' },
    { kind: 'text', value: r.customer, fromInput: true },
    { kind: 'text', value: r.contract ?? '', fromInput: true },
    { kind: 'text', value: r.movement },
    { kind: 'money', minor: r.amount },
    { kind: 'money', minor: r.before },
    { kind: 'money', minor: r.after },
    { kind: 'text', value: r.segment === null ? '' : Object.entries(r.segment).map(([k, v]) => `${k}=${v}`).join(', '), fromInput: true },
    { kind: 'text', value: r.reason ?? '', fromInput: true },
    { kind: 'text', value: linesText(r.lines), fromInput: true },
  ];
}
