// The charts of `retain renewals -f html`: the expiring CMRR decided in each period split by outcome
// (flat, upgrade, downgrade, archive, cancellation, not renewed) as stacked bars (METRICS.md §7), from the
// total rows of the report. The page around them is the renewals tables (document-html.ts).
import { minorDigits } from '../../model/money.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import { axisMoney } from './axis-format.js';
import { renderStackedBars } from './bars.js';
import { figure, type HtmlSection } from './page.js';

const outcomes = [
  ['renewedFlat', 'Flat'],
  ['upgraded', 'Upgrade'],
  ['downgraded', 'Downgrade'],
  ['archived', 'Archive'],
  ['cancelled', 'Cancellation'],
  ['notRenewed', 'Not renewed'],
] as const;

export function renewalsCharts(report: RenewalsReport): HtmlSection[] {
  const totals = report.rows.filter((r) => r.segment === null);
  if (totals.length === 0) return [];
  const digits = minorDigits(report.spec.currency);
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const svg = renderStackedBars({
    id: 'stacked-renewal-outcomes',
    title: `Expiring ${unit} decided in each period, by outcome`,
    categories: totals.map((r) => (r.partial ? `${r.period}*` : r.period)),
    parts: outcomes.map(([, label]) => label),
    values: totals.map((r) => outcomes.map(([key]) => r.money[key])),
    format: (v) => axisMoney(v, digits, report.spec.currency),
    minStep: 10 ** digits,
  });
  return [{ heading: `Renewal outcomes (${report.spec.currency})`, html: figure('stacked-bars', `Expiring ${unit} by outcome`, svg, true) }];
}
