// The policy block printed with every report, so two runs can be compared: the same keys in text,
// markdown and JSON.
import { formatDay } from '../model/calendar.js';
import type { ReportSpec } from '../report/spec.js';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Version of the definitions (METRICS.md) the figures follow; `retain diff` refuses to mix versions. */
export const DEFINITIONS_VERSION = 1;

export interface PolicyJson {
  definitionsVersion: number;
  level: string;
  period: string;
  fiscalYearStart: number;
  asOf: string;
  graceDays: number;
  unit: string;
  currency: string;
  fx: Record<string, string>;
  endDates: 'inclusive' | 'exclusive';
  rounding: string;
  annualized: boolean;
}

export function policyJson(spec: ReportSpec): PolicyJson {
  return {
    definitionsVersion: DEFINITIONS_VERSION,
    level: spec.level,
    period: spec.calendar.kind,
    fiscalYearStart: spec.calendar.fiscalYearStart,
    asOf: formatDay(spec.asOf),
    graceDays: spec.graceDays,
    unit: spec.unit,
    currency: spec.currency,
    fx: Object.fromEntries([...spec.fx].sort((a, b) => (a.currency < b.currency ? -1 : 1)).map((r) => [r.currency, r.rate])),
    endDates: spec.endExclusive ? 'exclusive' : 'inclusive',
    rounding: 'half-even, once per line, to minor units',
    annualized: spec.annualize,
  };
}

export function policyLines(spec: ReportSpec): [string, string][] {
  const fiscal = spec.calendar.fiscalYearStart === 1 ? '' : ` (fiscal year starts in ${monthNames[spec.calendar.fiscalYearStart - 1]})`;
  const fx = spec.fx.length === 0 ? 'none' : [...spec.fx].sort((a, b) => (a.currency < b.currency ? -1 : 1)).map((r) => `1 ${r.currency} = ${r.rate} ${spec.currency}`).join(', ');
  return [
    ['level', spec.level === 'customer' ? 'customer (all contracts of a customer together)' : 'contract (renews chains followed)'],
    ['period', `${spec.calendar.kind}${fiscal}`],
    ['as of', formatDay(spec.asOf)],
    ['grace', `${spec.graceDays} days for late renewals`],
    ['unit', spec.unit === 'arr' ? 'ARR (12 × MRR)' : 'MRR'],
    ['currency', `${spec.currency}; FX ${fx}`],
    ['end dates', spec.endExclusive ? 'exclusive (first day without service)' : 'inclusive (last day of service)'],
    ['rounding', 'each line half-even to minor units once; sums exact'],
    ...(spec.annualize ? ([['rates', 'annualized']] as [string, string][]) : []),
  ];
}
