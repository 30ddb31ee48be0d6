// The JSON contract of `retain cohorts` (schemaVersion 1): money as exact decimal strings, rates rounded
// half-even to 6 decimals or null; segment as {key: value} (null without --by). Built from the report.
import { formatDay } from '../../model/calendar.js';
import { minorDigits, minorToDecimalString, type Rate } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import type { CohortMetric, CohortsReport } from '../../report/cohorts-report.js';
import { RATE_PLACES } from '../format-values.js';
import { reportEnvelope } from '../report-envelope.js';

function ratesJson(rates: Record<CohortMetric, Rate | null>): Record<CohortMetric, number | null> {
  return { logo: rates.logo?.toNumber(RATE_PLACES) ?? null, grr: rates.grr?.toNumber(RATE_PLACES) ?? null, nrr: rates.nrr?.toNumber(RATE_PLACES) ?? null };
}

export function renderCohortsJson(report: CohortsReport, input: RowAccounting): string {
  const digits = minorDigits(report.spec.currency);
  const money = (minor: number): string => minorToDecimalString(minor, digits);
  const doc = {
    ...reportEnvelope(report.command, report.spec, input),
    cohorts: report.rows.map((r) => ({
      cohort: r.cohort,
      start: formatDay(r.start),
      end: formatDay(r.end),
      segment: r.segment,
      size: { count: r.sizeCount, mrr: money(r.sizeMrr) },
      ages: r.ages.map((a) => ({ age: a.age, period: a.period, partial: a.partial, active: a.active, mrr: money(a.mrr), retainedMrr: money(a.retainedMrr), rates: ratesJson(a.rates) })),
    })),
    averages: report.averages.map((a) => ({ segment: a.segment, ages: a.ages.map((x) => ({ age: x.age, cohorts: x.cohorts, rates: ratesJson(x.rates) })) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
