// (spec, dataset, options) → the renewals report of METRICS.md §7: per period (and segment) the renewal flow
// (expected, rolled in, renewed, archived, churned, rolled forward, pending), the expected CMRR locked at
// the period start beside the one at the due dates, planned churn, the rates over decided units, timing and
// late renewals, the split of the renewal CMRR, and churn by class and reason; with --detail every unit.
// Periods run from the first due date (or --from) to the as-of period, so units due before --from still
// roll in; only the periods asked for are shown. The flow identity is checked on every row.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDay, periodEnd, periodOf, periodStart, type Day } from '../model/calendar.js';
import type { Dataset } from '../model/dataset.js';
import { OPEN_DAY } from '../model/line-store.js';
import { minorDigits } from '../model/money.js';
import type { ReasonMap } from '../model/churn-reason.js';
import { RenewalFacts, singleUnitSegment, type UnitSegmenter } from '../metrics/renewal-facts.js';
import { evaluateRenewals, type RenewalContext } from '../metrics/renewal-outcomes.js';
import { buildRenewalUnits, isNeverActive } from '../metrics/renewal-units.js';
import { buildPeriodGrid } from '../metrics/period-grid.js';
import { UnitRowCollector, type RenewalUnitRow } from './renewals-detail.js';
import type { ChurnPlan } from './renewals-plan.js';
import { renewalsRow, type RenewalsRow } from './renewals-rows.js';
import type { ReportSpec } from './spec.js';

export interface RenewalsOptions {
  archiveProducts: readonly string[];
  plan: ChurnPlan | undefined;
  reasonMap: ReasonMap | undefined;
  /** Where the reason map came from (file name), for the policy block. */
  reasonMapSource: string | undefined;
  detail: boolean;
}

export interface RenewalsReport {
  command: 'renewals';
  spec: ReportSpec;
  options: RenewalsOptions;
  rows: RenewalsRow[];
  /** Every unit due or decided in the periods shown (with --detail), else null. */
  units: RenewalUnitRow[] | null;
  warnings: Diagnostic[];
}

export function buildRenewalsReport(spec: ReportSpec, dataset: Dataset, options: RenewalsOptions, segmenter: UnitSegmenter = singleUnitSegment, segmentLabels?: readonly (Readonly<Record<string, string>> | null)[]): RenewalsReport {
  const { store, linesByEntity } = dataset;
  const calendar = spec.calendar;
  const warnings = neverActiveWarnings(dataset);
  const asOfPeriod = periodOf(calendar, spec.asOf);
  const units = buildRenewalUnits(store, linesByEntity, spec.graceDays, periodEnd(calendar, asOfPeriod));
  let firstDue: Day = OPEN_DAY;
  for (let u = 0; u < units.count; u++) if (units.end[u]! < firstDue) firstDue = units.end[u]!;
  const firstPeriod = Math.min(firstDue === OPEN_DAY ? asOfPeriod + 1 : periodOf(calendar, firstDue), spec.from === undefined ? Infinity : periodOf(calendar, spec.from));
  const grid = buildPeriodGrid(calendar, periodStart(calendar, Math.min(firstPeriod, asOfPeriod + 1)), spec.asOf, spec.asOf);
  const report: RenewalsReport = { command: 'renewals', spec, options, rows: [], units: options.detail ? [] : null, warnings };
  warnings.push(...archiveWarnings(dataset, options.archiveProducts));
  if (grid.count === 0) return report;

  const archive = new Uint8Array(store.products.size);
  for (const sku of options.archiveProducts) {
    const id = store.products.values.indexOf(sku);
    if (id >= 0) archive[id] = 1;
  }
  const context: RenewalContext = {
    store,
    order: linesByEntity.order,
    units,
    periodCount: grid.count,
    periodStarts: grid.starts,
    asOf: spec.asOf,
    graceDays: spec.graceDays,
    archiveProducts: archive,
    currencyDigits: minorDigits(spec.currency),
  };
  const facts = new RenewalFacts(store, grid.count, segmenter.count, grid.ends, options.reasonMap);
  const shownFrom = spec.from === undefined ? 0 : Math.max(0, periodOf(calendar, spec.from) - grid.first);
  const shownTo = spec.to === undefined ? grid.count - 1 : Math.min(grid.count - 1, periodOf(calendar, spec.to) - grid.first);
  const collector = options.detail ? new UnitRowCollector(dataset, context, grid.labels, shownFrom, shownTo, options.reasonMap, spec.unit === 'arr' ? 12 : 1) : undefined;
  evaluateRenewals(context, (o) => {
    facts.add(o, segmenter.segment(o.unit), units.end[o.unit]!);
    collector?.add(o);
  });
  facts.finish();
  for (let p = shownFrom; p <= shownTo; p++) {
    for (let s = 0; s < segmenter.count; s++) {
      report.rows.push(renewalsRow(spec, options, grid, facts, store, p, p * segmenter.count + s, segmentLabels?.[s] ?? null));
    }
  }
  if (collector) report.units = collector.rows();
  return report;
}

function neverActiveWarnings(dataset: Dataset): Diagnostic[] {
  const { store } = dataset;
  const warnings: Diagnostic[] = [];
  for (let line = 0; line < store.length; line++) {
    if (store.start[line]! > dataset.asOf || !isNeverActive(store, line)) continue;
    warnings.push(
      warning('CANCEL_NOT_AFTER_START', `cancel_date ${formatDay(store.cancel[line]!)} is on or before start_date ${formatDay(store.start[line]!)}: the line is never active and takes no part in renewals`, { ...store.provenance(line), columnName: 'cancel_date' }, 'cancel_date is the first day without service: check it, or leave it empty'),
    );
  }
  return warnings;
}

function archiveWarnings(dataset: Dataset, archiveProducts: readonly string[]): Diagnostic[] {
  const missing = archiveProducts.filter((sku) => !dataset.store.products.values.includes(sku));
  if (missing.length === 0) return [];
  return [warning('ARCHIVE_PRODUCT_UNKNOWN', `--archive-products names ${missing.map((s) => `"${s}"`).join(', ')}, which no input line has as its product`, undefined, 'check the product codes (they are compared exactly)')];
}
