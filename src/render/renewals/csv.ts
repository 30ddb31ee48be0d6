// The renewals report as CSV tables: --layout wide (one row per period and segment, every scalar measure a
// column), --layout tidy (period,start,end,segment,measure,value, with per-reason measures named
// `churned_count[reason=…]`), and with --detail the unit listing instead (a CSV holds one table), written
// record by record because it can hold every unit of a large export.
import type { ReportText } from '../report-text.js';
import { formatDay } from '../../model/calendar.js';
import type { RenewalUnitRow } from '../../report/renewals-detail.js';
import type { RenewalsComparison } from '../../report/renewals-compare.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import type { RenewalsRow } from '../../report/renewals-rows.js';
import { segmentLabel } from './document.js';
import { withCompareColumns, withCompareRows } from '../compare-tables.js';
import { csvCell, renderCsvTable } from '../csv.js';
import { detailColumns, unitCells } from './detail-table.js';
import { renewalsCompareKeys } from './compare-tables.js';
import { measureColumns } from './measures.js';
import type { Cell, Column, Table } from '../table-model.js';

function leadCells(r: RenewalsRow, withSegment: boolean): Cell[] {
  return [
    { kind: 'text', value: r.period },
    { kind: 'text', value: formatDay(r.start) },
    { kind: 'text', value: formatDay(r.end) },
    ...(withSegment ? [{ kind: 'text', value: segmentLabel(r), fromInput: true } as Cell] : []),
  ];
}

export function renewalsWideTable(report: RenewalsReport): Table {
  const segmented = report.rows.some((r) => r.segment !== null);
  const columns: Column[] = [
    ...['period', 'start', 'end', 'partial', ...(segmented ? ['segment'] : [])].map((key) => ({ key, label: key, numeric: false })),
    ...measureColumns.map((m) => ({ key: m.key, label: m.key, numeric: true })),
  ];
  const rows = report.rows.map((r): Cell[] => {
    const lead = leadCells(r, segmented);
    lead.splice(3, 0, { kind: 'text', value: r.partial ? 'true' : 'false' });
    return [...lead, ...measureColumns.map((m) => m.cell(r))];
  });
  return { title: 'renewals', columns, rows };
}

export function renewalsTidyTable(report: RenewalsReport): Table {
  const columns: Column[] = ['period', 'start', 'end', 'segment', 'measure', 'value'].map((k) => ({ key: k, label: k, numeric: k === 'value' }));
  const rows: Cell[][] = [];
  for (const r of report.rows) {
    const lead = leadCells(r, true);
    for (const m of measureColumns) {
      const cell = m.cell(r);
      if (cell.kind === 'text' && cell.value === '') continue; // no plan, no late renewal: no measure
      rows.push([...lead, { kind: 'text', value: m.key }, cell]);
    }
    for (const reason of r.reasons) {
      const tag = `[reason=${reason.reason}]`;
      const measure = (name: string): Cell => ({ kind: 'text', value: `${name}${tag}`, fromInput: true });
      rows.push([...lead, measure('churned_count'), { kind: 'count', value: reason.churnedCount }]);
      rows.push([...lead, measure('churned_cmrr'), { kind: 'money', minor: reason.churnedCmrr }]);
      rows.push([...lead, measure('downgraded_count'), { kind: 'count', value: reason.downgradedCount }]);
      rows.push([...lead, measure('downgraded_cmrr'), { kind: 'money', minor: reason.downgradedCmrr }]);
    }
  }
  return { title: 'renewals', columns, rows };
}

/** `comparisons` (--compare): change columns (wide) or change rows (tidy), as bridge --compare adds them. */
export function renderRenewalsCsv(report: RenewalsReport, layout: 'wide' | 'tidy', digits: number, comparisons?: readonly RenewalsComparison[]): ReportText {
  if (report.units !== null) return renderDetailCsv(report.units, digits);
  if (layout === 'tidy') return renderCsvTable(comparisons ? withCompareRows(renewalsTidyTable(report), report, comparisons, renewalsCompareKeys) : renewalsTidyTable(report), digits);
  return renderCsvTable(comparisons ? withCompareColumns(renewalsWideTable(report), comparisons, renewalsCompareKeys) : renewalsWideTable(report), digits);
}

/** The unit listing, one record string per unit, produced lazily in pieces of 10,000 units (ReportText). */
function* renderDetailCsv(units: readonly RenewalUnitRow[], digits: number): Generator<string> {
  yield `${csvRecord(detailColumns.map((c) => c.key))}\n`;
  for (let from = 0; from < units.length; from += 10_000) {
    const records: string[] = [];
    for (let i = from; i < Math.min(units.length, from + 10_000); i++) records.push(csvRecord(unitCells(units[i]!).map((cell) => csvCell(cell, digits))));
    yield `${records.join('\n')}\n`;
  }
}

/** One record quoted as csv-stringify does by default: a field holding a quote, comma, CR or LF is quoted, its quotes doubled. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
