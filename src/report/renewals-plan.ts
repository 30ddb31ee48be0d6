// Planned churn (retain renewals --plan / --planned-churn-rate): a churn rate per period and segment, applied
// to the expected CMRR locked at the start of each period, so the plan re-bases every period. The most
// specific row wins: period and segment, then period with segment *, then * with segment, then * and *.
// Planned churn is rounded half-even to minor units; variance = actual − planned (positive: more churn).
import { Rate, roundQuotient, type Minor, type Ratio } from '../model/money.js';

export interface PlanEntry {
  /** Absolute period index (calendar.ts), or '*' for every period. */
  period: number | '*';
  /** A segment label (`region=EMEA`, or the values alone `EMEA`), or '*' for every segment. */
  segment: string;
  rate: Ratio;
}

export interface ChurnPlan {
  entries: readonly PlanEntry[];
  /** Where the plan came from, for the policy block: a file name or `--planned-churn-rate`. */
  source: string;
}

function segmentMatches(entry: PlanEntry, segment: Readonly<Record<string, string>> | null): boolean {
  if (entry.segment === '*') return true;
  if (segment === null) return entry.segment === '' || entry.segment.toLowerCase() === 'total';
  const pairs = Object.entries(segment);
  return entry.segment === pairs.map(([k, v]) => `${k}=${v}`).join(', ') || entry.segment === pairs.map(([, v]) => v).join(', ');
}

/** The plan row that applies to a period (absolute index) and segment, or undefined. */
export function planEntryFor(plan: ChurnPlan, period: number, segment: Readonly<Record<string, string>> | null): PlanEntry | undefined {
  let best: PlanEntry | undefined;
  let bestRank = -1;
  for (const entry of plan.entries) {
    if (entry.period !== '*' && entry.period !== period) continue;
    if (!segmentMatches(entry, segment)) continue;
    const rank = (entry.period === '*' ? 0 : 2) + (entry.segment === '*' ? 0 : 1);
    if (rank > bestRank) {
      best = entry;
      bestRank = rank;
    }
  }
  return best;
}

export interface PlannedChurn {
  rate: Rate | null;
  planned: Minor | null;
  actual: Minor;
  variance: Minor | null;
}

export function plannedChurn(entry: PlanEntry | undefined, lockedExpected: Minor, actual: Minor): PlannedChurn {
  if (entry === undefined) return { rate: null, planned: null, actual, variance: null };
  const planned = roundQuotient([lockedExpected, entry.rate.num], [entry.rate.den]);
  return { rate: Rate.of(entry.rate.num, entry.rate.den), planned, actual, variance: actual - planned };
}
