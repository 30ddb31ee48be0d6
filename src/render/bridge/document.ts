// The bridge report as neutral tables: money bridge, counts and rates (terminal and markdown), one
// wide table (CSV --layout wide) and the tidy long form (CSV --layout tidy).
import { formatDay } from '../../model/calendar.js';
import { minorDigits } from '../../model/money.js';
import { countMeasures, moneyMeasures } from '../../metrics/bridge.js';
import type { BridgeReport } from '../../report/bridge-report.js';
import type { BridgeRow } from '../../report/bridge-row.js';
import { rateNames } from '../../report/bridge-rates.js';
import { bridgeCountInfo, bridgeMoneyInfo, bridgeRateInfo } from '../../report/measures/bridge.js';
import { policyLines } from '../policy.js';
import { segmentPolicyLines, segmentValueText } from '../segment-policy.js';
import type { Cell, Column, Document, Table } from '../table-model.js';


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

function segmentKeys(report: BridgeReport): readonly string[] {
  return hasSegments(report) ? (report.spec.segments?.by ?? []) : [];
}

/** Period, then one column per --by key; segment rows are grouped under their period, total last. */
function leadColumns(report: BridgeReport): Column[] {
  return [{ key: 'period', label: 'Period', numeric: false }, ...segmentKeys(report).map((k) => ({ key: `segment:${k}`, label: k, numeric: false }))];
}

function leadCells(report: BridgeReport, row: BridgeRow, index: number): Cell[] {
  const keys = segmentKeys(report);
  const firstOfPeriod = index === 0 || report.rows[index - 1]!.period !== row.period;
  const cells: Cell[] = [keys.length > 0 && !firstOfPeriod ? { kind: 'text', value: '' } : periodCell(row)];
  keys.forEach((k, i) => {
    if (row.segment === null) cells.push({ kind: 'text', value: i === 0 ? 'Total' : '' });
    else cells.push({ kind: 'text', value: segmentValueText(k, row.segment[k] ?? ''), fromInput: true });
  });
  return cells;
}

/** Moved in / moved out columns of a segmented table (blank on total rows). */
function flowCells(report: BridgeReport, row: BridgeRow, kind: 'money' | 'count'): Cell[] {
  if (!hasSegments(report)) return [];
  const flow = row.flow;
  if (flow === undefined) return [{ kind: 'text', value: '' }, { kind: 'text', value: '' }];
  return kind === 'money'
    ? [{ kind: 'money', minor: flow.movedIn }, { kind: 'money', minor: flow.movedOut }]
    : [{ kind: 'count', value: flow.movedInCount }, { kind: 'count', value: flow.movedOutCount }];
}

function flowColumns(report: BridgeReport): Column[] {
  if (!hasSegments(report)) return [];
  return [
    { key: 'movedIn', label: 'Moved in', numeric: true },
    { key: 'movedOut', label: 'Moved out', numeric: true },
  ];
}

function totalRowIndexes(report: BridgeReport): ReadonlySet<number> | undefined {
  if (!hasSegments(report)) return undefined;
  return new Set(report.rows.flatMap((r, i) => (r.segment === null ? [i] : [])));
}

/** Where entities moved between segments, for the note under a segmented table. */
function flowNote(report: BridgeReport): string[] {
  const periods = [...new Set(report.rows.filter((r) => (r.flow?.movedInCount ?? 0) > 0).map((r) => r.period))];
  if (!hasSegments(report)) return [];
  const where = periods.length === 0 ? 'no entity moved between segments' : `entities moved between segments at the start of ${periods.slice(0, 8).join(', ')}${periods.length > 8 ? `, … (${periods.length} periods)` : ''}`;
  return [`Moved in / Moved out: MRR (and entities) whose segment changed from the previous period; a segment's Begin = its previous End + Moved in − Moved out. Here ${where}.`];
}

export function bridgeTitle(report: BridgeReport): string {
  const spec = report.spec;
  const unit = spec.unit === 'arr' ? 'ARR' : 'MRR';
  const partial = report.rows.find((r) => r.partial);
  const level = spec.level === 'customer' ? 'customers' : 'contracts';
  const by = spec.segments && report.rows.some((r) => r.segment !== null) ? ` and ${spec.segments.by.join(' × ')}` : '';
  return `${unit} bridge by ${spec.calendar.kind}${by} · ${level} · ${spec.currency} · as of ${formatDay(spec.asOf)}${partial ? ` (${partial.period} partial)` : ''}`;
}

export function bridgeDocument(report: BridgeReport): Document {
  const digits = minorDigits(report.spec.currency);
  const lead = leadColumns(report);
  const moneyTable: Table = {
    title: `${report.spec.unit === 'arr' ? 'ARR' : 'MRR'} bridge (${report.spec.currency})`,
    columns: [...lead, ...moneyMeasures.map((m) => ({ key: m, label: bridgeMoneyInfo[m].shortLabel, numeric: true })), ...flowColumns(report)],
    rows: report.rows.map((r, i) => [...leadCells(report, r, i), ...moneyMeasures.map((m): Cell => ({ kind: 'money', minor: r.money[m] })), ...flowCells(report, r, 'money')]),
  };
  const totals = totalRowIndexes(report);
  if (totals) moneyTable.totalRows = totals;
  const countTable: Table = {
    title: `${report.spec.level === 'customer' ? 'Customers' : 'Contracts'} and rates`,
    columns: [
      ...lead,
      ...countMeasures.map((c) => ({ key: c, label: bridgeCountInfo[c].shortLabel, numeric: true })),
      ...flowColumns(report),
      ...rateNames.map((n) => ({ key: n, label: bridgeRateInfo[n].shortLabel, numeric: true })),
    ],
    rows: report.rows.map((r, i) => [
      ...leadCells(report, r, i),
      ...countMeasures.map((c): Cell => ({ kind: 'count', value: r.counts[c] })),
      ...flowCells(report, r, 'count'),
      ...rateNames.map((n): Cell => ({ kind: 'rate', rate: r.rates[n], style: n === 'quickRatio' ? 'ratio' : 'percent' })),
    ]),
  };
  if (totals) countTable.totalRows = totals;
  const notes: string[] = [...flowNote(report)];
  if (report.rows.some((r) => r.partial)) notes.push('* partial period: measured up to the as-of date.');
  if (report.rows.length === 0) notes.push('No period to show: no line is active on or before the as-of date.');
  return { title: bridgeTitle(report), policy: [...policyLines(report.spec), ...segmentPolicyLines(report.spec.segments)], tables: [moneyTable, countTable], notes, currencyDigits: digits };
}

/** One row per period (and segment) with every measure: CSV --layout wide. */
export function bridgeWideTable(report: BridgeReport): Table {
  const columns: Column[] = [
    { key: 'period', label: 'period', numeric: false },
    { key: 'start', label: 'start', numeric: false },
    { key: 'end', label: 'end', numeric: false },
    { key: 'partial', label: 'partial', numeric: false },
    ...(hasSegments(report) ? [{ key: 'segment', label: 'segment', numeric: false }] : []),
    ...moneyMeasures.map((m) => ({ key: bridgeMoneyInfo[m].csvKey, label: m, numeric: true })),
    ...countMeasures.map((c) => ({ key: bridgeCountInfo[c].csvKey, label: c, numeric: true })),
    ...rateNames.map((n) => ({ key: bridgeRateInfo[n].csvKey, label: n, numeric: true })),
    ...(hasSegments(report) ? flowKeys.map((k) => ({ key: k, label: k, numeric: true })) : []),
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
    ...(hasSegments(report) ? flowMachineCells(r).map(([, cell]) => cell) : []),
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
    for (const m of moneyMeasures) rows.push([...lead, { kind: 'text', value: bridgeMoneyInfo[m].csvKey }, { kind: 'money', minor: r.money[m] }]);
    for (const c of countMeasures) rows.push([...lead, { kind: 'text', value: bridgeCountInfo[c].csvKey }, { kind: 'count', value: r.counts[c] }]);
    for (const n of rateNames) rows.push([...lead, { kind: 'text', value: bridgeRateInfo[n].csvKey }, { kind: 'rate', rate: r.rates[n], style: 'ratio' }]);
    if (r.flow) for (const [key, cell] of flowMachineCells(r)) rows.push([...lead, { kind: 'text', value: key }, cell]);
  }
  return { title: 'bridge', columns, rows };
}

const flowKeys = ['moved_in', 'moved_out', 'moved_in_count', 'moved_out_count'] as const;

/** The flow of a segment row as machine cells (empty on total rows). */
function flowMachineCells(row: BridgeRow): [string, Cell][] {
  const f = row.flow;
  if (f === undefined) return flowKeys.map((k): [string, Cell] => [k, { kind: 'text', value: '' }]);
  return [
    ['moved_in', { kind: 'money', minor: f.movedIn }],
    ['moved_out', { kind: 'money', minor: f.movedOut }],
    ['moved_in_count', { kind: 'count', value: f.movedInCount }],
    ['moved_out_count', { kind: 'count', value: f.movedOutCount }],
  ];
}
