// The bridge report as neutral tables: money bridge, counts and rates (terminal and markdown), one
// wide table (CSV --layout wide) and the tidy long form (CSV --layout tidy).
import { formatDay } from '../model/calendar.js';
import { minorDigits } from '../model/money.js';
import { countMeasures, moneyMeasures } from '../metrics/bridge.js';
import type { BridgeReport, BridgeRow } from '../report/bridge-report.js';
import { rateNames, type RateName } from '../report/bridge-rates.js';
import { policyLines } from './policy.js';
import type { Cell, Column, Document, Table } from './table-model.js';

const moneyLabels: Record<string, string> = { begin: 'Begin', new: 'New', expansion: 'Expansion', reactivation: 'Reactivation', contraction: 'Contraction', churn: 'Churn', end: 'End' };
const countLabels: Record<string, string> = { begin: 'Begin', new: 'New', reactivated: 'React.', expanded: 'Exp.', contracted: 'Contr.', churned: 'Churned', end: 'End' };
const rateLabels: Record<RateName, string> = { grr: 'GRR', nrr: 'NRR', grossChurn: 'Gross churn', netChurn: 'Net churn', logoChurn: 'Logo churn', logoRetention: 'Logo ret.', quickRatio: 'Quick ratio', ttmNrr: 'TTM NRR', ttmGrr: 'TTM GRR' };
const rateKeys: Record<RateName, string> = { grr: 'grr', nrr: 'nrr', grossChurn: 'gross_churn', netChurn: 'net_churn', logoChurn: 'logo_churn', logoRetention: 'logo_retention', quickRatio: 'quick_ratio', ttmNrr: 'ttm_nrr', ttmGrr: 'ttm_grr' };

export function segmentText(row: BridgeRow): string {
  if (row.segment === null) return '';
  return Object.entries(row.segment).map(([k, v]) => `${k}=${v}`).join(', ');
}

function periodCell(row: BridgeRow): Cell {
  return { kind: 'text', value: row.partial ? `${row.period}*` : row.period };
}

function hasSegments(report: BridgeReport): boolean {
  return report.rows.some((r) => r.segment !== null);
}

function leadColumns(report: BridgeReport): Column[] {
  const cols: Column[] = [{ key: 'period', label: 'Period', numeric: false }];
  if (hasSegments(report)) cols.push({ key: 'segment', label: 'Segment', numeric: false });
  return cols;
}

function leadCells(report: BridgeReport, row: BridgeRow): Cell[] {
  const cells = [periodCell(row)];
  if (hasSegments(report)) cells.push({ kind: 'text', value: row.segment === null ? 'total' : segmentText(row), fromInput: true });
  return cells;
}

export function bridgeTitle(report: BridgeReport): string {
  const spec = report.spec;
  const unit = spec.unit === 'arr' ? 'ARR' : 'MRR';
  const partial = report.rows.find((r) => r.partial);
  const level = spec.level === 'customer' ? 'customers' : 'contracts';
  return `${unit} bridge by ${spec.calendar.kind} · ${level} · ${spec.currency} · as of ${formatDay(spec.asOf)}${partial ? ` (${partial.period} partial)` : ''}`;
}

export function bridgeDocument(report: BridgeReport): Document {
  const digits = minorDigits(report.spec.currency);
  const lead = leadColumns(report);
  const moneyTable: Table = {
    title: `${report.spec.unit === 'arr' ? 'ARR' : 'MRR'} bridge (${report.spec.currency})`,
    columns: [...lead, ...moneyMeasures.map((m) => ({ key: m, label: moneyLabels[m] ?? m, numeric: true }))],
    rows: report.rows.map((r) => [...leadCells(report, r), ...moneyMeasures.map((m): Cell => ({ kind: 'money', minor: r.money[m] }))]),
  };
  const countTable: Table = {
    title: `${report.spec.level === 'customer' ? 'Customers' : 'Contracts'} and rates`,
    columns: [
      ...lead,
      ...countMeasures.map((c) => ({ key: c, label: countLabels[c] ?? c, numeric: true })),
      ...rateNames.map((n) => ({ key: n, label: rateLabels[n], numeric: true })),
    ],
    rows: report.rows.map((r) => [
      ...leadCells(report, r),
      ...countMeasures.map((c): Cell => ({ kind: 'count', value: r.counts[c] })),
      ...rateNames.map((n): Cell => ({ kind: 'rate', rate: r.rates[n], style: n === 'quickRatio' ? 'ratio' : 'percent' })),
    ]),
  };
  const notes: string[] = [];
  if (report.rows.some((r) => r.partial)) notes.push('* partial period: measured up to the as-of date.');
  if (report.rows.length === 0) notes.push('No period to show: no line is active on or before the as-of date.');
  return { title: bridgeTitle(report), policy: policyLines(report.spec), tables: [moneyTable, countTable], notes, currencyDigits: digits };
}

/** One row per period (and segment) with every measure: CSV --layout wide. */
export function bridgeWideTable(report: BridgeReport): Table {
  const columns: Column[] = [
    { key: 'period', label: 'period', numeric: false },
    { key: 'start', label: 'start', numeric: false },
    { key: 'end', label: 'end', numeric: false },
    { key: 'partial', label: 'partial', numeric: false },
    ...(hasSegments(report) ? [{ key: 'segment', label: 'segment', numeric: false }] : []),
    ...moneyMeasures.map((m) => ({ key: m, label: m, numeric: true })),
    ...countMeasures.map((c) => ({ key: `${c}_count`, label: c, numeric: true })),
    ...rateNames.map((n) => ({ key: rateKeys[n], label: n, numeric: true })),
  ];
  const rows = report.rows.map((r): Cell[] => [
    { kind: 'text', value: r.period },
    { kind: 'text', value: formatDay(r.start) },
    { kind: 'text', value: formatDay(r.end) },
    { kind: 'text', value: r.partial ? 'true' : 'false' },
    ...(hasSegments(report) ? [{ kind: 'text', value: r.segment === null ? '' : segmentText(r), fromInput: true } as Cell] : []),
    ...moneyMeasures.map((m): Cell => ({ kind: 'money', minor: r.money[m] })),
    ...countMeasures.map((c): Cell => ({ kind: 'count', value: r.counts[c] })),
    ...rateNames.map((n): Cell => ({ kind: 'rate', rate: r.rates[n], style: 'ratio' })),
  ]);
  return { title: 'bridge', columns, rows };
}

/** period,start,end,segment,measure,value: one row per period × segment × measure (CSV --layout tidy). */
export function bridgeTidyTable(report: BridgeReport): Table {
  const columns: Column[] = ['period', 'start', 'end', 'segment', 'measure', 'value'].map((k) => ({ key: k, label: k, numeric: k === 'value' }));
  const rows: Cell[][] = [];
  for (const r of report.rows) {
    const lead: Cell[] = [
      { kind: 'text', value: r.period },
      { kind: 'text', value: formatDay(r.start) },
      { kind: 'text', value: formatDay(r.end) },
      { kind: 'text', value: segmentText(r), fromInput: true },
    ];
    for (const m of moneyMeasures) rows.push([...lead, { kind: 'text', value: m }, { kind: 'money', minor: r.money[m] }]);
    for (const c of countMeasures) rows.push([...lead, { kind: 'text', value: `${c}_count` }, { kind: 'count', value: r.counts[c] }]);
    for (const n of rateNames) rows.push([...lead, { kind: 'text', value: rateKeys[n] }, { kind: 'rate', rate: r.rates[n], style: 'ratio' }]);
  }
  return { title: 'bridge', columns, rows };
}
