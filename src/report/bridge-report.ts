// (spec, dataset) → the bridge report: one row per period with the money bridge, counts and rates of
// METRICS.md §4–§5. Checks the bridge identity on every row; a violation is a bug, never printed.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDay, type Day } from '../model/calendar.js';
import type { Dataset } from '../model/dataset.js';
import { OPEN_DAY } from '../model/line-store.js';
import { Rate, type Minor } from '../model/money.js';
import { computeActiveSpans } from '../metrics/active-spans.js';
import { computeBridge, countMeasures, moneyMeasures, type BridgeFacts, type CountMeasure, type MoneyMeasure, type Segmenter } from '../metrics/bridge.js';
import { buildEntityEvents, firstActiveDays, type EntityEvents } from '../metrics/entity-events.js';
import { buildPeriodGrid, type PeriodGrid } from '../metrics/period-grid.js';
import { bridgeRates, type RateName } from './bridge-rates.js';
import type { ReportSpec } from './spec.js';

export interface BridgeRow {
  period: string;
  start: Day;
  end: Day;
  partial: boolean;
  segment: Readonly<Record<string, string>> | null;
  money: Record<MoneyMeasure, Minor>;
  counts: Record<CountMeasure, number>;
  rates: Record<RateName, Rate | null>;
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
      warning('CANCEL_NOT_AFTER_START', `cancel_date ${formatDay(store.cancel[line]!)} is on or before start_date ${formatDay(store.start[line]!)}: the line is never active`, { ...store.provenance(line), columnName: 'cancel_date' }),
    );
  }
  const events = buildEntityEvents(store, entities.ofLine, entities.count, spans);
  const firstActive = firstActiveDays(events, entities.count);
  let firstDay = OPEN_DAY;
  for (let e = 0; e < entities.count; e++) if (firstActive[e]! < firstDay) firstDay = firstActive[e]!;
  const from = spec.from ?? (firstDay === OPEN_DAY ? spec.asOf : firstDay);
  const to = spec.to ?? spec.asOf;
  const grid =
    firstDay === OPEN_DAY && spec.from === undefined
      ? buildPeriodGrid(spec.calendar, spec.asOf, spec.asOf - 1, spec.asOf)
      : buildPeriodGrid(spec.calendar, from, to, spec.asOf);
  return { events, firstActive, grid, warnings };
}

export function buildBridgeReport(spec: ReportSpec, dataset: Dataset, segmenter?: Segmenter, segmentLabels?: readonly Record<string, string>[]): BridgeReport {
  const sweep = prepareSweep(spec, dataset);
  const facts = computeBridge(sweep.events, dataset.entities.count, sweep.firstActive, sweep.grid, segmenter);
  // Dataset warnings are the caller's to print (load-input.ts); these are the report's own.
  const warnings = [...sweep.warnings];
  if (facts.negativeEntities.length > 0) {
    const names = facts.negativeEntities.slice(0, 5).map((e) => dataset.entities.name(e));
    warnings.push(
      warning('NEGATIVE_ENTITY_MRR', `${facts.negativeEntities.length} ${dataset.entities.level}(s) had MRR below zero on a snapshot day, counted as zero: ${names.join(', ')}${facts.negativeEntities.length > 5 ? ', …' : ''}`, undefined, 'check credit lines against their terms'),
    );
  }
  const rows = buildRows(spec, sweep.grid, facts, segmentLabels);
  return { command: 'bridge', spec, rows, warnings };
}

function buildRows(spec: ReportSpec, grid: PeriodGrid, facts: BridgeFacts, segmentLabels?: readonly Record<string, string>[]): BridgeRow[] {
  const rows: BridgeRow[] = [];
  const factor = spec.unit === 'arr' ? 12 : 1;
  for (let p = 0; p < grid.count; p++) {
    for (let s = 0; s < facts.segmentCount; s++) {
      const cell = p * facts.segmentCount + s;
      const money = {} as Record<MoneyMeasure, Minor>;
      for (const m of moneyMeasures) money[m] = facts.money[m][cell]! * factor;
      const counts = {} as Record<CountMeasure, number>;
      for (const c of countMeasures) counts[c] = facts.counts[c][cell]!;
      checkIdentity(grid.labels[p]!, money);
      rows.push({
        period: grid.labels[p]!,
        start: grid.starts[p]!,
        end: grid.periodEnds[p]!,
        partial: grid.partial[p]!,
        segment: segmentLabels?.[s] ?? null,
        money,
        counts,
        rates: bridgeRates(money, counts, { then: facts.ttmThen[cell]!, now: facts.ttmNow[cell]!, min: facts.ttmMin[cell]! }, spec),
      });
    }
  }
  return rows;
}

function checkIdentity(period: string, m: Record<MoneyMeasure, Minor>): void {
  const computed = m.begin + m.new + m.expansion + m.reactivation - m.contraction - m.churn;
  if (computed !== m.end) {
    throw new BridgeIdentityError(`bridge of ${period} does not reconcile: begin + movements = ${computed}, end = ${m.end} (minor units)`);
  }
}
