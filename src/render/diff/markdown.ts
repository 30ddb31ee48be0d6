// `retain diff -f markdown`: a "what changed" section ready to paste into a QBR document: a ### title,
// one bullet per move past the thresholds (largest CMRR impact first, ▲ better / ▼ worse), then the
// tables. Input text is escaped for GFM tables.
import type { DiffReport } from '../../report/diff-report.js';
import { changeCell, diffDocument, pairLabel, relativeCell, impactCell, segmentLabel, valueCell, verdictMarks } from './document.js';
import { legend, tableCells } from './text.js';
import { displayCell } from '../format-values.js';
import { escapeMarkdownCell } from '../markdown.js';

export function renderDiffMarkdown(report: DiffReport): string {
  const doc = diffDocument(report);
  const digits = doc.currencyDigits;
  const show = (cell: Parameters<typeof displayCell>[0]): string => displayCell(cell, digits);
  const out: string[] = [`### ${escapeMarkdownCell(doc.title)}`, '', doc.sides.map(escapeMarkdownCell).join(' · '), ''];
  for (const c of report.policyChanges) out.push(`> **Policy changed**: ${escapeMarkdownCell(c.key)} ${escapeMarkdownCell(c.a)} → ${escapeMarkdownCell(c.b)} (figures are not like for like)`);
  if (report.policyChanges.length > 0) out.push('');
  if (report.highlights.length === 0) out.push('Nothing moved past the thresholds.');
  for (const { row, change } of report.highlights) {
    const k = change.measure.kind;
    const impact = change.impact === null ? '' : `; impact ${show(impactCell(change.impact))}`;
    out.push(
      `- ${verdictMarks[change.verdict]} **${change.measure.label}**, ${escapeMarkdownCell(segmentLabel(row.segment))}, ${row.age === null ? pairLabel(row.pair) : `cohort ${pairLabel(row.pair)} at age ${row.age}`}: ${show(valueCell(k, change.a))} → ${show(valueCell(k, change.b))} (${show(changeCell(k, change.change))}, ${show(relativeCell(change.relative))})${impact}`,
    );
  }
  out.push('', `_${legend(undefined)}_`, '');
  for (const [key, value] of doc.policy) out.push(`- **${key}**: ${escapeMarkdownCell(value)}`);
  // The bullets above are the highlights and the policy changes; the tables give the rest.
  for (const table of doc.tables.filter((t) => t.id !== 'highlights' && t.id !== 'policy')) {
    out.push('', `#### ${escapeMarkdownCell(table.title)}`, '');
    if (table.rows.length === 0) {
      out.push('(none)');
      continue;
    }
    out.push(`| ${table.columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`);
    out.push(`| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`);
    table.rows.forEach((_, i) => out.push(`| ${tableCells(table, digits, i, undefined, false).map(escapeMarkdownCell).join(' | ')} |`));
  }
  for (const note of doc.notes) out.push('', escapeMarkdownCell(note));
  return `${out.join('\n')}\n`;
}
