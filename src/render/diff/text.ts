// `retain diff` in the terminal: the same tables as every format, with changes coloured green (better)
// or red (worse) by each measure's direction when colour is on, and marked ▲/▼ when it is off.
import Table from 'cli-table3';
import type { Verdict } from '../../report/diff-report.js';
import { verdictMarks, type DiffDocument, type ToneTable } from './document.js';
import { displayCell, stripControl } from '../format-values.js';

/** Colours chosen by the CLI (chalk); undefined = no colour, so marks are used instead. */
export interface ToneStyle {
  better(text: string): string;
  worse(text: string): string;
}

export function legend(style: ToneStyle | undefined): string {
  const rule = "by each measure's direction: churn up is worse, NRR up is better";
  return style ? `${style.better('green')} = better, ${style.worse('red')} = worse (${rule})` : `▲ better, ▼ worse (${rule})`;
}

export function toned(text: string, verdict: Verdict | undefined, style: ToneStyle | undefined): string {
  if ((verdict !== 'better' && verdict !== 'worse') || text === '–') return text;
  if (style) return style[verdict](text);
  return `${text} ${verdictMarks[verdict]}`;
}

export function tableCells(table: ToneTable, digits: number, rowIndex: number, style: ToneStyle | undefined, forText: boolean): string[] {
  const row = table.rows[rowIndex]!;
  return row.map((cell, i) => {
    const text = cell.kind === 'text' ? (forText ? stripControl(cell.value) : cell.value) : displayCell(cell, digits);
    return table.toneColumns.includes(i) ? toned(text, table.tones[rowIndex], style) : text;
  });
}

export function renderDiffText(doc: DiffDocument, style: ToneStyle | undefined): string {
  const out: string[] = [doc.title, '', ...doc.sides.map((s) => `  ${s}`)];
  // A changed policy comes first: it decides whether anything below can be read as a change.
  for (const table of doc.tables.filter((t) => t.id === 'policy')) out.push('', ...textTable(table, doc, style));
  out.push('');
  const width = Math.max(...doc.policy.map(([k]) => k.length), 0);
  for (const [key, value] of doc.policy) out.push(`  ${key.padEnd(width)}  ${value}`);
  out.push('', legend(style));
  for (const table of doc.tables.filter((t) => t.id !== 'policy')) out.push('', ...textTable(table, doc, style));
  for (const note of doc.notes) out.push('', note);
  return `${out.join('\n')}\n`;
}

function textTable(table: ToneTable, doc: DiffDocument, style: ToneStyle | undefined): string[] {
  if (table.rows.length === 0) return [table.title, '  (none)'];
  const t = new Table({
    head: table.columns.map((c) => c.label),
    colAligns: table.columns.map((c) => (c.numeric ? 'right' : 'left')),
    style: { head: [], border: [], compact: true },
  });
  table.rows.forEach((_, i) => t.push(tableCells(table, doc.currencyDigits, i, style, true)));
  return [table.title, t.toString()];
}
