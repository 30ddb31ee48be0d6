// (spec, dataset) → the cohort report: per cohort (and segment), its size in entities and start MRR, and
// at each age the logo, gross and net dollar retention; per segment a weighted average over the cohorts
// that reached each age with a complete period (Σ numerators ÷ Σ denominators; the partial period is
// left out of the averages). Checked: age 0 of every cohort retains 100%, and the cohort sizes of a period
// equal the bridge's new entities and new MRR of that period.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Day } from '../model/calendar.js';
import type { Dataset } from '../model/dataset.js';
import { Rate, type Minor } from '../model/money.js';
import { computeBridge } from '../metrics/bridge.js';
import { computeCohorts, type CohortFacts } from '../metrics/cohorts.js';
import type { SegmentScheme } from '../metrics/segment-scheme.js';
import { prepareSweep } from './sweep.js';
import { segmentAttribution, SegmentSumError } from './segment-attribution.js';
import type { ReportSpec } from './spec.js';

export const cohortMetrics = ['logo', 'grr', 'nrr'] as const;
export type CohortMetric = (typeof cohortMetrics)[number];

export interface CohortAge {
  age: number;
  period: string;
  partial: boolean;
  active: number;
  mrr: Minor;
  retainedMrr: Minor;
  rates: Record<CohortMetric, Rate | null>;
}

export interface CohortRow {
  cohort: string;
  start: Day;
  end: Day;
  segment: Readonly<Record<string, string>> | null;
  sizeCount: number;
  sizeMrr: Minor;
  ages: CohortAge[];
}

export interface CohortAverage {
  segment: Readonly<Record<string, string>> | null;
  ages: { age: number; cohorts: number; rates: Record<CohortMetric, Rate | null> }[];
}

export interface CohortsReport {
  command: 'cohorts';
  spec: ReportSpec;
  rows: CohortRow[];
  averages: CohortAverage[];
  warnings: Diagnostic[];
}

export function buildCohortsReport(spec: ReportSpec, dataset: Dataset): CohortsReport {
  const sweep = prepareSweep(spec, dataset);
  const { grid } = sweep;
  const warnings = [...sweep.warnings];
  let scheme: SegmentScheme | undefined;
  let segmentOf = (_entity: number, _day: number): number => 0;
  if (spec.segments !== undefined && spec.segments.by.length > 0) {
    // Cells are cohorts × ages × segments.
    const attribution = segmentAttribution(spec.segments, dataset, sweep, grid.count * grid.count);
    scheme = attribution.scheme;
    segmentOf = (entity, day) => attribution.segmentOnDay(entity, day);
  }
  const facts = computeCohorts(sweep.events, dataset.entities.count, sweep.firstActive, grid, scheme?.count ?? 1, segmentOf);
  checkAgainstBridge(facts, computeBridge(sweep.events, dataset.entities.count, sweep.firstActive, grid), grid.labels);
  if (facts.withoutStart > 0) {
    warnings.push(warning('COHORT_WITHOUT_START', `${facts.withoutStart} ${dataset.entities.level}(s) were active only inside their first period (no MRR at its end) and are in no cohort`, undefined, 'they show as reactivations in the bridge when they come back'));
  }
  const factor = spec.unit === 'arr' ? 12 : 1;
  const segments = Array.from({ length: facts.segmentCount }, (_, s) => s).filter((s) => hasMembers(facts, s));
  if (scheme) segments.sort((a, b) => scheme.compare(a, b));
  const rows: CohortRow[] = [];
  const averages: CohortAverage[] = [];
  for (const s of segments) {
    const labels = scheme ? scheme.labels(s) : null;
    for (let c = 0; c < grid.count; c++) {
      const group = c * facts.segmentCount + s;
      const size = facts.sizeCount[group]!;
      if (size === 0) continue;
      const start = facts.sizeMrr[group]!;
      const ages: CohortAge[] = [];
      for (let a = 0; a + c < grid.count; a++) {
        const cell = group * grid.count + a;
        const active = facts.activeCount[cell]!;
        const mrr = facts.mrrNow[cell]!;
        const retained = facts.mrrRetained[cell]!;
        ages.push({
          age: a,
          period: grid.labels[c + a]!,
          partial: grid.partial[c + a]!,
          active,
          mrr: mrr * factor,
          retainedMrr: retained * factor,
          rates: { logo: Rate.of(active, size), grr: Rate.of(retained, start), nrr: Rate.of(mrr, start) },
        });
      }
      rows.push({ cohort: grid.labels[c]!, start: grid.starts[c]!, end: grid.periodEnds[c]!, segment: labels, sizeCount: size, sizeMrr: start * factor, ages });
    }
    averages.push({ segment: labels, ages: weightedAverages(facts, s, grid.partial) });
  }
  return { command: 'cohorts', spec, rows, averages, warnings };
}

function hasMembers(facts: CohortFacts, segment: number): boolean {
  for (let c = 0; c < facts.periods; c++) if (facts.sizeCount[c * facts.segmentCount + segment]! > 0) return true;
  return false;
}

/** Per age: Σ over cohorts whose period at that age is complete. */
function weightedAverages(facts: CohortFacts, segment: number, partial: readonly boolean[]): CohortAverage['ages'] {
  const n = facts.periods;
  const result: CohortAverage['ages'] = [];
  for (let a = 0; a < n; a++) {
    let cohorts = 0;
    let size = 0;
    let start = 0;
    let active = 0;
    let now = 0;
    let retained = 0;
    for (let c = 0; c + a < n; c++) {
      const group = c * facts.segmentCount + segment;
      if (facts.sizeCount[group] === 0 || partial[c + a]) continue;
      const cell = group * n + a;
      cohorts++;
      size += facts.sizeCount[group]!;
      start += facts.sizeMrr[group]!;
      active += facts.activeCount[cell]!;
      now += facts.mrrNow[cell]!;
      retained += facts.mrrRetained[cell]!;
    }
    if (cohorts === 0) continue;
    result.push({ age: a, cohorts, rates: { logo: Rate.of(active, size), grr: Rate.of(retained, start), nrr: Rate.of(now, start) } });
  }
  return result;
}

/** Cohort sizes of each period = the bridge's new count and MRR; age 0 keeps everyone. A bug otherwise. */
function checkAgainstBridge(facts: CohortFacts, bridge: ReturnType<typeof computeBridge>, labels: readonly string[]): void {
  const n = facts.periods;
  for (let c = 0; c < n; c++) {
    let count = 0;
    let mrr = 0;
    for (let s = 0; s < facts.segmentCount; s++) {
      const group = c * facts.segmentCount + s;
      count += facts.sizeCount[group]!;
      mrr += facts.sizeMrr[group]!;
      if (facts.activeCount[group * n] !== facts.sizeCount[group] || facts.mrrNow[group * n] !== facts.sizeMrr[group]) {
        throw new SegmentSumError(`cohort ${labels[c]} does not keep all its members at age 0`);
      }
    }
    if (count !== bridge.counts.new[c] || mrr !== bridge.money.new[c]) {
      throw new SegmentSumError(`cohort ${labels[c]}: ${count} members / ${mrr} MRR, but the bridge has ${bridge.counts.new[c]} new / ${bridge.money.new[c]}`);
    }
  }
}
