// Lines → +MRR / −MRR events per entity (METRICS.md §3): +mrr on the first active day, −mrr the day
// after the last. An entity's MRR on day d is the sum of its events on or before d.
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import type { ActiveSpans } from './active-spans.js';

export interface EntityEvents {
  /** Events of entity e are at [offsets[e], offsets[e+1]), sorted by day. */
  offsets: Int32Array;
  day: Int32Array;
  delta: Float64Array;
  /** Line behind each event (for drill-down and segment attribution). */
  line: Int32Array;
}

export function buildEntityEvents(store: LineStore, entityOf: Int32Array, entityCount: number, spans: ActiveSpans): EntityEvents {
  const offsets = new Int32Array(entityCount + 1);
  const eventsOf = (i: number): number => {
    if (store.mrr[i] === 0 || spans.last[i]! < spans.first[i]!) return 0;
    return spans.last[i] === OPEN_DAY ? 1 : 2;
  };
  for (let i = 0; i < store.length; i++) offsets[entityOf[i]! + 1]! += eventsOf(i);
  for (let e = 0; e < entityCount; e++) offsets[e + 1]! += offsets[e]!;
  const total = offsets[entityCount]!;
  const day = new Int32Array(total);
  const delta = new Float64Array(total);
  const line = new Int32Array(total);
  const cursor = offsets.slice(0, entityCount);
  for (let i = 0; i < store.length; i++) {
    const n = eventsOf(i);
    if (n === 0) continue;
    const e = entityOf[i]!;
    let k = cursor[e]!++;
    day[k] = spans.first[i]!;
    delta[k] = store.mrr[i]!;
    line[k] = i;
    if (n === 2) {
      k = cursor[e]!++;
      day[k] = spans.last[i]! + 1;
      delta[k] = -store.mrr[i]!;
      line[k] = i;
    }
  }
  for (let e = 0; e < entityCount; e++) sortEvents(day, delta, line, offsets[e]!, offsets[e + 1]!);
  return { offsets, day, delta, line };
}

function sortEvents(day: Int32Array, delta: Float64Array, line: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    const idx = Array.from({ length: to - from }, (_, k) => from + k);
    idx.sort((a, b) => day[a]! - day[b]! || line[a]! - line[b]! || delta[a]! - delta[b]!);
    const d = idx.map((k) => day[k]!);
    const v = idx.map((k) => delta[k]!);
    const l = idx.map((k) => line[k]!);
    day.set(d, from);
    delta.set(v, from);
    line.set(l, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const dx = day[i]!;
    const vx = delta[i]!;
    const lx = line[i]!;
    let j = i - 1;
    while (j >= from && day[j]! > dx) {
      day[j + 1] = day[j]!;
      delta[j + 1] = delta[j]!;
      line[j + 1] = line[j]!;
      j--;
    }
    day[j + 1] = dx;
    delta[j + 1] = vx;
    line[j + 1] = lx;
  }
}

/** First day on which each entity's MRR is above zero; OPEN_DAY when never. */
export function firstActiveDays(events: EntityEvents, entityCount: number): Int32Array {
  const result = new Int32Array(entityCount).fill(OPEN_DAY);
  const { offsets, day, delta } = events;
  for (let e = 0; e < entityCount; e++) {
    let running = 0;
    let k = offsets[e]!;
    const end = offsets[e + 1]!;
    while (k < end) {
      const d = day[k]!;
      while (k < end && day[k] === d) running += delta[k++]!;
      if (running > 0) {
        result[e] = d;
        break;
      }
    }
  }
  return result;
}
