// The drill-down of the bridge (METRICS.md §4): every (entity, period) with a movement, recorded while the
// bridge sweep runs (a Segmenter wrapper sees each entity's b and e), so the list is the bridge's own
// classification and its amounts sum to the bridge's figures by construction (the report checks it).
// Stored in growable typed arrays: one slot per movement, no object until a row is printed.
import { singleSegment, type Segmenter } from './bridge.js';
import type { EntityEvents } from './entity-events.js';
import type { PeriodGrid } from './period-grid.js';

export const movementKinds = ['new', 'expansion', 'reactivation', 'contraction', 'churn'] as const;
export type MovementKind = (typeof movementKinds)[number];

export const NEW = 0;
export const EXPANSION = 1;
export const REACTIVATION = 2;
export const CONTRACTION = 3;
export const CHURN = 4;

export class MovementList {
  length = 0;
  entity = new Int32Array(1024);
  period = new Int32Array(1024);
  kind = new Uint8Array(1024);
  before = new Float64Array(1024);
  after = new Float64Array(1024);
  segment = new Int32Array(1024);

  push(entity: number, period: number, kind: number, before: number, after: number, segment: number): void {
    if (this.length === this.entity.length) this.grow();
    const i = this.length++;
    this.entity[i] = entity;
    this.period[i] = period;
    this.kind[i] = kind;
    this.before[i] = before;
    this.after[i] = after;
    this.segment[i] = segment;
  }

  /** The movement's amount: e for new and reactivation, e − b or b − e, b for churn (always > 0). */
  amount(i: number): number {
    const b = this.before[i]!;
    const e = this.after[i]!;
    return b === 0 ? e : e === 0 ? b : Math.abs(e - b);
  }

  private grow(): void {
    const size = this.entity.length * 2;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.entity = grow(this.entity, (n) => new Int32Array(n));
    this.period = grow(this.period, (n) => new Int32Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.before = grow(this.before, (n) => new Float64Array(n));
    this.after = grow(this.after, (n) => new Float64Array(n));
    this.segment = grow(this.segment, (n) => new Int32Array(n));
  }
}

/**
 * A Segmenter for computeBridge that records each movement with the segment the inner segmenter chooses.
 * `firstActive` and the grid decide new vs reactivation exactly as the sweep does.
 */
export class MovementRecorder implements Segmenter {
  readonly count: number;
  readonly list = new MovementList();

  constructor(
    private readonly firstActive: Int32Array,
    private readonly grid: PeriodGrid,
    private readonly inner: Segmenter = singleSegment,
  ) {
    this.count = inner.count;
  }

  enter(entity: number): void {
    this.inner.enter?.(entity);
  }

  segment(entity: number, period: number, b: number, e: number): number {
    const segment = this.inner.segment(entity, period, b, e);
    if (b !== e) {
      const kind = b === 0 ? (this.firstActive[entity]! < this.grid.starts[period]! ? REACTIVATION : NEW) : e === 0 ? CHURN : e > b ? EXPANSION : CONTRACTION;
      this.list.push(entity, period, kind, b, e, segment);
    }
    return segment;
  }
}

/**
 * The lines behind an entity's movement between two snapshot days: those with exactly one event in
 * (fromDay, toDay], i.e. that started or stopped in between (a line that did both cancels out).
 * `ended` are those that stopped (their churn reasons explain a churn). `mrr` is the line store's MRR:
 * a line's start event adds it, its stop event subtracts it.
 */
export function linesBehind(events: EntityEvents, mrr: Float64Array, entity: number, fromDay: number, toDay: number): { lines: number[]; ended: number[] } {
  const { offsets, day, line, delta } = events;
  const started: number[] = [];
  const ended: number[] = [];
  for (let k = offsets[entity]!; k < offsets[entity + 1]!; k++) {
    const d = day[k]!;
    if (d <= fromDay) continue;
    if (d > toDay) break;
    const l = line[k]!;
    if (delta[k] === mrr[l]) started.push(l);
    else if (started.includes(l)) started.splice(started.indexOf(l), 1);
    else ended.push(l);
  }
  return { lines: [...started, ...ended].sort((a, b) => a - b), ended: ended.sort((a, b) => a - b) };
}
