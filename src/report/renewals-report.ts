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
import { DECIDED_OUTCOMES, decidedMeasures, flowMeasures, RenewalFacts } from '../metrics/renewal-facts.js';
import { evaluateRenewals, type RenewalContext } from '../metrics/renewal-outcomes.js';
import { buildRenewalUnits, isNeverActive } from '../metrics/renewal-units.js';
import { buildPeriodGrid, type PeriodGrid } from '../metrics/period-grid.js';
import { UnitRowCollector, type RenewalUnitRow } from './renewals-detail.js';
import type { RenewalsOptions } from './renewals-options.js';
import { renewalsRow, type RenewalsRow } from './renewals-rows.js';
import { prepareSweep } from './sweep.js';
import { SegmentSumError, segmentAttribution } from './segment-attribution.js';
import type { ReportSpec } from './spec.js';

export interface RenewalsReport {
  command: 'renewals';
  spec: ReportSpec;
  options: RenewalsOptions;
  rows: RenewalsRow[];
  /** Every unit due or decided in the periods shown (with --detail), else null. */
  units: RenewalUnitRow[] | null;
  warnings: Diagnostic[];
}

export function buildRenewalsReport(spec: ReportSpec, dataset: Dataset, options: RenewalsOptions): RenewalsReport {
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
  const shownFrom = spec.from === undefined ? 0 : Math.max(0, periodOf(calendar, spec.from) - grid.first);
  const shownTo = spec.to === undefined ? grid.count - 1 : Math.min(grid.count - 1, periodOf(calendar, spec.to) - grid.first);
  const collector = options.detail ? new UnitRowCollector(dataset, context, grid.labels, shownFrom, shownTo, options.reasonMap, spec.unit === 'arr' ? 12 : 1) : undefined;
  const totals = new RenewalFacts(store, grid.count, 1, grid.ends, options.reasonMap);
  evaluateRenewals(context, (o) => {
    totals.add(o, 0, units.end[o.unit]!);
    collector?.add(o);
  });
  totals.finish();
  const segments = spec.segments !== undefined && spec.segments.by.length > 0 ? segmentRenewals(spec, dataset, context, options, grid, totals) : undefined;
  for (let p = shownFrom; p <= shownTo; p++) {
    if (segments) {
      for (const s of segments.presentIn(p)) {
        report.rows.push(renewalsRow(spec, options, grid, segments.facts, store, p, p * segments.facts.segmentCount + s, segments.labels(s)));
      }
    }
    report.rows.push(renewalsRow(spec, options, grid, totals, store, p, p, null));
  }
  if (collector) report.units = collector.rows();
  return report;
}

interface SegmentedRenewals {
  facts: RenewalFacts;
  labels(segment: number): Readonly<Record<string, string>>;
  /** Segments with any unit due, rolled in or decided in period p, in segment order. */
  presentIn(period: number): number[];
}

/**
 * Renewals by segment (METRICS.md §6 applied to §7): a unit belongs to the segment of its entity on the
 * unit's last active day (the largest line then, with derived keys from the entity's MRR that day); a unit
 * whose entity has no MRR that day (a zero-MRR term) takes the segment of its own largest line. A unit keeps
 * that segment while it rolls forward, so each segment's flow closes like the total's.
 */
function segmentRenewals(spec: ReportSpec, dataset: Dataset, context: RenewalContext, options: RenewalsOptions, grid: PeriodGrid, totals: RenewalFacts): SegmentedRenewals {
  const { store } = dataset;
  const units = context.units;
  const attribution = segmentAttribution(spec.segments!, dataset, prepareSweep(spec, dataset), grid.count);
  const scheme = attribution.scheme;
  const segmentOfUnit = (u: number): number => {
    const entity = units.entity[u]!;
    const day = units.lastActive[u]!;
    const segment = attribution.segmentOnDay(entity, day);
    if (segment >= 0) return segment;
    let largest = units.lines[units.lineOffsets[u]!]!;
    for (let k = units.lineOffsets[u]!; k < units.lineOffsets[u + 1]!; k++) {
      const line = units.lines[k]!;
      if (store.mrr[line]! > store.mrr[largest]! || (store.mrr[line] === store.mrr[largest] && scheme.compareLines(line, largest) < 0)) largest = line;
    }
    return scheme.segmentOf(entity, largest, day, 0);
  };
  const facts = new RenewalFacts(store, grid.count, scheme.count, grid.ends, options.reasonMap);
  evaluateRenewals(context, (o) => facts.add(o, segmentOfUnit(o.unit), units.end[o.unit]!));
  facts.finish();
  checkRenewalSegmentSums(grid, facts, totals);
  return {
    facts,
    labels: (segment) => scheme.labels(segment),
    presentIn(p) {
      const present: number[] = [];
      for (let s = 0; s < scheme.count; s++) {
        const cell = p * scheme.count + s;
        if (facts.flow.dueCount[cell] !== 0 || facts.flow.rolledInCount[cell] !== 0 || facts.flow.pendingCount[cell] !== 0 || decidedAny(facts, cell)) present.push(s);
      }
      return present.sort((a, b) => scheme.compare(a, b));
    },
  };
}

/** Every flow and decided measure of every period: Σ over segments = the unsegmented total (else exit 70). */
function checkRenewalSegmentSums(grid: PeriodGrid, facts: RenewalFacts, totals: RenewalFacts): void {
  const n = facts.segmentCount;
  const series: [string, Float64Array, Float64Array, number][] = [
    ...flowMeasures.map((m): [string, Float64Array, Float64Array, number] => [m, facts.flow[m], totals.flow[m], 1]),
    ...decidedMeasures.map((m): [string, Float64Array, Float64Array, number] => [m, facts.decided[m], totals.decided[m], DECIDED_OUTCOMES]),
  ];
  for (let p = 0; p < grid.count; p++) {
    for (const [name, bySegment, total, width] of series) {
      for (let k = 0; k < width; k++) {
        let sum = 0;
        for (let s = 0; s < n; s++) sum += bySegment[(p * n + s) * width + k]!;
        if (sum !== total[p * width + k]) throw new SegmentSumError(`renewal segments of ${grid.labels[p]} do not sum to the total: ${name} ${sum} ≠ ${total[p * width + k]}`);
      }
    }
  }
}

function decidedAny(facts: RenewalFacts, cell: number): boolean {
  for (let o = 0; o < DECIDED_OUTCOMES; o++) if (facts.decided.count[cell * DECIDED_OUTCOMES + o] !== 0) return true;
  return false;
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
