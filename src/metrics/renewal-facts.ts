// Renewal sums per (period, segment) cell, cell = period × segmentCount + segment (METRICS.md §7). Expected
// figures go to the due period; outcomes, timing, late figures, split parts and reasons to the decision period;
// a unit undecided at the end of a period rolls forward into the next, carrying its expiring MRR, until
// decided (pending at the last period, which holds as-of). Invariant, per cell, in count and in CMRR:
// renewed + archived + churned + pending + rolled forward = expected + rolled in.
import type { Day } from '../model/calendar.js';
import { classifyReason, type ReasonMap } from '../model/churn-reason.js';
import type { LineStore } from '../model/line-store.js';
import { Outcome, Timing, type UnitOutcome } from './renewal-outcomes.js';
import { PART_COUNT } from './renewal-split.js';

/** Chooses the segment of a renewal unit (constant over its life, rolled periods included). */
interface UnitSegmenter {
  count: number;
  segment(unit: number): number;
}

export const flowMeasures = ['dueCount', 'dueCmrr', 'dueLocked', 'rolledInCount', 'rolledInCmrr', 'rolledForwardCount', 'rolledForwardCmrr', 'pendingCount', 'pendingCmrr', 'outstandingCount', 'outstandingCmrr'] as const;
export const decidedMeasures = ['count', 'expiring', 'successor', 'min'] as const;
export const timingMeasures = ['earlyCount', 'onTimeCount', 'lateCount', 'lateCmrr', 'lateDaysSum', 'lateDaysMax'] as const;
export type FlowMeasure = (typeof flowMeasures)[number];
export type DecidedMeasure = (typeof decidedMeasures)[number];
export type TimingMeasure = (typeof timingMeasures)[number];

/** Outcomes that are decided (all but pending), in Outcome code order. */
export const DECIDED_OUTCOMES = 6;
/** Classes per axis: avoidable/unavoidable/unspecified, voluntary/involuntary/unspecified. */
const CLASSES = 3;

export interface ReasonCell {
  cell: number;
  reason: number;
  churnedCount: number;
  churnedCmrr: number;
  downgradedCount: number;
  /** expiring − successor of the downgrades. */
  downgradedCmrr: number;
}

export class RenewalFacts {
  readonly cells: number;
  readonly flow: Record<FlowMeasure, Float64Array>;
  /** decided[measure][cell × DECIDED_OUTCOMES + outcome]. */
  readonly decided: Record<DecidedMeasure, Float64Array>;
  readonly timing: Record<TimingMeasure, Float64Array>;
  /** parts[(cell × 4 + outcome) × PART_COUNT + part] for outcomes flat, upgraded, downgraded, archived. */
  readonly parts: Float64Array;
  /** [cell × 3 + class] for churned (count, CMRR) and downgraded (count, lost CMRR), on each axis. */
  readonly byAvoidable: { churnedCount: Float64Array; churnedCmrr: Float64Array; downgradedCount: Float64Array; downgradedCmrr: Float64Array };
  readonly byVoluntary: { churnedCount: Float64Array; churnedCmrr: Float64Array; downgradedCount: Float64Array; downgradedCmrr: Float64Array };
  readonly reasons: ReasonCell[] = [];
  private readonly reasonSlot = new Map<number, number>();
  private readonly avoidableOf: Uint8Array;
  private readonly voluntaryOf: Uint8Array;
  // Range updates of the rolled flows, as differences over periods, summed in finish().
  private readonly diff: Record<'rolledInCount' | 'rolledInCmrr' | 'rolledForwardCount' | 'rolledForwardCmrr' | 'outstandingCount' | 'outstandingCmrr', Float64Array>;

  constructor(
    store: LineStore,
    readonly periodCount: number,
    readonly segmentCount: number,
    /** Snapshot day of each computed period: its last day, or as-of for the last one. */
    private readonly snapshotDays: Int32Array,
    reasonMap: ReasonMap | undefined,
  ) {
    this.cells = periodCount * segmentCount;
    const cells = this.cells;
    const arrays = <K extends string>(keys: readonly K[], size: number): Record<K, Float64Array> => Object.fromEntries(keys.map((k) => [k, new Float64Array(size)])) as Record<K, Float64Array>;
    this.flow = arrays(flowMeasures, cells);
    this.decided = arrays(decidedMeasures, cells * DECIDED_OUTCOMES);
    this.timing = arrays(timingMeasures, cells);
    this.parts = new Float64Array(cells * 4 * PART_COUNT);
    const byClass = ['churnedCount', 'churnedCmrr', 'downgradedCount', 'downgradedCmrr'] as const;
    this.byAvoidable = arrays(byClass, cells * CLASSES);
    this.byVoluntary = arrays(byClass, cells * CLASSES);
    this.diff = arrays(['rolledInCount', 'rolledInCmrr', 'rolledForwardCount', 'rolledForwardCmrr', 'outstandingCount', 'outstandingCmrr'] as const, cells + segmentCount);
    const size = store.reasons.size;
    this.avoidableOf = new Uint8Array(size);
    this.voluntaryOf = new Uint8Array(size);
    for (let r = 0; r < size; r++) {
      const classes = classifyReason(store.reasons.value(r), reasonMap);
      this.avoidableOf[r] = classes.avoidable === 'avoidable' ? 0 : classes.avoidable === 'unavoidable' ? 1 : 2;
      this.voluntaryOf[r] = classes.voluntary === 'voluntary' ? 0 : classes.voluntary === 'involuntary' ? 1 : 2;
    }
  }

  add(o: UnitOutcome, segment: number, end: Day): void {
    const S = this.segmentCount;
    const N = this.periodCount;
    const due = o.duePeriod * S + segment;
    const x = o.expiring;
    this.flow.dueCount[due]!++;
    this.flow.dueCmrr[due]! += x;
    this.flow.dueLocked[due]! += o.locked;
    const pd = o.duePeriod;
    const pe = o.decisionPeriod;
    // Undecided at the end of p for p in [pd, pe): rolled forward before the last period, pending in it.
    this.range('rolledForwardCount', 'rolledForwardCmrr', pd, Math.min(pe, N - 1), segment, x);
    this.range('rolledInCount', 'rolledInCmrr', pd + 1, Math.min(pe, N - 1) + 1, segment, x);
    this.range('outstandingCount', 'outstandingCmrr', end >= this.snapshotDays[pd]! ? pd + 1 : pd, Math.min(pe, N), segment, x);
    if (pe === N) {
      const last = (N - 1) * S + segment;
      this.flow.pendingCount[last]!++;
      this.flow.pendingCmrr[last]! += x;
      return;
    }
    const cell = pe * S + segment;
    const k = cell * DECIDED_OUTCOMES + o.outcome;
    this.decided.count[k]!++;
    this.decided.expiring[k]! += x;
    this.decided.successor[k]! += o.successor;
    this.decided.min[k]! += Math.min(x, o.successor);
    if (o.outcome <= Outcome.archived) {
      const base = (cell * 4 + o.outcome) * PART_COUNT;
      for (let p = 0; p < PART_COUNT; p++) this.parts[base + p]! += o.parts[p]!;
    }
    if (o.outcome <= Outcome.downgraded) this.addTiming(o, cell, x);
    if (o.outcome === Outcome.cancelled || o.outcome === Outcome.notRenewed) this.addReason(cell, o.reason, 1, x, 0, 0);
    else if (o.outcome === Outcome.downgraded) this.addReason(cell, o.reason, 0, 0, 1, x - o.successor);
  }

  /** Turns the range differences into per-period sums; call once after the last add. */
  finish(): void {
    const S = this.segmentCount;
    for (const key of Object.keys(this.diff) as (keyof typeof this.diff)[]) {
      const d = this.diff[key];
      const target = this.flow[key];
      for (let s = 0; s < S; s++) {
        let running = 0;
        for (let p = 0; p < this.periodCount; p++) {
          running += d[p * S + s]!;
          target[p * S + s] = running;
        }
      }
    }
  }

  private range(countKey: 'rolledInCount' | 'rolledForwardCount' | 'outstandingCount', cmrrKey: 'rolledInCmrr' | 'rolledForwardCmrr' | 'outstandingCmrr', from: number, to: number, segment: number, x: number): void {
    if (to <= from) return;
    const S = this.segmentCount;
    this.diff[countKey][from * S + segment]!++;
    this.diff[countKey][to * S + segment]!--;
    this.diff[cmrrKey][from * S + segment]! += x;
    this.diff[cmrrKey][to * S + segment]! -= x;
  }

  private addTiming(o: UnitOutcome, cell: number, x: number): void {
    const t = this.timing;
    if (o.timing === Timing.early) t.earlyCount[cell]!++;
    else if (o.timing === Timing.onTime) t.onTimeCount[cell]!++;
    else {
      t.lateCount[cell]!++;
      t.lateCmrr[cell]! += x;
      t.lateDaysSum[cell]! += o.daysLate;
      if (o.daysLate > t.lateDaysMax[cell]!) t.lateDaysMax[cell] = o.daysLate;
    }
  }

  private addReason(cell: number, reason: number, churnedCount: number, churnedCmrr: number, downgradedCount: number, downgradedCmrr: number): void {
    for (let axisIndex = 0; axisIndex < 2; axisIndex++) {
      const axis = axisIndex === 0 ? this.byAvoidable : this.byVoluntary;
      const k = cell * CLASSES + (axisIndex === 0 ? this.avoidableOf : this.voluntaryOf)[reason]!;
      axis.churnedCount[k]! += churnedCount;
      axis.churnedCmrr[k]! += churnedCmrr;
      axis.downgradedCount[k]! += downgradedCount;
      axis.downgradedCmrr[k]! += downgradedCmrr;
    }
    const key = cell * this.avoidableOf.length + reason;
    let slot = this.reasonSlot.get(key);
    if (slot === undefined) {
      slot = this.reasons.length;
      this.reasonSlot.set(key, slot);
      this.reasons.push({ cell, reason, churnedCount: 0, churnedCmrr: 0, downgradedCount: 0, downgradedCmrr: 0 });
    }
    const r = this.reasons[slot]!;
    r.churnedCount += churnedCount;
    r.churnedCmrr += churnedCmrr;
    r.downgradedCount += downgradedCount;
    r.downgradedCmrr += downgradedCmrr;
  }
}
