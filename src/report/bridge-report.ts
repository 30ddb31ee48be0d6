// (spec, dataset) → the bridge report: one row per period with the money bridge, counts and rates of
// METRICS.md §4–§5 (rows in bridge-row.ts, where the identity is checked; segment rows in bridge-segment-rows.ts).
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dataset } from '../model/dataset.js';
import { computeBridge } from '../metrics/bridge.js';
import { computeBridgeExact, floatSumsExact } from '../metrics/bridge-exact.js';
import { bridgeRow, type BridgeRow } from './bridge-row.js';
import { buildSegmentRows } from './bridge-segment-rows.js';
import type { ReportSpec } from './spec.js';
import { prepareSweep } from './sweep.js';

export interface BridgeReport {
  command: 'bridge';
  spec: ReportSpec;
  rows: BridgeRow[];
  warnings: Diagnostic[];
}

export function buildBridgeReport(spec: ReportSpec, dataset: Dataset): BridgeReport {
  const sweep = prepareSweep(spec, dataset);
  const segments = spec.segments !== undefined && spec.segments.by.length > 0 ? spec.segments : undefined;
  // Past 2^53 minor units the unsegmented bridge sums in BigInt (cli/load-input.ts refuses such inputs elsewhere).
  const exact = segments || floatSumsExact(sweep.events) ? undefined : computeBridgeExact(sweep.events, dataset.entities.count, sweep.firstActive, sweep.grid);
  const facts = exact?.facts ?? computeBridge(sweep.events, dataset.entities.count, sweep.firstActive, sweep.grid);
  // Dataset warnings are the caller's to print (load-input.ts); these are the report's own.
  const warnings = [...sweep.warnings];
  if (facts.negativeEntities.length > 0) {
    const names = facts.negativeEntities.slice(0, 5).map((e) => dataset.entities.name(e));
    warnings.push(
      warning('NEGATIVE_ENTITY_MRR', `${facts.negativeEntities.length} ${dataset.entities.level}(s) had MRR below zero on a snapshot day, counted as zero: ${names.join(', ')}${facts.negativeEntities.length > 5 ? ', …' : ''}`, undefined, 'check credit lines against their terms'),
    );
  }
  const rows = segments
    ? buildSegmentRows(spec, segments, dataset, sweep, facts)
    : Array.from({ length: sweep.grid.count }, (_, p) => bridgeRow(spec, sweep.grid, facts, p, p, null, exact?.cells));
  return { command: 'bridge', spec, rows, warnings };
}

