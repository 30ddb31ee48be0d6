// The rates of METRICS.md §5 from exact sums; null when the denominator is zero. Annualised for week,
// month and quarter periods when asked (retention r^n, churn 1 − (1 − c)^n); the TTM rates are annual.
import { periodsPerYear } from '../model/calendar.js';
import { combineMinor, Rate, type MinorSum } from '../model/money.js';
import type { CountMeasure, MoneyMeasure } from '../metrics/bridge.js';
import type { ReportSpec } from './spec.js';

export const rateNames = ['grr', 'nrr', 'grossChurn', 'netChurn', 'logoChurn', 'logoRetention', 'quickRatio', 'ttmNrr', 'ttmGrr'] as const;
export type RateName = (typeof rateNames)[number];

const retentionRates: readonly RateName[] = ['grr', 'nrr', 'logoRetention'];
const churnRates: readonly RateName[] = ['grossChurn', 'netChurn', 'logoChurn'];

export function bridgeRates(
  m: Record<MoneyMeasure, MinorSum>,
  c: Record<CountMeasure, number>,
  ttm: { then: MinorSum; now: MinorSum; min: MinorSum },
  spec: ReportSpec,
): Record<RateName, Rate | null> {
  const rates: Record<RateName, Rate | null> = {
    grr: Rate.of(combineMinor([m.begin], [m.contraction, m.churn]), m.begin),
    nrr: Rate.of(combineMinor([m.begin, m.expansion], [m.contraction, m.churn]), m.begin),
    grossChurn: Rate.of(combineMinor([m.contraction, m.churn]), m.begin),
    netChurn: Rate.of(combineMinor([m.contraction, m.churn], [m.expansion]), m.begin),
    logoChurn: Rate.of(c.churned, c.begin),
    logoRetention: Rate.of(c.begin - c.churned, c.begin),
    quickRatio: Rate.of(combineMinor([m.new, m.expansion, m.reactivation]), combineMinor([m.contraction, m.churn])),
    ttmNrr: Rate.of(ttm.now, ttm.then),
    ttmGrr: Rate.of(ttm.min, ttm.then),
  };
  if (spec.annualize && spec.calendar.kind !== 'year') {
    const n = periodsPerYear(spec.calendar.kind);
    for (const name of retentionRates) rates[name] = rates[name]?.annualizeRetention(n) ?? null;
    for (const name of churnRates) rates[name] = rates[name]?.annualizeChurn(n) ?? null;
  }
  return rates;
}
