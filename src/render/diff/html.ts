// `retain diff -f html`: the comparison as a page to open or paste into a board deck: what moved most as
// bars of CMRR impact (green gains, red losses), then the tables of every format with ▲/▼ marks.
import type { DiffReport } from '../../report/diff-report.js';
import { diffDocument, pairLabel, segmentLabel, type ToneTable } from './document.js';
import { legend } from './text.js';
import { axisMoney } from '../html/axis-format.js';
import { renderBars } from '../html/bars.js';
import { escapeHtml } from '../html/svg.js';
import { figure, htmlTable, renderHtmlPage, type CellTone, type HtmlSection } from '../html/page.js';

/** Highlight bars drawn; the table lists every highlight. */
export const MAX_IMPACT_BARS = 15;

export function renderDiffHtml(report: DiffReport): string {
  const doc = diffDocument(report);
  const sections: HtmlSection[] = [];
  const withImpact = report.highlights.filter((h) => h.change.impact !== null && h.change.impact !== 0).slice(0, MAX_IMPACT_BARS);
  if (withImpact.length > 0) {
    const svg = renderBars({
      id: 'bars-impact',
      title: 'CMRR impact of the largest moves (gains positive, losses negative)',
      categories: withImpact.map(({ row, change }) => `${change.measure.label} · ${segmentLabel(row.segment)}${report.pairs.length > 1 ? ` · ${pairLabel(row.pair)}` : ''}${row.age === null ? '' : ` · age ${row.age}`}`),
      values: withImpact.map((h) => h.change.impact),
      format: (v) => axisMoney(v, report.digits, report.currency),
      minStep: 10 ** report.digits,
      signed: true,
    });
    sections.push({ heading: 'What moved most', html: figure('bars', `CMRR impact (${report.currency})`, svg, true) });
  }
  const toned = (t: ToneTable): string => {
    const tones = t.tones.map((v): CellTone => (v === 'better' || v === 'worse' ? v : undefined));
    return htmlTable(t, doc.currencyDigits, { rows: tones, columns: t.toneColumns });
  };
  const tables = doc.tables.filter((t) => t.id !== 'policy').map(toned);
  sections.push({ heading: 'Tables', html: `<p class="subtitle">${escapeHtml(legend(undefined))}</p>${tables.join('')}` });
  const alerts = doc.tables.filter((t) => t.id === 'policy').map((t) => ({ heading: 'Policy changed', html: toned(t) }));
  return renderHtmlPage({ title: doc.title, subtitle: doc.sides, alerts, policy: doc.policy, sections, notes: doc.notes });
}
