// Lines grouped by entity (compressed sparse rows) and sorted by start day within each entity,
// built with a counting sort so no per-entity arrays are allocated.
import type { LineStore } from './line-store.js';

export interface LinesByEntity {
  /** Lines of entity e are order[offsets[e] .. offsets[e+1]). */
  offsets: Int32Array;
  order: Int32Array;
}

/** Groups the lines that `include` accepts, sorted by (start, line index) within each entity. */
export function groupLinesByEntity(
  store: LineStore,
  entityOf: Int32Array,
  entityCount: number,
  include: (line: number) => boolean,
): LinesByEntity {
  const offsets = new Int32Array(entityCount + 1);
  let total = 0;
  for (let i = 0; i < store.length; i++) {
    if (!include(i)) continue;
    offsets[(entityOf[i] ?? 0) + 1]!++;
    total++;
  }
  for (let e = 0; e < entityCount; e++) offsets[e + 1]! += offsets[e]!;
  const cursor = offsets.slice(0, entityCount);
  const order = new Int32Array(total);
  for (let i = 0; i < store.length; i++) {
    if (!include(i)) continue;
    const e = entityOf[i] ?? 0;
    order[cursor[e]!++] = i;
  }
  const start = store.start;
  for (let e = 0; e < entityCount; e++) sortRange(order, offsets[e]!, offsets[e + 1]!, start);
  return { offsets, order };
}

/** Sorts order[from, to) by (key[line], line); insertion sort for the usual handful of lines. */
function sortRange(order: Int32Array, from: number, to: number, key: Int32Array): void {
  if (to - from > 32) {
    const part = Array.from(order.subarray(from, to));
    part.sort((a, b) => key[a]! - key[b]! || a - b);
    order.set(part, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = order[i]!;
    const kx = key[x]!;
    let j = i - 1;
    while (j >= from && (key[order[j]!]! > kx || (key[order[j]!]! === kx && order[j]! > x))) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = x;
  }
}
