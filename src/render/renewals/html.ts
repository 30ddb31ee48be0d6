// The charts of `retain renewals -f html`: the expiring CMRR decided in each period split by outcome
// (flat, upgrade, downgrade, archive, cancellation, not renewed) as stacked bars (METRICS.md §7), from the
// total rows of the report; with --by, the same outcomes per segment, summed over the periods shown.
// The page around them is the renewals tables (document-html.ts).
// Invariant: a unit is decided in one period only (rolled-forward units are not decided before), so the
// sum over periods counts each decided unit's expiring CMRR once, exactly, in integer minor units.
import { minorDigits } from '../../model/money.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import type { RenewalsRow } from '../../report/renewals-rows.js';
import { axisMoney } from '../html/axis-format.js';
import { renderStackedBars } from '../html/bars.js';
import { figure, type HtmlSection } from '../html/page.js';

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
  const sections: HtmlSection[] = [{ heading: `Renewal outcomes (${report.spec.currency})`, html: figure('stacked-bars', `Expiring ${unit} by outcome`, svg, true) }];
  const bySegment = segmentSection(report, totals, digits, unit);
  if (bySegment) sections.push(bySegment);
  return sections;
}

/**
 * Outcomes per segment over all the periods shown (--from … --to), not the last one: renewals are lumpy
 * (a segment may have one annual contract due in a quarter, or none), so one period would draw mostly
 * empty bars; the per-period view is the chart above. No chart when no segment decided anything.
 */
function segmentSection(report: RenewalsReport, totals: readonly RenewalsRow[], digits: number, unit: string): HtmlSection | undefined {
  const segmentRows = report.rows.filter((r) => r.segment !== null);
  const keys = segmentOrder(report.rows);
  if (keys.length === 0) return undefined;
  const sums = new Map(keys.map((k) => [k, outcomes.map(() => 0)]));
  for (const r of segmentRows) {
    const sum = sums.get(segmentKey(r.segment!))!;
    outcomes.forEach(([key], i) => (sum[i]! += r.money[key]));
  }
  if (keys.every((k) => sums.get(k)!.every((v) => v === 0))) return undefined;
  const first = totals[0]!;
  const last = totals[totals.length - 1]!;
  const range = first === last ? first.period : `${first.period} – ${last.period}`;
  const partial = totals.some((r) => r.partial) ? ` (${last.period} partial)` : '';
  const labels = new Map(segmentRows.map((r) => [segmentKey(r.segment!), Object.values(r.segment!).map((v) => (v === '' ? '(blank)' : v)).join(' × ')]));
  const svg = renderStackedBars({
    id: 'stacked-renewal-outcomes-by-segment',
    title: `Expiring ${unit} decided by outcome and segment, ${range}${partial}`,
    categories: keys.map((k) => labels.get(k)!),
    parts: outcomes.map(([, label]) => label),
    values: keys.map((k) => sums.get(k)!),
    format: (v) => axisMoney(v, digits, report.spec.currency),
    minStep: 10 ** digits,
  });
  return { heading: `Renewal outcomes by segment, ${range}`, html: figure('stacked-bars', `Expiring ${unit} by outcome, summed over ${range}`, svg, true) };
}

function segmentKey(segment: Readonly<Record<string, string>>): string {
  return Object.entries(segment).map(([k, v]) => `${k}=${v}`).join('\u0000');
}

/**
 * Segments in report order: each period lists its segments in the segment scheme's order (bands by
 * amount, values by code point), so a segment first seen in a later period is inserted after the last
 * segment that precedes it there, and the merged list keeps that one order.
 */
function segmentOrder(rows: readonly RenewalsRow[]): string[] {
  const order: string[] = [];
  let period = '';
  let insertAt = 0;
  for (const r of rows) {
    if (r.segment === null) continue;
    if (r.period !== period) {
      period = r.period;
      insertAt = 0;
    }
    const key = segmentKey(r.segment);
    const at = order.indexOf(key);
    if (at >= 0) insertAt = at + 1;
    else order.splice(insertAt++, 0, key);
  }
  return order;
}
