// `--compare previous|year-ago` in every format: tables of changes for terminal, markdown and HTML
// (bridge: Δ and Δ% of money; Δ of counts and Δ of rates in percentage points); extra columns (wide) or
// rows (tidy) in CSV; a `compare` object per period in JSON. Built from PeriodComparison, never from text.
// The CSV and JSON forms serve every report kind through its CompareKeys (renewals: renewals-compare-tables.ts).
import { formatDay, type Day } from '../model/calendar.js';
import { minorDigits, minorToDecimalString } from '../model/money.js';
import { countMeasures, moneyMeasures, type CountMeasure, type MoneyMeasure } from '../metrics/bridge.js';
import type { BridgeReport } from '../report/bridge-report.js';
import type { BridgeRow } from '../report/bridge-row.js';
import { rateNames, type RateName } from '../report/bridge-rates.js';
import { bridgeCountInfo, bridgeMoneyInfo, bridgeRateInfo } from '../report/measures/bridge.js';
import { bridgeCompareMeasures, type Change, type CompareAgainst, type CompareMeasures, type PeriodComparison } from '../report/compare-periods.js';
import { RATE_PLACES } from './format-values.js';
import type { Cell, Column, Table } from './table-model.js';


export const dash: Cell = { kind: 'text', value: '–' };
const blank: Cell = { kind: 'text', value: '' };

/** How a report kind names its compared measures in CSV: `<key>_change` and `<key>_change_rel`. */
export interface CompareKeys<M extends string, C extends string, N extends string> {
  measures: CompareMeasures<M, C, N>;
  money(m: M): string;
  count(c: C): string;
  rate(n: N): string;
}

/** The bridge's wide CSV column names (begin, begin_count, gross_churn, …). */
export const bridgeCompareKeys: CompareKeys<MoneyMeasure, CountMeasure, RateName> = {
  measures: bridgeCompareMeasures,
  money: (m) => bridgeMoneyInfo[m].csvKey,
  count: (c) => bridgeCountInfo[c].csvKey,
  rate: (n) => bridgeRateInfo[n].csvKey,
};

export function againstText(c: { against: CompareAgainst }): string {
  return c.against === 'previous' ? 'the previous period' : 'the same period a year earlier';
}

function segmentText(row: BridgeRow): string {
  return row.segment === null ? 'Total' : Object.entries(row.segment).map(([k, v]) => `${k}=${v}`).join(', ');
}

function lead(report: BridgeReport, row: BridgeRow, c: PeriodComparison): Cell[] {
  const cells: Cell[] = [{ kind: 'text', value: row.partial ? `${row.period}*` : row.period }];
  if (report.rows.some((r) => r.segment !== null)) cells.push({ kind: 'text', value: segmentText(row), fromInput: true });
  cells.push({ kind: 'text', value: c.period ?? '–' });
  return cells;
}

function leadColumns(report: BridgeReport): Column[] {
  const cols: Column[] = [{ key: 'period', label: 'Period', numeric: false }];
  if (report.rows.some((r) => r.segment !== null)) cols.push({ key: 'segment', label: 'Segment', numeric: false });
  cols.push({ key: 'against', label: 'Against', numeric: false });
  return cols;
}

export function moneyChange(x: Change | undefined, signed = true): Cell {
  return x === undefined ? dash : { kind: 'money', minor: x.change, signed };
}

export function relative(x: Change | undefined): Cell {
  return x === undefined || x.relative === null ? dash : { kind: 'rate', rate: x.relative, style: 'percent', signed: true };
}

/** Two tables for people: money Δ and Δ%, then counts Δ and rates Δ (pp). */
export function compareTables(report: BridgeReport, comparisons: readonly PeriodComparison[]): Table[] {
  const against = comparisons[0] ? againstText(comparisons[0]) : 'the previous period';
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const money: Table = {
    title: `${unit} bridge: change against ${against} (${report.spec.currency})`,
    columns: [...leadColumns(report), ...moneyMeasures.flatMap((m) => [{ key: `${m}_change`, label: `${bridgeMoneyInfo[m].shortLabel} Δ`, numeric: true }, { key: `${m}_change_rel`, label: `${bridgeMoneyInfo[m].shortLabel} Δ%`, numeric: true }])],
    rows: report.rows.map((row, r) => {
      const c = comparisons[r]!;
      return [...lead(report, row, c), ...moneyMeasures.flatMap((m) => [moneyChange(c.money?.[m]), relative(c.money?.[m])])];
    }),
  };
  const rates: Table = {
    title: `${report.spec.level === 'customer' ? 'Customers' : 'Contracts'} and rates: change against ${against}`,
    columns: [...leadColumns(report), ...countMeasures.map((c) => ({ key: `${bridgeCountInfo[c].csvKey}_change`, label: `${bridgeCountInfo[c].shortLabel} Δ`, numeric: true })), ...rateNames.map((n) => ({ key: `${bridgeRateInfo[n].csvKey}_change`, label: `${bridgeRateInfo[n].shortLabel} Δ`, numeric: true }))],
    rows: report.rows.map((row, r) => {
      const c = comparisons[r]!;
      return [
        ...lead(report, row, c),
        ...countMeasures.map((m): Cell => (c.counts ? { kind: 'count', value: c.counts[m].change, signed: true } : dash)),
        ...rateNames.map((n): Cell => {
          const d = c.rates?.[n] ?? null;
          if (d === null) return dash;
          return n === 'quickRatio' ? { kind: 'rate', rate: d, style: 'ratio', signed: true } : { kind: 'rate', rate: d, style: 'points' };
        }),
      ];
    }),
  };
  return [money, rates];
}

const none = { against: 'previous', period: null, money: null, counts: null, rates: null } as const;

/** CSV machine cells of one comparison: reference label, then every Δ (and relative Δ of money and counts). */
function machineCells<M extends string, C extends string, N extends string>(c: PeriodComparison<M, C, N>, keys: CompareKeys<M, C, N>): [string, Cell][] {
  const out: [string, Cell][] = [['compare_against', { kind: 'text', value: c.against }], ['compare_period', { kind: 'text', value: c.period ?? '' }]];
  keys.measures.money.forEach((m) => {
    const x = c.money?.[m];
    out.push([`${keys.money(m)}_change`, x ? { kind: 'money', minor: x.change } : blank], [`${keys.money(m)}_change_rel`, x?.relative ? { kind: 'rate', rate: x.relative, style: 'ratio' } : blank]);
  });
  keys.measures.counts.forEach((m) => {
    const x = c.counts?.[m];
    out.push([`${keys.count(m)}_change`, x ? { kind: 'count', value: x.change } : blank], [`${keys.count(m)}_change_rel`, x?.relative ? { kind: 'rate', rate: x.relative, style: 'ratio' } : blank]);
  });
  keys.measures.rates.forEach((n) => {
    const d = c.rates?.[n] ?? null;
    out.push([`${keys.rate(n)}_change`, d === null ? blank : { kind: 'rate', rate: d, style: 'ratio' }]);
  });
  return out;
}

/** CSV --layout wide: the comparison's columns appended to each period row. */
export function withCompareColumns<M extends string, C extends string, N extends string>(table: Table, comparisons: readonly PeriodComparison<M, C, N>[], keys: CompareKeys<M, C, N>): Table {
  const sample = machineCells(comparisons[0] ?? none, keys);
  return {
    ...table,
    columns: [...table.columns, ...sample.map(([key]) => ({ key, label: key, numeric: key !== 'compare_against' && key !== 'compare_period' }))],
    rows: table.rows.map((row, i) => [...row, ...machineCells(comparisons[i]!, keys).map(([, cell]) => cell)]),
  };
}

interface TidyRow {
  period: string;
  start: Day;
  end: Day;
  segment: Readonly<Record<string, string>> | null;
}

/** CSV --layout tidy: one more row per period × change, after the report's own rows. */
export function withCompareRows<M extends string, C extends string, N extends string>(table: Table, report: { rows: readonly TidyRow[] }, comparisons: readonly PeriodComparison<M, C, N>[], keys: CompareKeys<M, C, N>): Table {
  const rows = [...table.rows];
  report.rows.forEach((r, i) => {
    const lead: Cell[] = [
      { kind: 'text', value: r.period },
      { kind: 'text', value: formatDay(r.start) },
      { kind: 'text', value: formatDay(r.end) },
      { kind: 'text', value: r.segment === null ? '' : Object.entries(r.segment).map(([k, v]) => `${k}=${v}`).join(', '), fromInput: true },
    ];
    // The value column is numeric: the reference's label and mode stay out of the tidy form.
    for (const [key, cell] of machineCells(comparisons[i]!, keys)) if (!key.startsWith('compare_')) rows.push([...lead, { kind: 'text', value: key }, cell]);
  });
  return { ...table, rows };
}

/** The `compare` object of one JSON period: changes as exact decimal strings (money) or numbers, keyed as the period's own measures. */
export function compareJson<M extends string, C extends string, N extends string>(c: PeriodComparison<M, C, N>, currency: string, measures: CompareMeasures<M, C, N>): Record<string, unknown> {
  const digits = minorDigits(currency);
  const rel = (x: Change): number | null => (x.relative === null ? null : x.relative.toNumber(RATE_PLACES));
  return {
    against: c.against,
    period: c.period,
    money: c.money === null ? null : Object.fromEntries(measures.money.map((m) => [m, { change: minorToDecimalString(c.money![m].change, digits), relative: rel(c.money![m]) }])),
    counts: c.counts === null ? null : Object.fromEntries(measures.counts.map((m) => [m, { change: c.counts![m].change, relative: rel(c.counts![m]) }])),
    rates: c.rates === null ? null : Object.fromEntries(measures.rates.map((n) => [n, { change: c.rates![n] === null ? null : c.rates![n]!.toNumber(RATE_PLACES) }])),
  };
}
