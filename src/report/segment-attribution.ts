// Segment attribution for any report (METRICS.md §6): which segment an entity is in on a day or for a
// period, over the sweep's events, refused past MAX_SEGMENT_CELLS periods × segments. Shared by the bridge,
// cohorts, movements, customers and renewals, so it is named after none of them.
import type { Dataset } from '../model/dataset.js';
import type { SegmentSpec } from '../model/segment-spec.js';
import { SegmentAttribution } from '../metrics/segment-attribution.js';
import { SegmentScheme } from '../metrics/segment-scheme.js';
import type { Sweep } from './sweep.js';

export class SegmentSumError extends Error {}

/** Thrown before allocating more cells (periods × segments) than this: a --by column with too many values. */
export class TooManySegmentsError extends Error {}
export const MAX_SEGMENT_CELLS = 1_000_000;

/**
 * The §6 attribution of `segments` over a sweep, for any report: `segmentOnDay(entity, day)` or
 * `segmentForPeriod(entity, beginDay, endDay)` give a segment index (−1 without MRR), and
 * `.scheme.labels(index)` its {key: value}. Refuses more than MAX_SEGMENT_CELLS periods × segments.
 */
export function segmentAttribution(segments: SegmentSpec, dataset: Dataset, sweep: Sweep, periods = sweep.grid.count): SegmentAttribution {
  const scheme = new SegmentScheme(segments, dataset.store, sweep.firstActive);
  if (scheme.count * Math.max(1, periods) > MAX_SEGMENT_CELLS) {
    throw new TooManySegmentsError(`--by ${segments.by.join(',')} makes ${scheme.count} segments × ${periods} periods, more than ${MAX_SEGMENT_CELLS} cells`);
  }
  return new SegmentAttribution(scheme, dataset.store, sweep.events);
}
