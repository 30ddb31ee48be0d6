// The sweep every period report shares (METRICS.md §3): each line's active span, the ± events per entity,
// first active days and the period grid, with the warnings of lines that are never active. The bridge,
// segments, cohorts, movements, customers and renewals all start here.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDay } from '../model/calendar.js';
import type { Dataset } from '../model/dataset.js';
import { OPEN_DAY } from '../model/line-store.js';
import { computeActiveSpans, type ActiveSpans } from '../metrics/active-spans.js';
import { firstActiveDaysExact, floatSumsExact } from '../metrics/bridge-exact.js';
import { buildEntityEvents, firstActiveDays, type EntityEvents } from '../metrics/entity-events.js';
import { buildPeriodGrid, type PeriodGrid } from '../metrics/period-grid.js';
import type { ReportSpec } from './spec.js';

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
