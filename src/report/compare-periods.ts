// `--compare previous|year-ago`: each period row against the same segment's row one period earlier, or
// the same period a year earlier (12 months, 4 quarters, 1 year, 52 ISO weeks), computed from the
// report's own rows. Money changes are exact minor units; rate changes exact (Rate.minus), shown in
// percentage points; relative changes over |reference| (null when the reference is zero).
// A row whose reference period is not in the report gets `period: null` and null changes; the CLI widens
// --from by the comparison distance first, so the first periods shown still have their reference.
// Any periodic report whose rows carry `money`, `counts` and `rates` records can be compared: its
// CompareMeasures name which keys of those records are set against the reference (bridge, renewals).
import { periodOf, periodStart, periodsPerYear, type Calendar, type Day } from '../model/calendar.js';
import { Rate, type Minor, type MinorSum } from '../model/money.js';
import { countMeasures, moneyMeasures, type CountMeasure, type MoneyMeasure } from '../metrics/bridge.js';
import { rateNames, type RateName } from './bridge-rates.js';
import type { ReportSpec } from './spec.js';

export type CompareAgainst = 'previous' | 'year-ago';

export interface Change {
  change: number;
  relative: Rate | null;
}

/** The measures of one report kind that --compare sets against the reference period, in output order. */
export interface CompareMeasures<M extends string, C extends string, N extends string> {
  money: readonly M[];
  counts: readonly C[];
  rates: readonly N[];
}

export const bridgeCompareMeasures: CompareMeasures<MoneyMeasure, CountMeasure, RateName> = { money: moneyMeasures, counts: countMeasures, rates: rateNames };

/** The part of a period row that --compare reads. */
export interface ComparableRow<M extends string, C extends string, N extends string> {
  period: string;
  start: Day;
  segment: Readonly<Record<string, string>> | null;
  money: Record<M, MinorSum>;
  counts: Record<C, number>;
  rates: Record<N, Rate | null>;
}

export interface PeriodComparison<M extends string = MoneyMeasure, C extends string = CountMeasure, N extends string = RateName> {
  against: CompareAgainst;
  /** The reference period's label, or null when it is not in the report. */
  period: string | null;
  money: Record<M, Change> | null;
  counts: Record<C, Change> | null;
  /** This period's rate minus the reference's; null where either is undefined. */
  rates: Record<N, Rate | null> | null;
}

/** How many periods back the reference lies. */
export function compareDistance(calendar: Calendar, against: CompareAgainst): number {
  return against === 'previous' ? 1 : periodsPerYear(calendar.kind);
}

/** The spec with --from moved back so that the first shown period's reference is computed too. */
export function widenForComparison(spec: ReportSpec, against: CompareAgainst): ReportSpec {
  if (spec.from === undefined) return spec;
  return { ...spec, from: periodStart(spec.calendar, periodOf(spec.calendar, spec.from) - compareDistance(spec.calendar, against)) };
}

function rowKey(period: number, segment: Readonly<Record<string, string>> | null): string {
  if (segment === null) return `${period}`;
  return `${period}\u0000${Object.keys(segment).sort().map((k) => `${k}=${segment[k]!}`).join('\u0000')}`;
}

function change(now: number, then: number): Change {
  return { change: now - then, relative: then === 0 ? null : Rate.of(now - then, Math.abs(then)) };
}

/**
 * One comparison per row of `report`, in the same order. `absentIsZero`: a segment without a row in a
 * reference period that the report has is compared with zeros (renewals list a segment only in the periods
 * where it had a unit due, rolled in or decided, so its absence means nothing happened); otherwise, as in
 * the bridge, the comparison is null.
 */
export function comparePeriods<M extends string, C extends string, N extends string>(
  report: { spec: ReportSpec; rows: readonly ComparableRow<M, C, N>[] },
  measures: CompareMeasures<M, C, N>,
  against: CompareAgainst,
  absentIsZero = false,
): PeriodComparison<M, C, N>[] {
  const calendar = report.spec.calendar;
  const distance = compareDistance(calendar, against);
  const byKey = new Map(report.rows.map((r) => [rowKey(periodOf(calendar, r.start), r.segment), r]));
  const labels = new Map(report.rows.map((r) => [periodOf(calendar, r.start), r.period]));
  return report.rows.map((row) => {
    const referencePeriod = periodOf(calendar, row.start) - distance;
    const reference = byKey.get(rowKey(referencePeriod, row.segment));
    const label = reference?.period ?? (absentIsZero ? labels.get(referencePeriod) : undefined);
    if (label === undefined) return { against, period: null, money: null, counts: null, rates: null };
    const money = {} as Record<M, Change>;
    for (const m of measures.money) money[m] = change(row.money[m] as Minor, reference ? (reference.money[m] as Minor) : 0);
    const counts = {} as Record<C, Change>;
    for (const c of measures.counts) counts[c] = change(row.counts[c], reference ? reference.counts[c] : 0);
    const rates = {} as Record<N, Rate | null>;
    for (const n of measures.rates) {
      const now = row.rates[n];
      // A row of zeros has every rate undefined (its denominators are zero).
      const then = reference ? reference.rates[n] : null;
      rates[n] = now === null || then === null ? null : now.minus(then);
    }
    return { against, period: label, money, counts, rates };
  });
}

/** Drops the rows added by widenForComparison (before the --from the user asked for) and their comparisons. */
export function trimToSpec<R extends { start: Day }, T extends { spec: ReportSpec; rows: R[] }, P>(report: T, comparisons: readonly P[], spec: ReportSpec): { report: T; comparisons: P[] } {
  if (spec.from === undefined) return { report: { ...report, spec }, comparisons: [...comparisons] };
  const first = periodStart(spec.calendar, periodOf(spec.calendar, spec.from));
  const keep = report.rows.map((r) => r.start >= first);
  return { report: { ...report, spec, rows: report.rows.filter((_, i) => keep[i]) }, comparisons: comparisons.filter((_, i) => keep[i]) };
}
