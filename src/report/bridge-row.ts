// One row of the bridge (METRICS.md §4–§5): money (×12 for ARR), counts and rates of one cell of the sweep's
// facts, for the total and for every segment. The bridge identity is checked on every row; a violation is a
// bug (exit 70), never printed.
import type { Day } from '../model/calendar.js';
import { combineMinor, exactMinor, Rate, type Minor, type MinorSum } from '../model/money.js';
import { countMeasures, moneyMeasures, type BridgeFacts, type CountMeasure, type MoneyMeasure } from '../metrics/bridge.js';
import type { ExactCells } from '../metrics/bridge-exact.js';
import type { PeriodGrid } from '../metrics/period-grid.js';
import { bridgeRates, type RateName } from './bridge-rates.js';
import type { ReportSpec } from './spec.js';

export interface BridgeRow {
  period: string;
  start: Day;
  end: Day;
  partial: boolean;
  segment: Readonly<Record<string, string>> | null;
  /** Exact sums: numbers, bigints only past 2^53 minor units (model/money.ts MinorSum). */
  money: Record<MoneyMeasure, MinorSum>;
  counts: Record<CountMeasure, number>;
  rates: Record<RateName, Rate | null>;
  /** On segment rows only: MRR and entities that entered or left the segment at the start of the period. */
  flow?: SegmentFlow;
}

export interface SegmentFlow {
  movedIn: Minor;
  movedOut: Minor;
  movedInCount: number;
  movedOutCount: number;
}

export class BridgeIdentityError extends Error {}

/**
 * The row of one cell of the facts: money (×12 for ARR), counts and rates, identity checked. With `exact`
 * (the BigInt sweep), money and TTM sums come from it and may be bigints beyond 2^53.
 */
export function bridgeRow(spec: ReportSpec, grid: PeriodGrid, facts: BridgeFacts, p: number, cell: number, segment: Readonly<Record<string, string>> | null, exact?: ExactCells): BridgeRow {
  const factor = spec.unit === 'arr' ? 12 : 1;
  const money = {} as Record<MoneyMeasure, MinorSum>;
  for (const m of moneyMeasures) money[m] = exact ? exactMinor(exact.money[m][cell]! * BigInt(factor)) : facts.money[m][cell]! * factor;
  const ttm = exact
    ? { then: exactMinor(exact.ttmThen[cell]!), now: exactMinor(exact.ttmNow[cell]!), min: exactMinor(exact.ttmMin[cell]!) }
    : { then: facts.ttmThen[cell]!, now: facts.ttmNow[cell]!, min: facts.ttmMin[cell]! };
  const counts = {} as Record<CountMeasure, number>;
  for (const c of countMeasures) counts[c] = facts.counts[c][cell]!;
  checkIdentity(grid.labels[p]!, money);
  return {
    period: grid.labels[p]!,
    start: grid.starts[p]!,
    end: grid.periodEnds[p]!,
    partial: grid.partial[p]!,
    segment,
    money,
    counts,
    rates: bridgeRates(money, counts, ttm, spec),
  };
}

function checkIdentity(period: string, m: Record<MoneyMeasure, MinorSum>): void {
  const computed = combineMinor([m.begin, m.new, m.expansion, m.reactivation], [m.contraction, m.churn]);
  if (computed !== m.end) {
    throw new BridgeIdentityError(`bridge of ${period} does not reconcile: begin + movements = ${computed}, end = ${m.end} (minor units)`);
  }
}
