// The CMRR bridge (METRICS.md §4): for every entity and period, b = MRR at begin(P), e = MRR at the end
// of P, classified as new, reactivation, expansion, contraction or churn, summed per period (and
// segment). One pass over each entity's sorted events; no per-month storage. The identity
// begin + new + expansion + reactivation − contraction − churn = end holds per entity, hence per sum.
import type { EntityEvents } from './entity-events.js';
import type { PeriodGrid } from './period-grid.js';

export const moneyMeasures = ['begin', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'end'] as const;
export const countMeasures = ['begin', 'new', 'reactivated', 'expanded', 'contracted', 'churned', 'end'] as const;
export type MoneyMeasure = (typeof moneyMeasures)[number];
export type CountMeasure = (typeof countMeasures)[number];

/** Sums per (period, segment) cell; cell = period × segmentCount + segment. */
export interface BridgeFacts {
  segmentCount: number;
  money: Record<MoneyMeasure, Float64Array>;
  counts: Record<CountMeasure, Float64Array>;
  /** TTM cohort sums: Σ then, Σ now, Σ min(now, then) over entities with MRR > 0 twelve months before. */
  ttmThen: Float64Array;
  ttmNow: Float64Array;
  ttmMin: Float64Array;
  /**
   * Entities changing segment (METRICS.md §6): in period P+1, an entity whose segment differs from its
   * segment in P moves its end(P) MRR out of the old cell and into the new one, so that a segment's
   * begin(P+1) = end(P) + movedIn(P+1) − movedOut(P+1). All zero with a single segment.
   */
  movedIn: Float64Array;
  movedOut: Float64Array;
  movedInCount: Float64Array;
  movedOutCount: Float64Array;
  /** Entities whose MRR summed below zero on a snapshot day (counted as zero). */
  negativeEntities: number[];
}

/** Chooses the segment of an entity in a period from its MRR at begin (b) and end (e). */
export interface Segmenter {
  count: number;
  /** Called once per entity with events, before its periods (to prepare per-entity lookups). */
  enter?(entity: number): void;
  segment(entity: number, period: number, b: number, e: number): number;
}

export const singleSegment: Segmenter = { count: 1, segment: () => 0 };

/** All-zero sums for `periodCount` periods × `segmentCount` segments. */
export function emptyBridgeFacts(periodCount: number, segmentCount: number): BridgeFacts {
  const cells = periodCount * segmentCount;
  return {
    segmentCount,
    money: Object.fromEntries(moneyMeasures.map((m) => [m, new Float64Array(cells)])) as Record<MoneyMeasure, Float64Array>,
    counts: Object.fromEntries(countMeasures.map((m) => [m, new Float64Array(cells)])) as Record<CountMeasure, Float64Array>,
    ttmThen: new Float64Array(cells),
    ttmNow: new Float64Array(cells),
    ttmMin: new Float64Array(cells),
    movedIn: new Float64Array(cells),
    movedOut: new Float64Array(cells),
    movedInCount: new Float64Array(cells),
    movedOutCount: new Float64Array(cells),
    negativeEntities: [],
  };
}

export function computeBridge(
  events: EntityEvents,
  entityCount: number,
  firstActive: Int32Array,
  grid: PeriodGrid,
  segmenter: Segmenter = singleSegment,
): BridgeFacts {
  const facts = emptyBridgeFacts(grid.count, segmenter.count);
  if (grid.count === 0) return facts;
  const query = buildQueryDays(grid);
  const values = new Float64Array(query.days.length);
  const { money, counts } = facts;
  const { offsets, day, delta } = events;
  for (let entity = 0; entity < entityCount; entity++) {
    const from = offsets[entity]!;
    const to = offsets[entity + 1]!;
    if (from === to) continue;
    // Entity MRR on each query day: events on or before the day, in one merge.
    let k = from;
    let running = 0;
    let negative = false;
    for (let q = 0; q < query.days.length; q++) {
      const d = query.days[q]!;
      while (k < to && day[k]! <= d) running += delta[k++]!;
      if (running < 0) negative = true;
      values[q] = running > 0 ? running : 0;
    }
    if (negative) facts.negativeEntities.push(entity);
    segmenter.enter?.(entity);
    const first = firstActive[entity]!;
    let b = values[query.beginIndex]!;
    let previous = -1;
    for (let p = 0; p < grid.count; p++) {
      const e = values[query.endIndex[p]!]!;
      const then = values[query.ttmIndex[p]!]!;
      if (b === 0 && e === 0 && then === 0) continue;
      const segment = segmenter.segment(entity, p, b, e);
      const cell = p * segmenter.count + segment;
      // b > 0 means the entity ended the previous period with this MRR in segment `previous`.
      if (b > 0 && previous >= 0 && previous !== segment) {
        const left = p * segmenter.count + previous;
        facts.movedOut[left]! += b;
        facts.movedOutCount[left]!++;
        facts.movedIn[cell]! += b;
        facts.movedInCount[cell]!++;
      }
      previous = e > 0 ? segment : -1;
      if (b > 0) {
        money.begin[cell]! += b;
        counts.begin[cell]!++;
        if (e === 0) {
          money.churn[cell]! += b;
          counts.churned[cell]!++;
        } else if (e > b) {
          money.expansion[cell]! += e - b;
          counts.expanded[cell]!++;
        } else if (e < b) {
          money.contraction[cell]! += b - e;
          counts.contracted[cell]!++;
        }
      } else if (e > 0) {
        if (first < grid.starts[p]!) {
          money.reactivation[cell]! += e;
          counts.reactivated[cell]!++;
        } else {
          money.new[cell]! += e;
          counts.new[cell]!++;
        }
      }
      if (e > 0) {
        money.end[cell]! += e;
        counts.end[cell]!++;
      }
      if (then > 0) {
        facts.ttmThen[cell]! += then;
        facts.ttmNow[cell]! += e;
        facts.ttmMin[cell]! += e < then ? e : then;
      }
      b = e;
    }
  }
  return facts;
}

export interface QueryDays {
  days: Int32Array;
  beginIndex: number;
  endIndex: Int32Array;
  ttmIndex: Int32Array;
}

/** All snapshot days, sorted and unique, with the position of each period's begin, end and TTM day. */
export function buildQueryDays(grid: PeriodGrid): QueryDays {
  const all = new Set<number>([grid.beginDay, ...grid.ends, ...grid.ttmDays]);
  const days = Int32Array.from([...all].sort((a, b) => a - b));
  const position = new Map<number, number>();
  days.forEach((d, i) => position.set(d, i));
  return {
    days,
    beginIndex: position.get(grid.beginDay)!,
    endIndex: Int32Array.from(grid.ends, (d) => position.get(d)!),
    ttmIndex: Int32Array.from(grid.ttmDays, (d) => position.get(d)!),
  };
}
