// `retain check` as neutral tables (terminal, markdown, CSV) and as JSON. The terminal and markdown forms list
// the first findings of each code and say how many more there are; CSV and JSON list every finding.
import { diagnosticToJson } from '../../diagnostics/format.js';
import { formatDay } from '../../model/calendar.js';
import { excludedTotal } from '../../model/row-accounting.js';
import type { Provenance } from '../../model/line-store.js';
import type { CheckReport } from '../../report/check-report.js';
import type { Cell, Document, Table } from '../table-model.js';

type Finding = CheckReport['findings'][number];

/** Findings shown per code in the terminal and markdown forms. */
export const FINDINGS_PER_CODE = 20;

const text = (value: string, fromInput = false): Cell => ({ kind: 'text', value, fromInput });

export function location(f: Finding): string {
  const s = f.diagnostic.source;
  if (s === undefined) return '';
  return `${s.file}${s.line === undefined ? '' : `:${s.line}`}${s.column === undefined ? '' : `:${s.column}`}`;
}

/** The rows of a finding: line numbers for rows of the finding's own file, file:line for the others. */
export function rowsText(rows: readonly Provenance[], file: string | undefined): string {
  return rows.map((r) => (r.file === file ? String(r.line) : `${r.file}:${r.line}`)).join(', ');
}

function findingCells(f: Finding): Cell[] {
  const d = f.diagnostic;
  return [text(d.severity), text(d.code), text(location(f)), text(d.message, true), text(rowsText(f.rows, d.source?.file), true)];
}

const findingColumns = [
  { key: 'severity', label: 'Severity', numeric: false },
  { key: 'code', label: 'Code', numeric: false },
  { key: 'location', label: 'Location', numeric: false },
  { key: 'message', label: 'Message', numeric: false },
  { key: 'rows', label: 'Rows (lines)', numeric: false },
];

export function checkFindingsTable(report: CheckReport): Table {
  return { title: 'Findings', columns: findingColumns, rows: report.findings.map(findingCells) };
}

export function checkDocument(report: CheckReport): Document {
  const a = report.accounting;
  const files = a.files.length === 1 ? '1 file' : `${a.files.length} files`;
  const summary: Table = {
    title: 'Summary',
    columns: [
      { key: 'code', label: 'Code', numeric: false },
      { key: 'severity', label: 'Severity', numeric: false },
      { key: 'count', label: 'Count', numeric: true },
    ],
    rows: report.summary.map((c) => [text(c.code), text(c.severity), { kind: 'count', value: c.count }]),
  };
  const shown: Finding[] = [];
  const notes: string[] = [];
  for (const c of report.summary) {
    const ofCode = report.findings.filter((f) => f.diagnostic.code === c.code && f.diagnostic.severity === c.severity);
    shown.push(...ofCode.slice(0, FINDINGS_PER_CODE));
    if (ofCode.length > FINDINGS_PER_CODE) notes.push(`…and ${ofCode.length - FINDINGS_PER_CODE} more ${c.code} (every finding: --format csv or json)`);
  }
  const tables = report.findings.length === 0 ? [] : [summary, { title: 'Findings', columns: findingColumns, rows: shown.map(findingCells) }];
  return {
    title: `Data check · ${files} · as of ${formatDay(report.asOf)} · grace ${report.graceDays} days`,
    policy: [
      ['result', report.findings.length === 0 ? 'no problems found' : `${report.errors} error(s), ${report.warnings} warning(s)`],
      ['rows', `${a.rows} read: ${a.used} used, ${excludedTotal(a)} excluded, ${a.rejected} rejected`],
      ...Object.entries(a.excluded).sort(([x], [y]) => (x < y ? -1 : 1)).map(([reason, n]): [string, string] => ['excluded', `${n} ${reason}`]),
    ],
    tables,
    notes,
    currencyDigits: 2,
  };
}

export function renderCheckJson(report: CheckReport): string {
  const json = {
    schemaVersion: 1,
    command: 'check',
    asOf: formatDay(report.asOf),
    graceDays: report.graceDays,
    input: report.accounting,
    summary: { errors: report.errors, warnings: report.warnings, byCode: report.summary },
    findings: report.findings.map((f) => {
      const d = f.diagnostic;
      return { ...diagnosticToJson(d), rows: f.rows };
    }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
