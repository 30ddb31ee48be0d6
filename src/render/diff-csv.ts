// `retain diff -f csv`: one tidy table for spreadsheets: a row per compared measure, restatement and
// one-sided segment, with a `section` column; raw numbers as in every CSV of retain.
import type { DiffReport } from '../report/diff-report.js';
import { changeCell, impactCell, relativeCell, segmentLabel, valueCell } from './diff-document.js';
import type { Cell, Column, Table } from './table-model.js';

const keys = ['section', 'a_period', 'b_period', 'segment', 'measure', 'a', 'b', 'change', 'relative_change', 'verdict', 'highlight', 'impact'];
const blank: Cell = { kind: 'text', value: '' };
const text = (value: string, fromInput = false): Cell => ({ kind: 'text', value, fromInput });

export function diffCsvTable(report: DiffReport): Table {
  const rows: Cell[][] = [];
  for (const row of report.rows) {
    for (const c of row.changes) {
      const k = c.measure.kind;
      rows.push([text('compared'), text(row.pair.a), text(row.pair.b), text(segmentLabel(row.segment), true), text(c.measure.key), valueCell(k, c.a), valueCell(k, c.b), changeCell(k, c.change), relativeCell(c.relative), text(c.verdict), text(String(c.highlight)), c.impact === null ? blank : impactCell(c.impact)]);
    }
  }
  for (const r of report.restated) {
    const k = r.measure.kind;
    const change = r.a !== null && r.b !== null ? r.b - r.a : null;
    rows.push([text('restated'), text(r.period), text(r.period), text(segmentLabel(r.segment), true), text(r.measure.key), valueCell(k, r.a), valueCell(k, r.b), changeCell(k, change), blank, blank, blank, blank]);
  }
  for (const [section, list] of [['appeared', report.appeared], ['disappeared', report.disappeared]] as const) {
    for (const s of list) {
      const v = valueCell(report.headline.kind, s.headline);
      rows.push([text(section), text(s.pair.a), text(s.pair.b), text(segmentLabel(s.segment), true), text(report.headline.key), section === 'disappeared' ? v : blank, section === 'appeared' ? v : blank, blank, blank, blank, blank, blank]);
    }
  }
  // CSV has no "–": a missing value is an empty field.
  const machine = rows.map((r) => r.map((cell) => (cell.kind === 'text' && cell.value === '–' ? blank : cell)));
  const columns: Column[] = keys.map((k) => ({ key: k, label: k, numeric: false }));
  return { title: 'diff', columns, rows: machine };
}
