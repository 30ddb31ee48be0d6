// (spec, dataset, filters) → the movements report: one row per entity and period with a bridge movement
// (METRICS.md §4), with MRR before and after, segment, churn reason and the input lines behind it. Before
// filtering, each period's amounts per movement must equal the bridge's (a bug otherwise, exit 70).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dataset } from '../model/dataset.js';
import type { Provenance } from '../model/line-store.js';
import type { Day } from '../model/calendar.js';
import type { Minor } from '../model/money.js';
import { computeBridge, type BridgeFacts } from '../metrics/bridge.js';
import { CHURN, linesBehind, MovementRecorder, movementKinds, type MovementKind, type MovementList } from '../metrics/movements.js';
import { PeriodSegmenter } from '../metrics/segment-periods.js';
import type { SegmentScheme } from '../metrics/segment-scheme.js';
import { prepareSweep, type Sweep } from './sweep.js';
import { segmentAttribution, SegmentSumError } from './segment-attribution.js';
import type { ReportSpec } from './spec.js';

export interface MovementFilters {
  /** Movements listed; all when undefined. */
  kinds: readonly MovementKind[] | undefined;
  /** Smallest amount listed, in minor units of the unit shown (MRR or ARR). */
  minAmount: Minor;
  /** Absolute period index (of spec.calendar) to list, or undefined for all. */
  period: number | undefined;
  /** Only the N largest amounts, largest first. */
  top: number | undefined;
}

export interface MovementRow {
  period: string;
  start: Day;
  end: Day;
  partial: boolean;
  customer: string;
  /** The contract key at --level contract; null at customer level. */
  contract: string | null;
  movement: MovementKind;
  amount: Minor;
  before: Minor;
  after: Minor;
  segment: Readonly<Record<string, string>> | null;
  /** Distinct non-empty churn reasons of the lines that ended (churn rows only). */
  reason: string | null;
  lines: Provenance[];
}

export interface MovementTotal {
  period: string;
  movement: MovementKind;
  count: number;
  amount: Minor;
}

export interface MovementsReport {
  command: 'movements';
  spec: ReportSpec;
  filters: MovementFilters;
  /** Number of rows listed; each is built on demand by row(i), in order (there can be millions). */
  count: number;
  row(index: number): MovementRow;
  /** Per period and movement, over the rows listed. */
  totals: MovementTotal[];
  warnings: Diagnostic[];
}

export function buildMovementsReport(spec: ReportSpec, dataset: Dataset, filters: MovementFilters): MovementsReport {
  const sweep = prepareSweep(spec, dataset);
  const { grid } = sweep;
  let scheme: SegmentScheme | undefined;
  let inner: PeriodSegmenter | undefined;
  if (spec.segments !== undefined && spec.segments.by.length > 0) {
    const attribution = segmentAttribution(spec.segments, dataset, sweep);
    scheme = attribution.scheme;
    inner = new PeriodSegmenter(attribution, grid);
  }
  const recorder = new MovementRecorder(sweep.firstActive, grid, inner);
  const facts = computeBridge(sweep.events, dataset.entities.count, sweep.firstActive, grid, recorder);
  checkAgainstBridge(recorder.list, facts, grid.labels);
  const factor = spec.unit === 'arr' ? 12 : 1;
  const list = recorder.list;
  const wanted = new Set((filters.kinds ?? movementKinds).map((k) => movementKinds.indexOf(k)));
  const period = filters.period === undefined ? undefined : filters.period - grid.first;
  const picked: number[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!wanted.has(list.kind[i]!) || (period !== undefined && list.period[i] !== period)) continue;
    if (list.amount(i) * factor < filters.minAmount) continue;
    picked.push(i);
  }
  const name = (i: number): string => dataset.entities.name(list.entity[i]!);
  const byName = (a: number, b: number): number => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  if (filters.top !== undefined) {
    picked.sort((a, b) => list.amount(b) - list.amount(a) || list.period[a]! - list.period[b]! || byName(a, b));
    picked.length = Math.min(picked.length, filters.top);
  } else {
    picked.sort((a, b) => list.period[a]! - list.period[b]! || list.kind[a]! - list.kind[b]! || list.amount(b) - list.amount(a) || byName(a, b));
  }
  return {
    command: 'movements',
    spec,
    filters,
    count: picked.length,
    row: (index) => movementRow(spec, dataset, sweep, list, picked[index]!, factor, scheme),
    totals: totalsOf(list, picked, grid.labels, factor),
    warnings: [...sweep.warnings],
  };
}

function movementRow(spec: ReportSpec, dataset: Dataset, sweep: Sweep, list: MovementList, i: number, factor: number, scheme: SegmentScheme | undefined): MovementRow {
  const { grid } = sweep;
  const { store, entities } = dataset;
  const entity = list.entity[i]!;
  const p = list.period[i]!;
  const beginDay = p === 0 ? grid.beginDay : grid.ends[p - 1]!;
  const behind = linesBehind(sweep.events, store.mrr, entity, beginDay, grid.ends[p]!);
  const anyLine = dataset.linesByEntity.order[dataset.linesByEntity.offsets[entity]!]!;
  let reason: string | null = null;
  if (list.kind[i] === CHURN) {
    const reasons = [...new Set(behind.ended.map((l) => store.reasons.value(store.reason[l]!)).filter((r) => r !== ''))].sort();
    reason = reasons.length > 0 ? reasons.join('; ') : null;
  }
  return {
    period: grid.labels[p]!,
    start: grid.starts[p]!,
    end: grid.periodEnds[p]!,
    partial: grid.partial[p]!,
    customer: store.customers.value(store.customer[anyLine]!),
    contract: entities.level === 'contract' ? entities.name(entity) : null,
    movement: movementKinds[list.kind[i]!]!,
    amount: list.amount(i) * factor,
    before: list.before[i]! * factor,
    after: list.after[i]! * factor,
    segment: scheme ? scheme.labels(list.segment[i]!) : null,
    reason,
    lines: behind.lines.map((l) => store.provenance(l)),
  };
}

function totalsOf(list: MovementList, picked: readonly number[], labels: readonly string[], factor: number): MovementTotal[] {
  const kinds = movementKinds.length;
  const count = new Float64Array(labels.length * kinds);
  const amount = new Float64Array(labels.length * kinds);
  for (const i of picked) {
    const cell = list.period[i]! * kinds + list.kind[i]!;
    count[cell]!++;
    amount[cell]! += list.amount(i) * factor;
  }
  const totals: MovementTotal[] = [];
  for (let cell = 0; cell < count.length; cell++) {
    if (count[cell] === 0) continue;
    totals.push({ period: labels[Math.floor(cell / kinds)]!, movement: movementKinds[cell % kinds]!, count: count[cell]!, amount: amount[cell]! });
  }
  return totals;
}

/** Σ recorded amounts per period and movement = the bridge's money and counts of that period. */
function checkAgainstBridge(list: MovementList, facts: BridgeFacts, labels: readonly string[]): void {
  const n = facts.segmentCount;
  const measures = ['new', 'expansion', 'reactivation', 'contraction', 'churn'] as const;
  const counts = ['new', 'expanded', 'reactivated', 'contracted', 'churned'] as const;
  const sums = new Float64Array(labels.length * measures.length);
  const tally = new Float64Array(labels.length * measures.length);
  for (let i = 0; i < list.length; i++) {
    sums[list.period[i]! * measures.length + list.kind[i]!]! += list.amount(i);
    tally[list.period[i]! * measures.length + list.kind[i]!]!++;
  }
  for (let p = 0; p < labels.length; p++) {
    measures.forEach((m, k) => {
      let money = 0;
      let count = 0;
      for (let s = 0; s < n; s++) {
        money += facts.money[m][p * n + s]!;
        count += facts.counts[counts[k]!][p * n + s]!;
      }
      if (money !== sums[p * measures.length + k] || count !== tally[p * measures.length + k]) {
        throw new SegmentSumError(`movements of ${labels[p]} (${m}) do not sum to the bridge: ${sums[p * measures.length + k]} ≠ ${money}`);
      }
    });
  }
}
