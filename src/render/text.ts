// Terminal tables (cli-table3): a title line, the policy block, then each table with numbers
// right-aligned. No colour codes unless the caller's style asks for them.
import Table from 'cli-table3';
import { displayCell, stripControl } from './format-values.js';
import type { Document } from './table-model.js';

export function renderText(doc: Document): string {
  const out: string[] = [doc.title, ''];
  const width = Math.max(...doc.policy.map(([k]) => k.length), 0);
  for (const [key, value] of doc.policy) out.push(`  ${key.padEnd(width)}  ${value}`);
  for (const table of doc.tables) {
    out.push('', table.title);
    const t = new Table({
      head: table.columns.map((c) => c.label),
      colAligns: table.columns.map((c) => (c.numeric ? 'right' : 'left')),
      style: { head: [], border: [], compact: true },
    });
    table.rows.forEach((row) => {
      t.push(row.map((cell) => (cell.kind === 'text' ? stripControl(cell.value) : displayCell(cell, doc.currencyDigits))));
    });
    out.push(t.toString());
  }
  for (const note of doc.notes) out.push('', note);
  return `${out.join('\n')}\n`;
}
