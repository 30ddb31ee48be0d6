// The outcome of each renewal unit (METRICS.md §7): churned when every line was cancelled (decided in the due
// period) or when no successor started before the grace passed (decided on e+1+grace); pending while no
// successor started and as-of ≤ e+grace; otherwise renewed flat / upgraded / downgraded, or archived (a first
// archive: every successor line an archive product, the unit holding a non-archive one). A renewal starting on
// e+1 is decided in the due period; a late one in the period of its start (until then it rolls forward).
// Timing: early when a successor line was booked before the due period, else on time (s = e+1) or late.
// Also the lock-in: MRR of the unit's lines active on the first day of the due period. One reused record is
// handed to `visit` per unit; nothing is allocated per unit.
import type { Day } from '../model/calendar.js';
import { NO_DAY, type LineStore } from '../model/line-store.js';
import { isNeverActive, NO_SUCCESSOR, ownLastDay, type RenewalUnits } from './renewal-units.js';
import { PART_COUNT, RenewalSplitter } from './renewal-split.js';

export const Outcome = { flat: 0, upgraded: 1, downgraded: 2, archived: 3, cancelled: 4, notRenewed: 5, pending: 6 } as const;
export type OutcomeCode = (typeof Outcome)[keyof typeof Outcome];
export const outcomeNames = ['renewed_flat', 'upgraded', 'downgraded', 'archived', 'churned_cancelled', 'churned_not_renewed', 'pending'] as const;

export const Timing = { none: 0, early: 1, onTime: 2, late: 3 } as const;
export type TimingCode = (typeof Timing)[keyof typeof Timing];
export const timingNames = ['', 'early', 'on_time', 'late'] as const;

export interface RenewalContext {
  store: LineStore;
  /** groups.order of the dataset: successor ranges index into it. */
  order: Int32Array;
  units: RenewalUnits;
  /** First day of each computed period; the last one (periodCount − 1) holds as-of. */
  periodCount: number;
  periodStarts: Int32Array;
  asOf: Day;
  graceDays: number;
  /** 1 at the product ids named as archive products. */
  archiveProducts: Uint8Array;
  currencyDigits: number;
}

/** One unit's facts; the same object is refilled for every unit. */
export interface UnitOutcome {
  unit: number;
  /** Computed period index of the due date, and of the decision (periodCount while pending). */
  duePeriod: number;
  decisionPeriod: number;
  outcome: OutcomeCode;
  timing: TimingCode;
  /** s − (e+1) for a unit with a successor, else 0. */
  daysLate: number;
  expiring: number;
  successor: number;
  locked: number;
  /** Split parts (renewal-split.ts order); zero without a successor. */
  parts: Float64Array;
  /** Reason id (store.reasons) of a churned or downgraded unit; 0 = none. */
  reason: number;
}

export function evaluateRenewals(ctx: RenewalContext, visit: (outcome: UnitOutcome) => void): void {
  const { store, units, order, periodCount, periodStarts, asOf, graceDays } = ctx;
  const periodIndex = (day: Day): number => periodContaining(periodStarts, day);
  const splitter = new RenewalSplitter(store, ctx.currencyDigits);
  const picker = new ReasonPicker(store);
  const anyArchive = ctx.archiveProducts.includes(1);
  const o: UnitOutcome = { unit: 0, duePeriod: 0, decisionPeriod: 0, outcome: Outcome.pending, timing: Timing.none, daysLate: 0, expiring: 0, successor: 0, locked: 0, parts: new Float64Array(PART_COUNT), reason: 0 };
  for (let u = 0; u < units.count; u++) {
    const e = units.end[u]!;
    const pd = periodIndex(e);
    o.unit = u;
    o.duePeriod = pd;
    o.expiring = units.expiring[u]!;
    o.successor = 0;
    o.timing = Timing.none;
    o.daysLate = 0;
    o.reason = 0;
    o.parts.fill(0);
    const s = units.successorStart[u]!;
    if (units.cancelled[u] === 1) {
      o.outcome = Outcome.cancelled;
      o.decisionPeriod = pd;
    } else if (s !== NO_SUCCESSOR) {
      o.successor = units.successorMrr[u]!;
      o.outcome = anyArchive && isFirstArchive(ctx, u) ? Outcome.archived : o.successor === o.expiring ? Outcome.flat : o.successor > o.expiring ? Outcome.upgraded : Outcome.downgraded;
      o.decisionPeriod = s === e + 1 ? pd : periodIndex(s);
      o.daysLate = s - (e + 1);
      o.timing = bookedBefore(store, order, units.successorFrom[u]!, units.successorTo[u]!, ctx.periodStarts[pd]!) ? Timing.early : o.daysLate === 0 ? Timing.onTime : Timing.late;
      splitter.reset();
      for (let k = units.lineOffsets[u]!; k < units.lineOffsets[u + 1]!; k++) {
        const line = units.lines[k]!;
        if (ownLastDay(store, line) === e) splitter.addOld(line); // the lines behind the expiring MRR
      }
      for (let k = units.successorFrom[u]!; k < units.successorTo[u]!; k++) if (!isNeverActive(store, order[k]!)) splitter.addNew(order[k]!);
      splitter.split(o.parts);
    } else if (asOf >= e + 1 + graceDays) {
      o.outcome = Outcome.notRenewed;
      o.decisionPeriod = periodIndex(e + 1 + graceDays);
    } else {
      o.outcome = Outcome.pending;
      o.decisionPeriod = periodCount;
    }
    o.locked = lockedMrr(store, units, u, ctx.periodStarts[pd]!);
    if (o.outcome === Outcome.cancelled || o.outcome === Outcome.notRenewed || o.outcome === Outcome.downgraded) o.reason = pickReason(ctx, picker, u, o.outcome === Outcome.downgraded);
    visit(o);
  }
}

/** Index of the computed period holding `day` (a binary search: the periods are few, the units many). */
export function periodContaining(starts: Int32Array, day: Day): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Expected CMRR locked on the first day f of the due period: the unit's lines active on f; a unit already fully cancelled by f locks at its expiring MRR. */
function lockedMrr(store: LineStore, units: RenewalUnits, u: number, f: Day): number {
  if (units.cancelled[u] === 1 && units.lastActive[u]! < f) return units.expiring[u]!;
  let locked = 0;
  for (let k = units.lineOffsets[u]!; k < units.lineOffsets[u + 1]!; k++) {
    const line = units.lines[k]!;
    if (store.start[line]! <= f && f <= ownLastDay(store, line)) locked += store.mrr[line]!;
  }
  return locked;
}

function isFirstArchive(ctx: RenewalContext, u: number): boolean {
  const { store, units, order, archiveProducts } = ctx;
  let nonArchive = false;
  for (let k = units.lineOffsets[u]!; k < units.lineOffsets[u + 1]!; k++) if (archiveProducts[store.product[units.lines[k]!]!] !== 1) nonArchive = true;
  if (!nonArchive) return false;
  for (let k = units.successorFrom[u]!; k < units.successorTo[u]!; k++) {
    const line = order[k]!;
    if (!isNeverActive(store, line) && archiveProducts[store.product[line]!] !== 1) return false;
  }
  return true;
}

function bookedBefore(store: LineStore, order: Int32Array, from: number, to: number, day: Day): boolean {
  for (let k = from; k < to; k++) {
    const line = order[k]!;
    const booked = store.booked[line]!;
    if (booked !== NO_DAY && booked < day && !isNeverActive(store, line)) return true;
  }
  return false;
}

/** Picks the non-empty reason of the largest line (ties: the reason's text order); reused across units. */
class ReasonPicker {
  best = 0;
  private bestMrr = 0;
  constructor(private readonly store: LineStore) {}

  reset(): void {
    this.best = 0;
  }

  consider(line: number): void {
    const r = this.store.reason[line]!;
    if (r === 0) return; // id 0 is the empty reason
    const m = this.store.mrr[line]!;
    if (this.best === 0 || m > this.bestMrr || (m === this.bestMrr && this.store.reasons.value(r) < this.store.reasons.value(this.best))) {
      this.best = r;
      this.bestMrr = m;
    }
  }
}

/** The reason of a churned unit's lines; for a downgrade, else of its successor's lines. */
function pickReason(ctx: RenewalContext, picker: ReasonPicker, u: number, withSuccessor: boolean): number {
  const { store, units, order } = ctx;
  picker.reset();
  for (let k = units.lineOffsets[u]!; k < units.lineOffsets[u + 1]!; k++) picker.consider(units.lines[k]!);
  if (picker.best !== 0 || !withSuccessor) return picker.best;
  for (let k = units.successorFrom[u]!; k < units.successorTo[u]!; k++) if (!isNeverActive(store, order[k]!)) picker.consider(order[k]!);
  return picker.best;
}
