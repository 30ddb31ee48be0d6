// Cohort retention: entities grouped by the period of their first activity, followed period by period.
// A cohort's members are the entities the bridge counts as new in that period (first active in it and
// MRR > 0 at its end); their start MRR is that end snapshot. At each age a (periods since the cohort's
// period) the sums over members give logo retention (active ÷ size), gross dollar retention
// (Σ min(now, start) ÷ Σ start) and net dollar retention (Σ now ÷ Σ start). One merge of each entity's
// events over the snapshot days from its cohort on; sums per (cohort, segment, age), never per entity.
import { OPEN_DAY } from '../model/line-store.js';
import { periodOf } from '../model/calendar.js';
import type { EntityEvents } from './entity-events.js';
import type { PeriodGrid } from './period-grid.js';

export interface CohortFacts {
  /** Cohorts are the grid's periods; ages run 0 … grid.count − 1 − cohort. */
  periods: number;
  segmentCount: number;
  /** Per group = cohort × segmentCount + segment: members and their start MRR. */
  sizeCount: Float64Array;
  sizeMrr: Float64Array;
  /** Per group × periods + age: members with MRR > 0, Σ MRR now, Σ min(now, start). */
  activeCount: Float64Array;
  mrrNow: Float64Array;
  mrrRetained: Float64Array;
  /** Entities first active in a shown period but without MRR at its end (never counted as new). */
  withoutStart: number;
}

/** The segment of a member from its MRR at the end of its cohort period (day), or 0 without --by. */
export type CohortSegmentOf = (entity: number, day: number) => number;

export function computeCohorts(
  events: EntityEvents,
  entityCount: number,
  firstActive: Int32Array,
  grid: PeriodGrid,
  segmentCount = 1,
  segmentOf: CohortSegmentOf = () => 0,
): CohortFacts {
  const n = grid.count;
  const groups = n * segmentCount;
  const facts: CohortFacts = {
    periods: n,
    segmentCount,
    sizeCount: new Float64Array(groups),
    sizeMrr: new Float64Array(groups),
    activeCount: new Float64Array(groups * n),
    mrrNow: new Float64Array(groups * n),
    mrrRetained: new Float64Array(groups * n),
    withoutStart: 0,
  };
  const { offsets, day, delta } = events;
  for (let entity = 0; entity < entityCount; entity++) {
    const first = firstActive[entity]!;
    if (first === OPEN_DAY) continue;
    const cohort = periodOf(grid.calendar, first) - grid.first;
    if (cohort < 0 || cohort >= n) continue;
    const to = offsets[entity + 1]!;
    let k = offsets[entity]!;
    let running = 0;
    let start = 0;
    let base = 0;
    for (let p = cohort; p < n; p++) {
      const d = grid.ends[p]!;
      while (k < to && day[k]! <= d) running += delta[k++]!;
      const now = running > 0 ? running : 0;
      if (p === cohort) {
        if (now === 0) {
          facts.withoutStart++;
          break;
        }
        start = now;
        const group = cohort * segmentCount + segmentOf(entity, d);
        facts.sizeCount[group]!++;
        facts.sizeMrr[group]! += start;
        base = group * n;
      }
      const cell = base + (p - cohort);
      if (now > 0) facts.activeCount[cell]!++;
      facts.mrrNow[cell]! += now;
      facts.mrrRetained[cell]! += now < start ? now : start;
    }
  }
  return facts;
}
