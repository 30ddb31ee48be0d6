// When each line is active (METRICS.md §3): start ≤ d ≤ end and d < cancel_date, bridged over a late
// renewal or up to as-of for a pending renewal, within the grace days. Grace looks at the next start of
// the same entity; an effectively cancelled line (cancel_date ≤ end) gets none. Lines starting after
// as-of are not known yet and take no part (they still count as used rows).
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import type { LinesByEntity } from '../model/group-lines.js';
import type { Day } from '../model/calendar.js';

export interface ActiveSpans {
  /** First and last active day of each line (inclusive); last < first when never active. */
  first: Int32Array;
  last: Int32Array;
  /** Lines whose cancel_date is on or before their start (never active). */
  cancelledBeforeStart: number[];
}

export function computeActiveSpans(store: LineStore, groups: LinesByEntity, asOf: Day, graceDays: number): ActiveSpans {
  const first = new Int32Array(store.length);
  const last = new Int32Array(store.length).fill(-1);
  first.fill(0);
  const cancelledBeforeStart: number[] = [];
  const { offsets, order } = groups;
  const entityCount = offsets.length - 1;
  for (let e = 0; e < entityCount; e++) {
    const from = offsets[e]!;
    const to = offsets[e + 1]!;
    for (let k = from; k < to; k++) {
      const line = order[k]!;
      const start = store.start[line]!;
      const end = store.end[line]!;
      const cancel = store.cancel[line]!;
      first[line] = start;
      const cancelled = cancel !== OPEN_DAY && cancel <= end;
      const lastDay = cancelled ? cancel - 1 : end;
      if (lastDay < start) {
        cancelledBeforeStart.push(line);
        last[line] = start - 1;
        continue;
      }
      if (cancelled || lastDay === OPEN_DAY) {
        last[line] = lastDay;
        continue;
      }
      const next = firstStartOnOrAfter(store, order, k + 1, to, lastDay + 1);
      if (next !== undefined && next <= lastDay + 1 + graceDays) last[line] = next - 1; // late renewal bridged
      else if (next === undefined && asOf <= lastDay + graceDays) last[line] = Math.max(lastDay, asOf); // pending
      else last[line] = lastDay;
    }
  }
  return { first, last, cancelledBeforeStart };
}

/**
 * The smallest start ≥ day among order[from, to) (sorted by start), or undefined. A line cancelled on or
 * before its start never served anybody, so it is no next term (as for renewal successors, §7).
 */
function firstStartOnOrAfter(store: LineStore, order: Int32Array, from: number, to: number, day: Day): Day | undefined {
  const start = store.start;
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[order[mid]!]! < day) lo = mid + 1;
    else hi = mid;
  }
  while (lo < to && store.cancel[order[lo]!]! <= start[order[lo]!]!) lo++;
  return lo < to ? start[order[lo]!] : undefined;
}
