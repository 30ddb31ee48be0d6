// One self-contained HTML page: inline CSS (light and dark by prefers-color-scheme, print styles),
// inline SVG charts, no script and nothing fetched (a Content-Security-Policy forbids both), so the file
// opens offline and prints. The same input always gives the same bytes: no timestamps, ids from names.
import { displayCell } from '../format-values.js';
import type { Table } from '../table-model.js';
import { pageCss } from './page-css.js';
import { escapeHtml, slug } from './svg.js';

export interface HtmlSection {
  heading: string;
  /** Trusted markup built by the chart and table functions (already escaped). */
  html: string;
}

export interface HtmlPage {
  title: string;
  subtitle: string[];
  /** Sections shown before the policy block (a policy change that qualifies everything below). */
  alerts?: HtmlSection[];
  policy: [string, string][];
  sections: HtmlSection[];
  notes: string[];
}

export function renderHtmlPage(page: HtmlPage): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${pageCss}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${escapeHtml(page.title)}</h1>${page.subtitle.map((s) => `<p class="subtitle">${escapeHtml(s)}</p>`).join('')}</header>`,
    ...(page.alerts ?? []).map((a) => `<section class="alert" aria-labelledby="${slug(a.heading)}"><h2 id="${slug(a.heading)}">${escapeHtml(a.heading)}</h2>${a.html}</section>`),
    '<section class="policy" aria-labelledby="policy"><h2 id="policy">Policy</h2><dl>',
    ...page.policy.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`),
    '</dl></section>',
  ];
  for (const section of page.sections) {
    const id = slug(section.heading);
    out.push(`<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(section.heading)}</h2>${section.html}</section>`);
  }
  if (page.notes.length > 0) out.push(`<footer>${page.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</footer>`);
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}

/** A chart in a captioned figure; `kind` lets tests find every chart. */
export function figure(kind: string, caption: string, svg: string, wide = false): string {
  return `<figure class="chart${wide ? ' wide' : ''}" data-chart="${kind}"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
}

export function figureGrid(figures: readonly string[]): string {
  return `<div class="figures">${figures.join('')}</div>`;
}

export type CellTone = 'better' | 'worse' | undefined;

/** A neutral table as HTML; numeric cells right-aligned; tone cells get a class and a ▲/▼ mark. */
export function htmlTable(table: Table, digits: number, tones?: { rows: readonly CellTone[]; columns: readonly number[] }): string {
  const head = table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows.map((row, r) => {
    const cells = row.map((cell, i) => {
      const text = escapeHtml(displayCell(cell, digits));
      const tone = tones?.columns.includes(i) && cell.kind !== 'text' ? tones.rows[r] : undefined;
      const classes = [table.columns[i]?.numeric ? 'num' : '', tone ?? ''].filter((c) => c !== '').join(' ');
      const mark = tone === 'better' ? ' <span class="mark-sign">▲</span>' : tone === 'worse' ? ' <span class="mark-sign">▼</span>' : '';
      return `<td${classes ? ` class="${classes}"` : ''}>${text}${mark}</td>`;
    });
    return `<tr${table.totalRows?.has(r) ? ' class="total"' : ''}>${cells.join('')}</tr>`;
  });
  return `<div class="table-wrap"><table><caption>${escapeHtml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}
