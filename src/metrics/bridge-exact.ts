// The CMRR bridge of METRICS.md §4 in exact integer arithmetic, for inputs whose sums can pass 2^53 minor
// units (about 9 × 10^13 USD), where Float64 sums stop being exact. The same sweep as bridge.ts over one
// segment, with BigInt entity MRR and cell sums: slower, never approximate. floatSumsExact() decides:
// below its bound every sum of the fast sweep (and × 12 for ARR, and the identity check) is exact.
import { OPEN_DAY } from '../model/line-store.js';
import { buildQueryDays, emptyBridgeFacts, moneyMeasures, type BridgeFacts, type MoneyMeasure } from './bridge.js';
import type { EntityEvents } from './entity-events.js';
import type { PeriodGrid } from './period-grid.js';

/**
 * Σ|event MRR| below 2^46: a cell sums at most that much per measure, ×12 for ARR, and the identity adds four
 * measures, so every Float64 sum stays below 2^52 (exact integers up to 2^53).
 */
const FLOAT_EXACT_LIMIT = 2 ** 46;

/** The same bound from the lines alone (each line makes at most two events of ±its MRR): conservative. */
export function linesFloatExact(mrr: Float64Array, count: number): boolean {
  let total = 0;
  for (let i = 0; i < count; i++) total += 2 * Math.abs(mrr[i]!);
  return total < FLOAT_EXACT_LIMIT;
}

export function floatSumsExact(events: EntityEvents): boolean {
  let total = 0;
  const { delta } = events;
  for (let k = 0; k < delta.length; k++) total += Math.abs(delta[k]!);
  return total < FLOAT_EXACT_LIMIT;
}

/** Exact per-cell sums (the cells of BridgeFacts: one per period here). */
export interface ExactCells {
  money: Record<MoneyMeasure, bigint[]>;
  ttmThen: bigint[];
  ttmNow: bigint[];
  ttmMin: bigint[];
}

export interface ExactBridge {
  /** Counts exact; money and TTM sums rounded to the nearest Float64 (for charts and checks only). */
  facts: BridgeFacts;
  cells: ExactCells;
}

/** First day on which each entity's MRR is above zero (OPEN_DAY when never), summed exactly. */
export function firstActiveDaysExact(events: EntityEvents, entityCount: number): Int32Array {
  const result = new Int32Array(entityCount).fill(OPEN_DAY);
  const { offsets, day, delta } = events;
  for (let e = 0; e < entityCount; e++) {
    let running = 0n;
    let k = offsets[e]!;
    const end = offsets[e + 1]!;
    while (k < end) {
      const d = day[k]!;
      while (k < end && day[k] === d) running += BigInt(delta[k++]!);
      if (running > 0n) {
        result[e] = d;
        break;
      }
    }
  }
  return result;
}

export function computeBridgeExact(events: EntityEvents, entityCount: number, firstActive: Int32Array, grid: PeriodGrid): ExactBridge {
  const facts = emptyBridgeFacts(grid.count, 1);
  const zeros = (): bigint[] => new Array<bigint>(grid.count).fill(0n);
  const cells: ExactCells = {
    money: Object.fromEntries(moneyMeasures.map((m) => [m, zeros()])) as Record<MoneyMeasure, bigint[]>,
    ttmThen: zeros(),
    ttmNow: zeros(),
    ttmMin: zeros(),
  };
  if (grid.count === 0) return { facts, cells };
  const query = buildQueryDays(grid);
  const values = new Array<bigint>(query.days.length).fill(0n);
  const { money, ttmThen, ttmNow, ttmMin } = cells;
  const counts = facts.counts;
  const { offsets, day, delta } = events;
  for (let entity = 0; entity < entityCount; entity++) {
    const from = offsets[entity]!;
    const to = offsets[entity + 1]!;
    if (from === to) continue;
    let k = from;
    let running = 0n;
    let negative = false;
    for (let q = 0; q < query.days.length; q++) {
      const d = query.days[q]!;
      while (k < to && day[k]! <= d) running += BigInt(delta[k++]!);
      if (running < 0n) negative = true;
      values[q] = running > 0n ? running : 0n;
    }
    if (negative) facts.negativeEntities.push(entity);
    const first = firstActive[entity]!;
    let b = values[query.beginIndex]!;
    for (let p = 0; p < grid.count; p++) {
      const e = values[query.endIndex[p]!]!;
      const then = values[query.ttmIndex[p]!]!;
      if (b === 0n && e === 0n && then === 0n) continue;
      if (b > 0n) {
        money.begin[p]! += b;
        counts.begin[p]!++;
        if (e === 0n) {
          money.churn[p]! += b;
          counts.churned[p]!++;
        } else if (e > b) {
          money.expansion[p]! += e - b;
          counts.expanded[p]!++;
        } else if (e < b) {
          money.contraction[p]! += b - e;
          counts.contracted[p]!++;
        }
      } else if (e > 0n) {
        if (first < grid.starts[p]!) {
          money.reactivation[p]! += e;
          counts.reactivated[p]!++;
        } else {
          money.new[p]! += e;
          counts.new[p]!++;
        }
      }
      if (e > 0n) {
        money.end[p]! += e;
        counts.end[p]!++;
      }
      if (then > 0n) {
        ttmThen[p]! += then;
        ttmNow[p]! += e;
        ttmMin[p]! += e < then ? e : then;
      }
      b = e;
    }
  }
  for (const m of moneyMeasures) facts.money[m].set(money[m].map(Number));
  facts.ttmThen.set(ttmThen.map(Number));
  facts.ttmNow.set(ttmNow.map(Number));
  facts.ttmMin.set(ttmMin.map(Number));
  return { facts, cells };
}
