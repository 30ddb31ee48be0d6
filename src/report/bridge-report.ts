// (spec, dataset) → the bridge report: one row per period with the money bridge, counts and rates of
// METRICS.md §4–§5. Checks the bridge identity on every row; a violation is a bug, never printed.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDay, type Day } from '../model/calendar.js';
import type { Dataset } from '../model/dataset.js';
import { OPEN_DAY } from '../model/line-store.js';
import { combineMinor, exactMinor, Rate, type Minor, type MinorSum } from '../model/money.js';
import { computeActiveSpans, type ActiveSpans } from '../metrics/active-spans.js';
import { computeBridge, countMeasures, moneyMeasures, type BridgeFacts, type CountMeasure, type MoneyMeasure } from '../metrics/bridge.js';
import { computeBridgeExact, firstActiveDaysExact, floatSumsExact, type ExactCells } from '../metrics/bridge-exact.js';
import { buildEntityEvents, firstActiveDays, type EntityEvents } from '../metrics/entity-events.js';
import { buildPeriodGrid, type PeriodGrid } from '../metrics/period-grid.js';
import { bridgeRates, type RateName } from './bridge-rates.js';
import { buildSegmentRows } from './bridge-segment-rows.js';
import type { ReportSpec } from './spec.js';

export interface BridgeRow {
  period: string;
  start: Day;
  end: Day;
  partial: boolean;
  segment: Readonly<Record<string, string>> | null;
  /** Exact sums: numbers, bigints only past 2^53 minor units (model/money.ts MinorSum). */
  money: Record<MoneyMeasure, MinorSum>;
  counts: Record<CountMeasure, number>;
  rates: Record<RateName, Rate | null>;
  /** On segment rows only: MRR and entities that entered or left the segment at the start of the period. */
  flow?: SegmentFlow;
}

export interface SegmentFlow {
  movedIn: Minor;
  movedOut: Minor;
  movedInCount: number;
  movedOutCount: number;
}

export interface BridgeReport {
  command: 'bridge';
  spec: ReportSpec;
  rows: BridgeRow[];
  warnings: Diagnostic[];
}

export class BridgeIdentityError extends Error {}

/** Everything the period reports share: spans, events, first active days and the period grid. */
export interface Sweep {
  /** Each line's first and last active day (grace included). */
  spans: ActiveSpans;
  events: EntityEvents;
  firstActive: Int32Array;
  grid: PeriodGrid;
  warnings: Diagnostic[];
}

export function prepareSweep(spec: ReportSpec, dataset: Dataset): Sweep {
  const { store, entities } = dataset;
  const spans = computeActiveSpans(store, dataset.linesByEntity, spec.asOf, spec.graceDays);
  const warnings: Diagnostic[] = [];
  for (const line of spans.cancelledBeforeStart) {
    warnings.push(
      warning('CANCEL_NOT_AFTER_START', `cancel_date ${formatDay(store.cancel[line]!)} is on or before start_date ${formatDay(store.start[line]!)}: the line is never active`, { ...store.provenance(line), columnName: 'cancel_date' }, 'cancel_date is the first day without service: check it, or leave it empty'),
    );
  }
  const events = buildEntityEvents(store, entities.ofLine, entities.count, spans);
  const firstActive = floatSumsExact(events) ? firstActiveDays(events, entities.count) : firstActiveDaysExact(events, entities.count);
  let firstDay = OPEN_DAY;
  for (let e = 0; e < entities.count; e++) if (firstActive[e]! < firstDay) firstDay = firstActive[e]!;
  const from = spec.from ?? (firstDay === OPEN_DAY ? spec.asOf : firstDay);
  const to = spec.to ?? spec.asOf;
  const grid =
    firstDay === OPEN_DAY && spec.from === undefined
      ? buildPeriodGrid(spec.calendar, spec.asOf, spec.asOf - 1, spec.asOf)
      : buildPeriodGrid(spec.calendar, from, to, spec.asOf);
  return { spans, events, firstActive, grid, warnings };
}

export function buildBridgeReport(spec: ReportSpec, dataset: Dataset): BridgeReport {
  const sweep = prepareSweep(spec, dataset);
  const segments = spec.segments !== undefined && spec.segments.by.length > 0 ? spec.segments : undefined;
  // Past 2^53 minor units the unsegmented bridge sums in BigInt (cli/load-input.ts refuses such inputs elsewhere).
  const exact = segments || floatSumsExact(sweep.events) ? undefined : computeBridgeExact(sweep.events, dataset.entities.count, sweep.firstActive, sweep.grid);
  const facts = exact?.facts ?? computeBridge(sweep.events, dataset.entities.count, sweep.firstActive, sweep.grid);
  // Dataset warnings are the caller's to print (load-input.ts); these are the report's own.
  const warnings = [...sweep.warnings];
  if (facts.negativeEntities.length > 0) {
    const names = facts.negativeEntities.slice(0, 5).map((e) => dataset.entities.name(e));
    warnings.push(
      warning('NEGATIVE_ENTITY_MRR', `${facts.negativeEntities.length} ${dataset.entities.level}(s) had MRR below zero on a snapshot day, counted as zero: ${names.join(', ')}${facts.negativeEntities.length > 5 ? ', …' : ''}`, undefined, 'check credit lines against their terms'),
    );
  }
  const rows = segments
    ? buildSegmentRows(spec, segments, dataset, sweep, facts, bridgeRow)
    : Array.from({ length: sweep.grid.count }, (_, p) => bridgeRow(spec, sweep.grid, facts, p, p, null, exact?.cells));
  return { command: 'bridge', spec, rows, warnings };
}

/**
 * The row of one cell of the facts: money (×12 for ARR), counts and rates, identity checked. With `exact`
 * (the BigInt sweep), money and TTM sums come from it and may be bigints beyond 2^53.
 */
export function bridgeRow(spec: ReportSpec, grid: PeriodGrid, facts: BridgeFacts, p: number, cell: number, segment: Readonly<Record<string, string>> | null, exact?: ExactCells): BridgeRow {
  const factor = spec.unit === 'arr' ? 12 : 1;
  const money = {} as Record<MoneyMeasure, MinorSum>;
  for (const m of moneyMeasures) money[m] = exact ? exactMinor(exact.money[m][cell]! * BigInt(factor)) : facts.money[m][cell]! * factor;
  const ttm = exact
    ? { then: exactMinor(exact.ttmThen[cell]!), now: exactMinor(exact.ttmNow[cell]!), min: exactMinor(exact.ttmMin[cell]!) }
    : { then: facts.ttmThen[cell]!, now: facts.ttmNow[cell]!, min: facts.ttmMin[cell]! };
  const counts = {} as Record<CountMeasure, number>;
  for (const c of countMeasures) counts[c] = facts.counts[c][cell]!;
  checkIdentity(grid.labels[p]!, money);
  return {
    period: grid.labels[p]!,
    start: grid.starts[p]!,
    end: grid.periodEnds[p]!,
    partial: grid.partial[p]!,
    segment,
    money,
    counts,
    rates: bridgeRates(money, counts, ttm, spec),
  };
}

function checkIdentity(period: string, m: Record<MoneyMeasure, MinorSum>): void {
  const computed = combineMinor([m.begin, m.new, m.expansion, m.reactivation], [m.contraction, m.churn]);
  if (computed !== m.end) {
    throw new BridgeIdentityError(`bridge of ${period} does not reconcile: begin + movements = ${computed}, end = ${m.end} (minor units)`);
  }
}
