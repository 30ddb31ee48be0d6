// `retain diff` as neutral tables: policy changes, the highlights (moves past the thresholds, largest
// CMRR impact first), the comparison of every measure, segments that appeared or disappeared and the
// restatements. Each row may carry a verdict (better/worse) that the text renderer colours and the
// others mark with ▲/▼. Cohort reports name the cohort where the others name the period, and add the age.
import { Rate } from '../../model/money.js';
import type { MeasureKind } from '../../report/measures/measure-info.js';
import type { PeriodPair } from '../../report/diff-pairs.js';
import { policyValueText } from '../../report/diff-policy.js';
import type { DiffReport, MeasureChange, Verdict } from '../../report/diff-report.js';
import type { Cell, Column, Table } from '../table-model.js';

/** A table whose rows may be judged better or worse; `toneColumns` are the cells that show it. */
export interface ToneTable extends Table {
  id: 'policy' | 'highlights' | 'presence' | 'restated' | 'comparison';
  tones: (Verdict | undefined)[];
  toneColumns: readonly number[];
}

export interface DiffDocument {
  title: string;
  /** Which files and dates were compared, one line each. */
  sides: string[];
  /** Policy shared by both reports (B's values where they differ). */
  policy: [string, string][];
  tables: ToneTable[];
  notes: string[];
  currencyDigits: number;
}

export const verdictMarks: Readonly<Record<Verdict, string>> = { better: '▲', worse: '▼', same: '', neutral: '' };

export function segmentLabel(segment: Readonly<Record<string, string>> | null): string {
  if (segment === null) return 'Total';
  return Object.entries(segment).map(([k, v]) => `${k}=${v}`).join(', ');
}

export function pairLabel(pair: PeriodPair): string {
  const a = `${pair.a}${pair.aPartial ? '*' : ''}`;
  const b = `${pair.b}${pair.bPartial ? '*' : ''}`;
  return pair.a === pair.b && pair.aPartial === pair.bPartial ? b : `${a} → ${b}`;
}

export function diffTitle(report: DiffReport): string {
  const pairs = report.pairs;
  if (report.rowsBy === 'cohort') return `What changed: ${pairs.length === 1 ? `cohort ${pairLabel(pairs[0]!)}` : `${pairs.length} cohorts`} · ${report.currency}`;
  const what = pairs.length === 1 ? pairLabel(pairs[0]!) : `${pairs.length} periods`;
  return `What changed: ${report.of} ${what} · ${report.currency}`;
}

export function valueCell(kind: MeasureKind, value: number | null): Cell {
  if (value === null) return { kind: 'text', value: '–' };
  switch (kind) {
    case 'money':
      return { kind: 'money', minor: value };
    case 'count':
      return { kind: 'count', value };
    case 'rate':
      return { kind: 'rate', rate: Rate.of(value, 1_000_000), style: 'percent' };
    case 'ratio':
      return { kind: 'rate', rate: Rate.of(value, 1_000_000), style: 'ratio' };
  }
}

export function changeCell(kind: MeasureKind, change: number | null): Cell {
  if (change === null) return { kind: 'text', value: '–' };
  switch (kind) {
    case 'money':
      return { kind: 'money', minor: change, signed: true };
    case 'count':
      return { kind: 'count', value: change, signed: true };
    case 'rate':
      return { kind: 'rate', rate: Rate.of(change, 1_000_000), style: 'points' };
    case 'ratio':
      return { kind: 'rate', rate: Rate.of(change, 1_000_000), style: 'ratio', signed: true };
  }
}

export function relativeCell(relative: Rate | null): Cell {
  return relative === null ? { kind: 'text', value: '–' } : { kind: 'rate', rate: relative, style: 'percent', signed: true };
}

export function impactCell(impact: number | null): Cell {
  return impact === null ? { kind: 'text', value: '–' } : { kind: 'money', minor: impact, signed: true };
}

const col = (key: string, label: string, numeric: boolean): Column => ({ key, label, numeric });

/** Period (or cohort), segment and, for cohort reports, age: the columns that say which row a line is about. */
function leadColumns(report: DiffReport): Column[] {
  if (report.rowsBy === 'period') return [col('period', 'Period', false), col('segment', 'Segment', false)];
  return [col('cohort', 'Cohort', false), col('segment', 'Segment', false), col('age', 'Age', true)];
}

function leadCells(report: DiffReport, period: string, segment: string, age: number | null): Cell[] {
  const cells: Cell[] = [{ kind: 'text', value: period }, { kind: 'text', value: segment, fromInput: true }];
  if (report.rowsBy === 'cohort') cells.push(age === null ? { kind: 'text', value: '' } : { kind: 'count', value: age });
  return cells;
}

/** Where the tone columns (change, change %) start: after the lead columns, the measure, A and B. */
function toneAt(report: DiffReport): number[] {
  const at = leadColumns(report).length + 3;
  return [at, at + 1];
}

function changeCells(c: MeasureChange): Cell[] {
  return [valueCell(c.measure.kind, c.a), valueCell(c.measure.kind, c.b), changeCell(c.measure.kind, c.change), relativeCell(c.relative)];
}

export function highlightsTable(report: DiffReport): ToneTable {
  return {
    id: 'highlights',
    title: `Moved most (rates > ${thresholdText(report).rate}, money > ${thresholdText(report).relative}; by CMRR impact)`,
    columns: [...leadColumns(report), col('measure', 'Measure', false), col('a', 'A', true), col('b', 'B', true), col('change', 'Change', true), col('relative', 'Change %', true), col('impact', 'Impact', true)],
    rows: report.highlights.map(({ row, change }) => [
      ...leadCells(report, pairLabel(row.pair), segmentLabel(row.segment), row.age),
      { kind: 'text', value: change.measure.label },
      ...changeCells(change),
      impactCell(change.impact),
    ]),
    tones: report.highlights.map(({ change }) => change.verdict),
    toneColumns: toneAt(report),
  };
}

/** Every measure of every matched row: the full comparison. */
export function comparisonTable(report: DiffReport): ToneTable {
  const rows: Cell[][] = [];
  const tones: (Verdict | undefined)[] = [];
  for (const row of report.rows) {
    row.changes.forEach((c, i) => {
      rows.push([
        ...leadCells(report, i === 0 ? pairLabel(row.pair) : '', i === 0 ? segmentLabel(row.segment) : '', i === 0 ? row.age : null),
        { kind: 'text', value: c.measure.label },
        ...changeCells(c),
      ]);
      tones.push(c.verdict);
    });
  }
  return {
    id: 'comparison',
    title: 'All measures (A → B)',
    columns: [...leadColumns(report), col('measure', 'Measure', false), col('a', 'A', true), col('b', 'B', true), col('change', 'Change', true), col('relative', 'Change %', true)],
    rows,
    tones,
    toneColumns: toneAt(report),
  };
}

export function presenceTable(report: DiffReport): ToneTable | undefined {
  const headline = report.headline;
  const entries = [...report.appeared.map((s) => ({ ...s, what: 'appeared' })), ...report.disappeared.map((s) => ({ ...s, what: 'disappeared' }))];
  if (entries.length === 0) return undefined;
  return {
    id: 'presence',
    title: report.rowsBy === 'cohort' ? 'Ages and segments in only one report' : 'Segments in only one report',
    columns: [...leadColumns(report), col('status', 'Status', false), col('headline', headline.label, true)],
    rows: entries.map((e) => [
      ...leadCells(report, pairLabel(e.pair), segmentLabel(e.segment), e.age),
      { kind: 'text', value: e.what === 'appeared' ? 'appeared (B only)' : 'disappeared (A only)' },
      valueCell(headline.kind, e.headline),
    ]),
    tones: entries.map(() => undefined),
    toneColumns: [],
  };
}

export function restatedTable(report: DiffReport): ToneTable | undefined {
  if (report.restated.length === 0) return undefined;
  return {
    id: 'restated',
    title: report.rowsBy === 'cohort' ? 'Restated: the same cohort and age with other figures in B' : 'Restated: the same period with other figures in B',
    columns: [...leadColumns(report), col('measure', 'Measure', false), col('a', 'A', true), col('b', 'B', true), col('change', 'Change', true)],
    rows: report.restated.map((r) => [
      ...leadCells(report, r.period, segmentLabel(r.segment), r.age),
      { kind: 'text', value: r.measure.label },
      valueCell(r.measure.kind, r.a),
      valueCell(r.measure.kind, r.b),
      changeCell(r.measure.kind, r.a !== null && r.b !== null ? r.b - r.a : null),
    ]),
    tones: report.restated.map(() => undefined),
    toneColumns: [],
  };
}

export function policyChangeTable(report: DiffReport): ToneTable | undefined {
  if (report.policyChanges.length === 0) return undefined;
  return {
    id: 'policy',
    title: 'Policy changed (allowed with --allow-policy-change): figures are not like for like',
    columns: [col('key', 'Policy', false), col('a', 'A', false), col('b', 'B', false)],
    rows: report.policyChanges.map((c) => [{ kind: 'text', value: c.key }, { kind: 'text', value: c.a }, { kind: 'text', value: c.b }]),
    tones: report.policyChanges.map(() => undefined),
    toneColumns: [],
  };
}

export function thresholdText(report: DiffReport): { rate: string; relative: string } {
  const t = report.thresholds;
  return { rate: `${Rate.of(t.rateMicro, 10_000)!.toFixed(2).replace(/\.?0+$/, '')} pp`, relative: `${Rate.of(t.relative.num * 100, t.relative.den)!.toFixed(2).replace(/\.?0+$/, '')}%` };
}

export function diffNotes(report: DiffReport): string[] {
  const notes: string[] = [];
  if (report.pairs.some((p) => p.aPartial || p.bPartial)) notes.push('* partial period: measured up to its report\'s as-of date, so it is not a whole period.');
  if (report.pairs.length === 0) notes.push(report.rowsBy === 'cohort' ? 'No cohort to compare: the reports share no cohort (with --all-periods) or one report is empty.' : 'No period to compare: the reports share no period (with --all-periods) or one report is empty.');
  if (report.completed.length > 0) notes.push(`Partial in A and complete in B (changed because they finished, not restated): ${report.completed.join(', ')}.`);
  if (report.restated.length === 0) notes.push(`No restatement: every complete ${report.rowsBy === 'cohort' ? 'cohort and age' : 'period'} the two reports share has the same figures.`);
  const restatedCompared = [...new Set(report.restated.map((r) => r.period))].filter((p) => report.pairs.some((pair) => pair.a === p && pair.a !== pair.b));
  if (restatedCompared.length > 0) notes.push(`A's ${restatedCompared.join(', ')} was restated in B; the comparison uses A's figures as saved (for the restated ones: retain diff ${report.b.file} ${report.b.file} --a-period ${restatedCompared[0]}).`);
  if (report.policyChanges.length > 0 && report.restated.length > 0) notes.push('The policy changed, so restated figures may come from the new definitions rather than from new data.');
  return notes;
}

export function diffDocument(report: DiffReport): DiffDocument {
  const tables = [policyChangeTable(report), highlightsTable(report), presenceTable(report), restatedTable(report), comparisonTable(report)].filter((t): t is ToneTable => t !== undefined);
  return {
    title: diffTitle(report),
    sides: [`A: ${report.a.file} (as of ${report.a.asOf})`, `B: ${report.b.file} (as of ${report.b.asOf})`],
    policy: Object.entries(report.policy)
      .filter(([k]) => k !== 'asOf')
      .map(([k, v]) => [k, policyValueText(v)]),
    tables,
    notes: diffNotes(report),
    currencyDigits: report.digits,
  };
}
