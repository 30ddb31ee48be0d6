// The bridge by segment (METRICS.md §6): per period, one row per segment that has anything in it (in
// segment order), then the total row (segment null) from an unsegmented sweep. Checked before anything
// is printed: segment rows sum exactly to the total row, and a segment's begin(P+1) = end(P) + movedIn −
// movedOut. A violation is a bug (exit 70), never output.
import type { Dataset } from '../model/dataset.js';
import { computeBridge, countMeasures, moneyMeasures, type BridgeFacts } from '../metrics/bridge.js';
import type { PeriodGrid } from '../metrics/period-grid.js';
import type { SegmentSpec } from '../model/segment-spec.js';
import { PeriodSegmenter } from '../metrics/segment-periods.js';
import { bridgeRow, type BridgeRow } from './bridge-row.js';
import { SegmentSumError, segmentAttribution } from './segment-attribution.js';
import type { Sweep } from './sweep.js';
import type { ReportSpec } from './spec.js';

export function buildSegmentRows(spec: ReportSpec, segments: SegmentSpec, dataset: Dataset, sweep: Sweep, totals: BridgeFacts): BridgeRow[] {
  const { grid } = sweep;
  const attribution = segmentAttribution(segments, dataset, sweep);
  const scheme = attribution.scheme;
  const segmenter = new PeriodSegmenter(attribution, grid);
  const facts = computeBridge(sweep.events, dataset.entities.count, sweep.firstActive, grid, segmenter);
  checkSegmentSums(grid, facts, totals);
  checkSegmentFlow(grid, facts);
  const factor = spec.unit === 'arr' ? 12 : 1;
  const rows: BridgeRow[] = [];
  const present: number[] = [];
  for (let p = 0; p < grid.count; p++) {
    present.length = 0;
    for (let s = 0; s < facts.segmentCount; s++) if (hasAnything(facts, p * facts.segmentCount + s)) present.push(s);
    present.sort((a, b) => scheme.compare(a, b));
    for (const s of present) {
      const cell = p * facts.segmentCount + s;
      const row = bridgeRow(spec, grid, facts, p, cell, scheme.labels(s));
      row.flow = {
        movedIn: facts.movedIn[cell]! * factor,
        movedOut: facts.movedOut[cell]! * factor,
        movedInCount: facts.movedInCount[cell]!,
        movedOutCount: facts.movedOutCount[cell]!,
      };
      rows.push(row);
    }
    rows.push(bridgeRow(spec, grid, totals, p, p, null));
  }
  return rows;
}

function hasAnything(facts: BridgeFacts, cell: number): boolean {
  for (const c of countMeasures) if (facts.counts[c][cell] !== 0) return true;
  return facts.ttmThen[cell] !== 0 || facts.movedInCount[cell] !== 0 || facts.movedOutCount[cell] !== 0;
}

/** Every measure of every period: Σ over segments = the total of the unsegmented sweep. */
export function checkSegmentSums(grid: PeriodGrid, facts: BridgeFacts, totals: BridgeFacts): void {
  const series: [string, Float64Array, Float64Array][] = [
    ...moneyMeasures.map((m): [string, Float64Array, Float64Array] => [m, facts.money[m], totals.money[m]]),
    ...countMeasures.map((c): [string, Float64Array, Float64Array] => [`${c} count`, facts.counts[c], totals.counts[c]]),
    ['ttm then', facts.ttmThen, totals.ttmThen],
    ['ttm now', facts.ttmNow, totals.ttmNow],
    ['ttm min', facts.ttmMin, totals.ttmMin],
  ];
  const n = facts.segmentCount;
  for (let p = 0; p < grid.count; p++) {
    for (const [name, bySegment, total] of series) {
      let sum = 0;
      for (let s = 0; s < n; s++) sum += bySegment[p * n + s]!;
      if (sum !== total[p]) {
        throw new SegmentSumError(`segments of ${grid.labels[p]} do not sum to the total: ${name} ${sum} ≠ ${total[p]}`);
      }
    }
  }
}

/** begin(P+1, s) = end(P, s) + movedIn − movedOut, in money and counts; moves out = moves in per period. */
export function checkSegmentFlow(grid: PeriodGrid, facts: BridgeFacts): void {
  const n = facts.segmentCount;
  const { money, counts } = facts;
  for (let p = 1; p < grid.count; p++) {
    let movedIn = 0;
    let movedOut = 0;
    for (let s = 0; s < n; s++) {
      const cell = p * n + s;
      const before = cell - n;
      movedIn += facts.movedIn[cell]!;
      movedOut += facts.movedOut[cell]!;
      const moneyOk = money.begin[cell] === money.end[before]! + facts.movedIn[cell]! - facts.movedOut[cell]!;
      const countOk = counts.begin[cell] === counts.end[before]! + facts.movedInCount[cell]! - facts.movedOutCount[cell]!;
      if (!moneyOk || !countOk) {
        throw new SegmentSumError(`segment ${s} of ${grid.labels[p]}: begin ≠ previous end + moved in − moved out`);
      }
    }
    if (movedIn !== movedOut) throw new SegmentSumError(`${grid.labels[p]}: MRR moved into segments (${movedIn}) ≠ moved out (${movedOut})`);
  }
}
