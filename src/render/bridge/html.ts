// `retain bridge -f html`: a board-ready page built from the report model (never from rendered text):
// a waterfall per period, GRR/NRR and logo churn over time, churn by segment (with --by), then the
// same tables as the other formats. Charts use the total rows; segments appear in the bars and tables.
import type { BridgeReport } from '../../report/bridge-report.js';
import type { BridgeRow } from '../../report/bridge-row.js';
import { bridgeDocument, bridgeTitle } from './document.js';
import type { Table } from '../table-model.js';
import { axisMoney, axisPercent, rateToMillionths } from '../html/axis-format.js';
import { renderBars } from '../html/bars.js';
import { renderLineChart } from '../html/line-chart.js';
import { figure, figureGrid, htmlTable, renderHtmlPage, type HtmlSection } from '../html/page.js';
import { niceScale } from '../html/scale.js';
import { slug } from '../html/svg.js';
import { renderWaterfall, waterfallExtent, type BridgeMoney } from '../html/waterfall.js';

/** Waterfalls drawn, most recent last; the tables hold every period. */
export const MAX_WATERFALLS = 12;

/** Money as plain numbers for drawing (exact sums past 2^53 are rounded to the pixel, not printed). */
function chartMoney(money: BridgeRow['money']): BridgeMoney {
  return Object.fromEntries(Object.entries(money).map(([k, v]) => [k, Number(v)])) as unknown as BridgeMoney;
}

function totalRows(report: BridgeReport): BridgeRow[] {
  return report.rows.filter((r) => r.segment === null);
}

function periodCaption(row: BridgeRow): string {
  return row.partial ? `${row.period} (partial)` : row.period;
}

function waterfallSection(report: BridgeReport, totals: readonly BridgeRow[], digits: number): HtmlSection {
  const shown = totals.slice(-MAX_WATERFALLS);
  const extents = shown.map((r) => waterfallExtent(chartMoney(r.money)));
  // One scale for every period, so bar heights compare across the small charts.
  const scale = niceScale(Math.min(0, ...extents.map((e) => e.min)), Math.max(0, ...extents.map((e) => e.max)), 4, 10 ** digits);
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const figures = shown.map((r) =>
    figure('waterfall', periodCaption(r), renderWaterfall(chartMoney(r.money), { id: `waterfall-${slug(r.period)}`, title: `${unit} bridge ${r.period}: begin, new, expansion, reactivation, contraction, churn, end`, scale, digits, currency: report.spec.currency })),
  );
  const note = totals.length > shown.length ? `<p class="subtitle">The last ${shown.length} of ${totals.length} periods; the tables below have all of them.</p>` : '';
  return { heading: `${unit} bridge by period (${report.spec.currency})`, html: `${note}${figureGrid(figures)}` };
}

function retentionSection(totals: readonly BridgeRow[]): HtmlSection {
  const categories = totals.map((r) => r.period);
  const revenue = renderLineChart({
    id: 'lines-revenue-retention',
    title: 'Gross and net revenue retention by period',
    categories,
    series: [
      { name: 'GRR', values: totals.map((r) => rateToMillionths(r.rates.grr)) },
      { name: 'NRR', values: totals.map((r) => rateToMillionths(r.rates.nrr)) },
    ],
  });
  const logos = renderLineChart({
    id: 'lines-logo-churn',
    title: 'Logo churn by period',
    categories,
    series: [{ name: 'Logo churn', values: totals.map((r) => rateToMillionths(r.rates.logoChurn)) }],
  });
  return { heading: 'Retention over time', html: figure('lines', 'GRR and NRR', revenue, true) + figure('lines', 'Logo churn', logos, true) };
}

/**
 * Churn by segment in the latest complete period that lost any MRR (else the latest complete period,
 * else the latest): a quarter without churn would draw empty bars.
 */
function segmentSection(report: BridgeReport, digits: number): HtmlSection | undefined {
  const segmentRows = report.rows.filter((r) => r.segment !== null);
  if (segmentRows.length === 0) return undefined;
  const complete = segmentRows.filter((r) => !r.partial);
  const losing = complete.filter((r) => Number(r.money.churn) + Number(r.money.contraction) > 0);
  const pool = losing.length > 0 ? losing : complete.length > 0 ? complete : segmentRows;
  const period = pool[pool.length - 1]!.period;
  const rows = segmentRows.filter((r) => r.period === period);
  const categories = rows.map((r) => Object.values(r.segment!).map((v) => (v === '' ? '(blank)' : v)).join(' × '));
  const currency = report.spec.currency;
  const money = renderBars({
    id: 'bars-churn-by-segment',
    title: `Churned and contracted ${report.spec.unit === 'arr' ? 'ARR' : 'MRR'} by segment, ${period}`,
    categories,
    values: rows.map((r) => Number(r.money.churn) + Number(r.money.contraction)),
    format: (v) => axisMoney(v, digits, currency),
    minStep: 10 ** digits,
  });
  const rate = renderBars({
    id: 'bars-gross-churn-by-segment',
    title: `Gross revenue churn by segment, ${period}`,
    categories,
    values: rows.map((r) => rateToMillionths(r.rates.grossChurn)),
    format: axisPercent,
    minStep: 1000,
  });
  return {
    heading: `Churn by segment, ${period}`,
    html: figure('bars', `Churn + contraction (${currency})`, money, true) + figure('bars', 'Gross revenue churn', rate, true),
  };
}

/** `extraTables`: the --compare tables, drawn after the report's own. */
export function renderBridgeHtml(report: BridgeReport, extraTables: readonly Table[] = []): string {
  const doc = bridgeDocument(report);
  const digits = doc.currencyDigits;
  const totals = totalRows(report);
  const sections: HtmlSection[] = [];
  if (totals.length > 0) sections.push(waterfallSection(report, totals, digits), retentionSection(totals));
  const bySegment = segmentSection(report, digits);
  if (bySegment) sections.push(bySegment);
  sections.push({ heading: 'Tables', html: [...doc.tables, ...extraTables].map((t) => htmlTable(t, digits)).join('') });
  return renderHtmlPage({ title: bridgeTitle(report), subtitle: [], policy: doc.policy, sections, notes: doc.notes });
}
