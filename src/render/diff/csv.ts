// `retain diff -f csv`: one tidy table for spreadsheets: a row per compared measure, restatement and
// one-sided segment, with a `section` column; raw numbers as in every CSV of retain. Cohort reports add
// an `age` column after the segment (their a_period and b_period are cohorts).
import type { DiffReport } from '../../report/diff-report.js';
import { changeCell, impactCell, relativeCell, segmentLabel, valueCell } from './document.js';
import type { Cell, Column, Table } from '../table-model.js';

const keys = ['section', 'a_period', 'b_period', 'segment', 'measure', 'a', 'b', 'change', 'relative_change', 'verdict', 'highlight', 'impact'];
const blank: Cell = { kind: 'text', value: '' };
const text = (value: string, fromInput = false): Cell => ({ kind: 'text', value, fromInput });

export function diffCsvTable(report: DiffReport): Table {
  const rows: Cell[][] = [];
  const cohorts = report.rowsBy === 'cohort';
  // Period, period, segment (and age): which row a line is about.
  const lead = (a: string, b: string, segment: Readonly<Record<string, string>> | null, age: number | null): Cell[] => [
    text(a),
    text(b),
    text(segmentLabel(segment), true),
    ...(cohorts ? [age === null ? blank : ({ kind: 'count', value: age } as Cell)] : []),
  ];
  for (const row of report.rows) {
    for (const c of row.changes) {
      const k = c.measure.kind;
      rows.push([text('compared'), ...lead(row.pair.a, row.pair.b, row.segment, row.age), text(c.measure.key), valueCell(k, c.a), valueCell(k, c.b), changeCell(k, c.change), relativeCell(c.relative), text(c.verdict), text(String(c.highlight)), c.impact === null ? blank : impactCell(c.impact)]);
    }
  }
  for (const r of report.restated) {
    const k = r.measure.kind;
    const change = r.a !== null && r.b !== null ? r.b - r.a : null;
    rows.push([text('restated'), ...lead(r.period, r.period, r.segment, r.age), text(r.measure.key), valueCell(k, r.a), valueCell(k, r.b), changeCell(k, change), blank, blank, blank, blank]);
  }
  for (const [section, list] of [['appeared', report.appeared], ['disappeared', report.disappeared]] as const) {
    for (const s of list) {
      const v = valueCell(report.headline.kind, s.headline);
      rows.push([text(section), ...lead(s.pair.a, s.pair.b, s.segment, s.age), text(report.headline.key), section === 'disappeared' ? v : blank, section === 'appeared' ? v : blank, blank, blank, blank, blank, blank]);
    }
  }
  // CSV has no "–": a missing value is an empty field.
  const machine = rows.map((r) => r.map((cell) => (cell.kind === 'text' && cell.value === '–' ? blank : cell)));
  const columns: Column[] = (cohorts ? [...keys.slice(0, 4), 'age', ...keys.slice(4)] : keys).map((k) => ({ key: k, label: k, numeric: false }));
  return { title: 'diff', columns, rows: machine };
}
