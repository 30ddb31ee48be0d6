// Which segment an entity is in on a day (METRICS.md §6): the segment value of its largest active line
// (by MRR; ties broken by the value's text order, then by input order), with derived keys computed from
// its MRR that day. Walks the entity's sorted events once, keeping its active lines (usually a handful)
// in a small reusable array and re-picking the largest only when that set changed: nothing is allocated
// per entity or per day.
import type { Day } from '../model/calendar.js';
import type { LineStore } from '../model/line-store.js';
import type { EntityEvents } from './entity-events.js';
import type { SegmentScheme } from './segment-scheme.js';

export class SegmentAttribution {
  private active = new Int32Array(16);
  private activeCount = 0;
  private readonly oneDay = new Int32Array(1);
  private readonly oneLine = new Int32Array(1);
  private readonly oneMrr = new Float64Array(1);

  constructor(
    readonly scheme: SegmentScheme,
    private readonly store: LineStore,
    private readonly events: EntityEvents,
  ) {}

  /**
   * For each of `days` (ascending): the entity's largest active line (−1 when none, or when no column key
   * needs it) into `lines`, and its MRR that day (below zero counts as zero) into `mrr`.
   */
  fill(entity: number, days: Int32Array, lines: Int32Array, mrr: Float64Array): void {
    const { offsets, day, delta, line } = this.events;
    const to = offsets[entity + 1]!;
    const tracking = this.scheme.usesLines;
    let k = offsets[entity]!;
    let running = 0;
    let best = -1;
    let changed = false;
    this.activeCount = 0;
    for (let q = 0; q < days.length; q++) {
      const d = days[q]!;
      for (; k < to && day[k]! <= d; k++) {
        running += delta[k]!;
        if (!tracking) continue;
        const l = line[k]!;
        // A line's first event adds its MRR, its second removes it; MRR ≠ 0 for every evented line.
        if (delta[k] === this.store.mrr[l]) this.add(l);
        else this.remove(l);
        changed = true;
      }
      if (changed) {
        best = this.largest();
        changed = false;
      }
      lines[q] = best;
      mrr[q] = running > 0 ? running : 0;
    }
  }

  /** The segment of an entity on one day, or −1 when its MRR that day is not above zero. */
  segmentOnDay(entity: number, day: Day): number {
    this.oneDay[0] = day;
    this.fill(entity, this.oneDay, this.oneLine, this.oneMrr);
    const mrr = this.oneMrr[0]!;
    return mrr > 0 ? this.scheme.segmentOf(entity, this.oneLine[0]!, day, mrr) : -1;
  }

  /** §6 for a period: the segment at its begin snapshot day, else at its end; −1 when inactive on both. */
  segmentForPeriod(entity: number, beginDay: Day, endDay: Day): number {
    const atBegin = this.segmentOnDay(entity, beginDay);
    return atBegin >= 0 ? atBegin : this.segmentOnDay(entity, endDay);
  }

  private add(l: number): void {
    if (this.activeCount === this.active.length) {
      const grown = new Int32Array(this.active.length * 2);
      grown.set(this.active);
      this.active = grown;
    }
    this.active[this.activeCount++] = l;
  }

  private remove(l: number): void {
    for (let i = 0; i < this.activeCount; i++) {
      if (this.active[i] === l) {
        this.active[i] = this.active[--this.activeCount]!;
        return;
      }
    }
  }

  private largest(): number {
    const mrr = this.store.mrr;
    let best = -1;
    for (let i = 0; i < this.activeCount; i++) {
      const l = this.active[i]!;
      if (best < 0 || mrr[l]! > mrr[best]!) best = l;
      else if (mrr[l] === mrr[best]) {
        const order = this.scheme.compareLines(l, best);
        if (order < 0 || (order === 0 && l < best)) best = l;
      }
    }
    return best;
  }
}
