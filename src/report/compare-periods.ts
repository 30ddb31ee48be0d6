// `--compare previous|year-ago`: each period row against the same segment's row one period earlier, or
// the same period a year earlier (12 months, 4 quarters, 1 year, 52 ISO weeks), computed from the
// report's own rows. Money changes are exact minor units; rate changes exact (Rate.minus), shown in
// percentage points; relative changes over |reference| (null when the reference is zero).
// A row whose reference period is not in the report gets `period: null` and null changes; the CLI widens
// --from by the comparison distance first, so the first periods shown still have their reference.
import { periodOf, periodStart, periodsPerYear, type Calendar } from '../model/calendar.js';
import { Rate, type Minor } from '../model/money.js';
import { countMeasures, moneyMeasures, type CountMeasure, type MoneyMeasure } from '../metrics/bridge.js';
import type { BridgeReport, BridgeRow } from './bridge-report.js';
import { rateNames, type RateName } from './bridge-rates.js';
import type { ReportSpec } from './spec.js';

export type CompareAgainst = 'previous' | 'year-ago';

export interface Change {
  change: number;
  relative: Rate | null;
}

export interface PeriodComparison {
  against: CompareAgainst;
  /** The reference period's label, or null when it is not in the report. */
  period: string | null;
  money: Record<MoneyMeasure, Change> | null;
  counts: Record<CountMeasure, Change> | null;
  /** This period's rate minus the reference's; null where either is undefined. */
  rates: Record<RateName, Rate | null> | null;
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

function rowKey(period: number, segment: BridgeRow['segment']): string {
  if (segment === null) return `${period}`;
  return `${period}\u0000${Object.keys(segment).sort().map((k) => `${k}=${segment[k]!}`).join('\u0000')}`;
}

function change(now: number, then: number): Change {
  return { change: now - then, relative: then === 0 ? null : Rate.of(now - then, Math.abs(then)) };
}

/** One comparison per row of `report`, in the same order. */
export function comparePeriods(report: BridgeReport, against: CompareAgainst): PeriodComparison[] {
  const calendar = report.spec.calendar;
  const distance = compareDistance(calendar, against);
  const byKey = new Map(report.rows.map((r) => [rowKey(periodOf(calendar, r.start), r.segment), r]));
  return report.rows.map((row) => {
    const reference = byKey.get(rowKey(periodOf(calendar, row.start) - distance, row.segment));
    if (!reference) return { against, period: null, money: null, counts: null, rates: null };
    const money = {} as Record<MoneyMeasure, Change>;
    for (const m of moneyMeasures) money[m] = change(row.money[m] as Minor, reference.money[m] as Minor);
    const counts = {} as Record<CountMeasure, Change>;
    for (const c of countMeasures) counts[c] = change(row.counts[c], reference.counts[c]);
    const rates = {} as Record<RateName, Rate | null>;
    for (const n of rateNames) {
      const now = row.rates[n];
      const then = reference.rates[n];
      rates[n] = now === null || then === null ? null : now.minus(then);
    }
    return { against, period: reference.period, money, counts, rates };
  });
}

/** Drops the rows added by widenForComparison (before the --from the user asked for) and their comparisons. */
export function trimToSpec(report: BridgeReport, comparisons: readonly PeriodComparison[], spec: ReportSpec): { report: BridgeReport; comparisons: PeriodComparison[] } {
  if (spec.from === undefined) return { report: { ...report, spec }, comparisons: [...comparisons] };
  const first = periodStart(spec.calendar, periodOf(spec.calendar, spec.from));
  const keep = report.rows.map((r) => r.start >= first);
  return { report: { ...report, spec, rows: report.rows.filter((_, i) => keep[i]) }, comparisons: comparisons.filter((_, i) => keep[i]) };
}
