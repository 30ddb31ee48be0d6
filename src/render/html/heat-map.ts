// A cohort triangle as a heat map: one row per cohort, one column per age, each cell shaded by its rate
// (darker = more retained, capped at 100%) and labelled with it; empty where the cohort has not reached
// that age. Cells are wide enough for "100.0%" at the chart's font, so labels stay inside their cell.
import { Rate } from '../../model/money.js';
import { formatRateForPeople } from '../format-values.js';
import { escapeHtml, px, svgFrame, textWidth } from './svg.js';

export interface HeatMapOptions {
  id: string;
  title: string;
  rows: readonly string[];
  columns: readonly string[];
  /** values[row][column] in millionths (1 = 1,000,000); null or missing = no cell. */
  values: readonly (readonly (number | null)[])[];
}

const fontSize = 11;
const cellHeight = 22;

/** Shade of a cell: 0.08 at 0%, 1 at 100% and above, linear between. */
export function heatOpacity(millionths: number): number {
  const share = Math.min(1, Math.max(0, millionths / 1_000_000));
  return Math.round((0.08 + 0.92 * share) * 100) / 100;
}

export function cellText(millionths: number): string {
  return formatRateForPeople(Rate.of(millionths, 1_000_000), 'percent');
}

export function renderHeatMap(o: HeatMapOptions): string {
  const cellWidth = Math.ceil(Math.max(textWidth('100.0%', fontSize), ...o.columns.map((c) => textWidth(c, fontSize)))) + 10;
  const left = Math.ceil(Math.max(30, ...o.rows.map((r) => textWidth(r, fontSize)))) + 12;
  const top = 26;
  const width = left + o.columns.length * cellWidth + 4;
  const height = top + o.rows.length * cellHeight + 4;
  const parts: string[] = ['<g class="grid">'];
  o.columns.forEach((c, j) => parts.push(`<text class="category" x="${px(left + j * cellWidth + cellWidth / 2)}" y="${px(top - 9)}" text-anchor="middle">${escapeHtml(c)}</text>`));
  o.rows.forEach((r, i) => parts.push(`<text class="category" x="${px(left - 8)}" y="${px(top + i * cellHeight + cellHeight / 2 + fontSize * 0.35)}" text-anchor="end">${escapeHtml(r)}</text>`));
  parts.push('</g><g class="cells">');
  o.rows.forEach((r, i) => {
    o.columns.forEach((c, j) => {
      const v = o.values[i]?.[j];
      if (v === null || v === undefined) return;
      const x = left + j * cellWidth;
      const y = top + i * cellHeight;
      const text = cellText(v);
      const strong = heatOpacity(v) > 0.55 ? ' strong' : '';
      parts.push(`<rect class="mark heat" x="${px(x + 1)}" y="${px(y + 1)}" width="${px(cellWidth - 2)}" height="${px(cellHeight - 2)}" fill-opacity="${heatOpacity(v)}"><title>${escapeHtml(`${r}, ${c}: ${text}`)}</title></rect>`);
      parts.push(`<text class="cell${strong}" x="${px(x + cellWidth / 2)}" y="${px(y + cellHeight / 2 + fontSize * 0.35)}" text-anchor="middle">${text}</text>`);
    });
  });
  parts.push('</g>');
  return svgFrame(o.id, width, height, o.title, parts.join(''));
}
