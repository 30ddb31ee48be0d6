// The segment of each entity in each period of a grid (METRICS.md §6), as the bridge sweep's Segmenter:
// the largest line at begin(P) when the entity had MRR then, else at the end of P; an entity counted only
// for the trailing-twelve-month rates (no MRR at begin or end) takes its segment on the TTM day.
// Per entity, one walk of its events over the grid's snapshot days fills the deciding lines.
import type { Segmenter } from './bridge.js';
import type { PeriodGrid } from './period-grid.js';
import type { SegmentAttribution } from './segment-attribution.js';

export class PeriodSegmenter implements Segmenter {
  readonly count: number;
  /** begin(first period), then the end snapshot of each period: begin(P) = days[P], end(P) = days[P + 1]. */
  private readonly days: Int32Array;
  private readonly lines: Int32Array;
  private readonly mrr: Float64Array;

  constructor(
    private readonly attribution: SegmentAttribution,
    private readonly grid: PeriodGrid,
  ) {
    this.count = attribution.scheme.count;
    this.days = new Int32Array(grid.count + 1);
    this.days[0] = grid.beginDay;
    this.days.set(grid.ends, 1);
    this.lines = new Int32Array(grid.count + 1);
    this.mrr = new Float64Array(grid.count + 1);
  }

  enter(entity: number): void {
    this.attribution.fill(entity, this.days, this.lines, this.mrr);
  }

  segment(entity: number, period: number, b: number, e: number): number {
    const scheme = this.attribution.scheme;
    if (b > 0) return scheme.segmentOf(entity, this.lines[period]!, this.days[period]!, b);
    if (e > 0) return scheme.segmentOf(entity, this.lines[period + 1]!, this.days[period + 1]!, e);
    const segment = this.attribution.segmentOnDay(entity, this.grid.ttmDays[period]!);
    if (segment < 0) throw new RangeError(`entity ${entity} has no MRR at begin, end or TTM day of period ${period}`);
    return segment;
  }
}
