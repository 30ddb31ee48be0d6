// Renewal units (METRICS.md §7). At each scheduled end date e of an entity (a contract key at --level
// contract, a customer at --level customer) the entity's lines whose end_date is e form one unit, due in the
// period containing e; evergreen lines are never due. Expiring MRR = the MRR of the unit's lines active on its
// last active day up to e (so a cancelled term still shows what was lost). The successor is the set of the
// entity's lines starting on the first start day s in [e+1, e+1+grace]; lines starting after as-of are not in
// the groups (not known yet). Lines never active (cancel_date ≤ start) take no part on either side.
// Built from the per-entity line groups with one scratch buffer: typed arrays, no object per unit.
import type { Day } from '../model/calendar.js';
import type { LinesByEntity } from '../model/group-lines.js';
import { OPEN_DAY, type LineStore } from '../model/line-store.js';

export const NO_SUCCESSOR = -1;

export interface RenewalUnits {
  count: number;
  entity: Int32Array;
  end: Int32Array;
  /** Lines of unit u: lines[lineOffsets[u] .. lineOffsets[u+1]), sorted by (start, line). */
  lineOffsets: Int32Array;
  lines: Int32Array;
  /** Last day any line of the unit was active (before end only when every line was cancelled). */
  lastActive: Int32Array;
  /** Σ MRR of the unit's lines active on lastActive, integer minor units. */
  expiring: Float64Array;
  /** 1 when every line of the unit was cancelled (cancel_date ≤ end_date). */
  cancelled: Uint8Array;
  /** First successor start day s, or NO_SUCCESSOR. */
  successorStart: Int32Array;
  /** Successor lines: groups.order[successorFrom .. successorTo), skipping lines that are never active. */
  successorFrom: Int32Array;
  successorTo: Int32Array;
  successorMrr: Float64Array;
}

/** Last day a line serves by itself (no grace): the day before cancel_date, or end_date. */
export function ownLastDay(store: LineStore, line: number): Day {
  const cancel = store.cancel[line]!;
  const end = store.end[line]!;
  return cancel !== OPEN_DAY && cancel <= end ? cancel - 1 : end;
}

export function isNeverActive(store: LineStore, line: number): boolean {
  return ownLastDay(store, line) < store.start[line]!;
}

/** Units whose end date is at most `horizon` (the last day of the last period computed). */
export function buildRenewalUnits(store: LineStore, groups: LinesByEntity, graceDays: number, horizon: Day): RenewalUnits {
  const { offsets, order } = groups;
  const entityCount = offsets.length - 1;
  let bound = 0;
  let widest = 0;
  for (let e = 0; e < entityCount; e++) {
    widest = Math.max(widest, offsets[e + 1]! - offsets[e]!);
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) if (store.end[order[k]!]! <= horizon) bound++;
  }
  const units = allocate(bound);
  const scratch = new Int32Array(widest);
  const { start, end, mrr } = store;
  let u = 0;
  let written = 0;
  for (let entity = 0; entity < entityCount; entity++) {
    const from = offsets[entity]!;
    const to = offsets[entity + 1]!;
    let n = 0;
    for (let k = from; k < to; k++) {
      const line = order[k]!;
      if (end[line]! <= horizon && !isNeverActive(store, line)) scratch[n++] = line;
    }
    if (n === 0) continue;
    sortByEnd(scratch, n, end);
    for (let i = 0; i < n; ) {
      const e = end[scratch[i]!]!;
      let j = i;
      let lastActive = -OPEN_DAY;
      while (j < n && end[scratch[j]!] === e) {
        const line = scratch[j++]!;
        units.lines[written++] = line;
        lastActive = Math.max(lastActive, ownLastDay(store, line));
      }
      let expiring = 0;
      for (let k = i; k < j; k++) {
        const line = scratch[k]!;
        if (start[line]! <= lastActive && lastActive <= ownLastDay(store, line)) expiring += mrr[line]!;
      }
      units.entity[u] = entity;
      units.end[u] = e;
      units.lastActive[u] = lastActive;
      units.expiring[u] = expiring;
      units.cancelled[u] = lastActive < e ? 1 : 0;
      findSuccessor(store, order, from, to, e, graceDays, units, u);
      units.lineOffsets[++u] = written;
      i = j;
    }
  }
  return trim(units, u);
}

/** The first start day in [e+1, e+1+grace] among lines that are ever active, and the lines starting on it. */
function findSuccessor(store: LineStore, order: Int32Array, from: number, to: number, e: Day, graceDays: number, units: RenewalUnits, u: number): void {
  const start = store.start;
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[order[mid]!]! < e + 1) lo = mid + 1;
    else hi = mid;
  }
  while (lo < to && isNeverActive(store, order[lo]!)) lo++;
  if (lo === to || start[order[lo]!]! > e + 1 + graceDays) {
    units.successorStart[u] = NO_SUCCESSOR;
    units.successorFrom[u] = lo;
    units.successorTo[u] = lo;
    units.successorMrr[u] = 0;
    return;
  }
  const s = start[order[lo]!]!;
  let k = lo;
  let total = 0;
  while (k < to && start[order[k]!] === s) {
    const line = order[k++]!;
    if (!isNeverActive(store, line)) total += store.mrr[line]!;
  }
  units.successorStart[u] = s;
  units.successorFrom[u] = lo;
  units.successorTo[u] = k;
  units.successorMrr[u] = total;
}

/** Stable sort of scratch[0, n) by end day (lines arrive sorted by start, so units come out sorted by start). */
function sortByEnd(scratch: Int32Array, n: number, end: Int32Array): void {
  if (n > 32) {
    const part = Array.from(scratch.subarray(0, n));
    part.sort((a, b) => end[a]! - end[b]!);
    scratch.set(part);
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = scratch[i]!;
    const ex = end[x]!;
    let j = i - 1;
    while (j >= 0 && end[scratch[j]!]! > ex) {
      scratch[j + 1] = scratch[j]!;
      j--;
    }
    scratch[j + 1] = x;
  }
}

function allocate(bound: number): RenewalUnits {
  return {
    count: 0,
    entity: new Int32Array(bound),
    end: new Int32Array(bound),
    lineOffsets: new Int32Array(bound + 1),
    lines: new Int32Array(bound),
    lastActive: new Int32Array(bound),
    expiring: new Float64Array(bound),
    cancelled: new Uint8Array(bound),
    successorStart: new Int32Array(bound),
    successorFrom: new Int32Array(bound),
    successorTo: new Int32Array(bound),
    successorMrr: new Float64Array(bound),
  };
}

function trim(units: RenewalUnits, count: number): RenewalUnits {
  return {
    count,
    entity: units.entity.subarray(0, count),
    end: units.end.subarray(0, count),
    lineOffsets: units.lineOffsets.subarray(0, count + 1),
    lines: units.lines.subarray(0, units.lineOffsets[count]),
    lastActive: units.lastActive.subarray(0, count),
    expiring: units.expiring.subarray(0, count),
    cancelled: units.cancelled.subarray(0, count),
    successorStart: units.successorStart.subarray(0, count),
    successorFrom: units.successorFrom.subarray(0, count),
    successorTo: units.successorTo.subarray(0, count),
    successorMrr: units.successorMrr.subarray(0, count),
  };
}
