// GitHub-flavoured markdown for QBR documents: a ### title, the policy as a list, GFM tables with
// numeric columns right-aligned (---:). Pipes and newlines in input text are escaped; other control
// characters (an ANSI escape in a customer name) become spaces, as in the terminal table.
import { displayCell } from './format-values.js';
import type { Document } from './table-model.js';

export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function renderMarkdown(doc: Document): string {
  const out: string[] = [`### ${doc.title}`, ''];
  for (const [key, value] of doc.policy) out.push(`- **${key}**: ${escapeMarkdownCell(value)}`);
  for (const table of doc.tables) {
    out.push('', `#### ${table.title}`, '');
    out.push(`| ${table.columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`);
    out.push(`| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`);
    for (const row of table.rows) {
      out.push(`| ${row.map((cell) => escapeMarkdownCell(displayCell(cell, doc.currencyDigits))).join(' | ')} |`);
    }
  }
  for (const note of doc.notes) out.push('', escapeMarkdownCell(note));
  return `${out.join('\n')}\n`;
}
