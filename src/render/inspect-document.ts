// `retain inspect` for people (a document per file: source and why, facts, how rows become lines, columns,
// sample rows transposed, what would change the reading) and for pipelines (JSON).
import { excludedTotal } from '../model/row-accounting.js';
import type { InspectFile, InspectReport } from '../report/inspect-report.js';
import type { Cell, Document, Table } from './table-model.js';

const text = (value: string, fromInput = false): Cell => ({ kind: 'text', value, fromInput });

function fileDocument(file: InspectFile, report: InspectReport): Document {
  const a = report.accounting;
  const excluded = Object.entries(a.excluded).sort(([x], [y]) => (x < y ? -1 : 1)).map(([reason, n]) => `${n} ${reason}`);
  const d = file.dates;
  const policy: [string, string][] = [
    ['source', `${file.source.title} (${file.source.name}${file.source.forced ? '' : ', detected'})`],
    ['why', file.source.reason],
    ['rows', file.mapped ? `${file.rows} data rows in this file; all files: ${a.rows} read, ${a.used} used, ${excludedTotal(a)} excluded, ${a.rejected} rejected` : `${file.rows} data rows, not read: the header could not be mapped (see the errors)`],
  ];
  if (excluded.length > 0) policy.push(['excluded (all files)', excluded.join('; ')]);
  if (file.mapped) policy.push(['lines', `${file.lines} · starts ${d.firstStart ?? '–'} … ${d.lastStart ?? '–'} · last end ${d.lastEnd ?? '–'} · ${d.evergreen} without end · ${d.cancelled} with a cancel date`]);
  if (file.currencies.length > 0) policy.push(['currencies', file.currencies.map((c) => `${c.code} (${c.lines} lines)`).join(', ')]);
  if (file.billingPeriods.length > 0) policy.push(['billing periods', file.billingPeriods.map((p) => `${p.value} (${p.rows})`).join(', ')]);
  policy.push(['amounts', file.amountUnit === 'minor' ? 'integer minor units (cents)' : 'major units']);
  if (file.dateLayout) policy.push(['slashed dates', `${file.dateLayout.layout}, decided by "${file.dateLayout.value}" on line ${file.dateLayout.line}`]);
  const columns: Table = {
    title: 'Columns',
    columns: [
      { key: 'position', label: '#', numeric: true },
      { key: 'header', label: 'Header', numeric: false },
      { key: 'role', label: 'Read as', numeric: false },
      { key: 'kinds', label: 'Values', numeric: false },
      { key: 'non_empty', label: 'Filled', numeric: true },
      { key: 'examples', label: 'Most frequent', numeric: false },
    ],
    rows: file.columns.map((c) => [{ kind: 'count', value: c.position }, text(c.header, true), text(c.role), text(c.kinds), { kind: 'count', value: c.nonEmpty }, text(c.examples.join(' | '), true)]),
  };
  const samples: Table = {
    title: `Sample rows (first ${file.samples.length})`,
    columns: [{ key: 'header', label: 'Header', numeric: false }, ...file.samples.map((_, i) => ({ key: `row_${i + 1}`, label: `Row ${i + 1}`, numeric: false }))],
    rows: file.columns.map((c) => [text(c.header, true), ...file.samples.map((row) => text(row[c.header] ?? '', true))]),
  };
  return {
    title: `${file.file}`,
    policy,
    tables: file.samples.length > 0 ? [columns, samples] : [columns],
    notes: [`How rows become lines:\n${file.source.notes.map((n) => `  - ${n}`).join('\n')}`, `Would change the reading:\n${file.suggestions.map((s) => `  - ${s}`).join('\n')}`],
    currencyDigits: 2,
  };
}

export function inspectDocuments(report: InspectReport): Document[] {
  return report.files.map((f) => fileDocument(f, report));
}

export function renderInspectJson(report: InspectReport): string {
  return `${JSON.stringify({ schemaVersion: 1, command: 'inspect', input: report.accounting, files: report.files }, null, 2)}\n`;
}
