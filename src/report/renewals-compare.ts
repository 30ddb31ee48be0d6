// `renewals --compare previous|year-ago` (compare-periods.ts applied to METRICS.md §7): every count and
// CMRR of the renewal flow and the three renewal rates of each period (and segment) row against the
// reference period. The breakdowns (split parts, churn classes and reasons, plan, days late) are not
// compared: they are views of these measures, not measures of their own. A segment absent from a reference
// period of the report had nothing due, rolled in or decided there: it is compared with zeros.
// Invariant: the report handed back shows exactly the periods (and --detail units) of the spec asked for.
import { comparePeriods, trimToSpec, type CompareAgainst, type CompareMeasures, type PeriodComparison } from './compare-periods.js';
import type { RenewalsReport } from './renewals-report.js';
import { renewalCounts, renewalMoney, renewalRateNames, type RenewalCount, type RenewalMoney, type RenewalRateName } from './renewals-rows.js';
import type { ReportSpec } from './spec.js';

export const renewalsCompareMeasures: CompareMeasures<RenewalMoney, RenewalCount, RenewalRateName> = { money: renewalMoney, counts: renewalCounts, rates: renewalRateNames };

export type RenewalsComparison = PeriodComparison<RenewalMoney, RenewalCount, RenewalRateName>;

/**
 * `built` was made with widenForComparison(spec): its comparisons are computed, then the periods before
 * spec's --from are dropped, with the --detail units due and decided only in them.
 */
export function compareRenewals(built: RenewalsReport, against: CompareAgainst, spec: ReportSpec): { report: RenewalsReport; comparisons: RenewalsComparison[] } {
  const { report, comparisons } = trimToSpec(built, comparePeriods(built, renewalsCompareMeasures, against, true), spec);
  if (report.units === null || report.rows.length === built.rows.length) return { report, comparisons };
  const shown = new Set(report.rows.map((r) => r.period));
  const units = report.units.filter((u) => shown.has(u.duePeriod) || (u.decidedPeriod !== null && shown.has(u.decidedPeriod)));
  return { report: { ...report, units }, comparisons };
}
