// `renewals --compare previous|year-ago` for people: three tables after the report's own, each row a
// period (and segment) against its reference: the renewal CMRR flow Δ, the same flow Δ% (two tables, as
// eleven measures with Δ and Δ% side by side would not fit a terminal), then the units Δ and the renewal
// rates Δ in percentage points. CSV and JSON carry every compared measure (compare-tables.ts), under the
// names of the renewals CSV columns and JSON keys.
import type { RenewalsComparison } from '../../report/renewals-compare.js';
import { renewalsCompareMeasures } from '../../report/renewals-compare.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import type { RenewalCount, RenewalMoney, RenewalRateName, RenewalsRow } from '../../report/renewals-rows.js';
import { againstText, dash, moneyChange, relative, type CompareKeys } from '../compare-tables.js';
import { segmentLabel } from './document.js';
import { snake } from './measures.js';
import type { Cell, Column, Table } from '../table-model.js';

/** The renewals wide CSV column names: expected_cmrr, expected_count, gross_dollar_renewal_rate, … */
export const renewalsCompareKeys: CompareKeys<RenewalMoney, RenewalCount, RenewalRateName> = {
  measures: renewalsCompareMeasures,
  money: (m) => `${snake(m)}_cmrr`,
  count: (c) => `${snake(c)}_count`,
  rate: (n) => `${snake(n)}_rate`,
};

// The flow columns of the renewals tables (renewals-document.ts), in their order and words.
const flow = [
  ['expected', 'Due'],
  ['rolledIn', 'Rolled in'],
  ['renewedFlat', 'Flat'],
  ['upgraded', 'Upgraded'],
  ['downgraded', 'Downgraded'],
  ['archived', 'Archived'],
  ['cancelled', 'Cancelled'],
  ['notRenewed', 'Not renewed'],
  ['rolledForward', 'Rolled fwd'],
  ['pending', 'Pending'],
] as const;
const moneyShown: readonly (readonly [RenewalMoney, string])[] = [...flow, ['successor', 'Successor']];
const ratesShown: readonly (readonly [RenewalRateName, string])[] = [
  ['countRenewal', 'Count rate'],
  ['grossDollarRenewal', 'Gross $ rate'],
  ['netDollarRenewal', 'Net $ rate'],
];

export function renewalsCompareTables(report: RenewalsReport, comparisons: readonly RenewalsComparison[]): Table[] {
  const segmented = report.rows.some((r) => r.segment !== null);
  const lead: Column[] = [{ key: 'period', label: 'Period', numeric: false }, ...(segmented ? [{ key: 'segment', label: 'Segment', numeric: false }] : []), { key: 'against', label: 'Against', numeric: false }];
  const leadCells = (r: RenewalsRow, c: RenewalsComparison): Cell[] => [
    { kind: 'text', value: r.partial ? `${r.period}*` : r.period },
    ...(segmented ? [{ kind: 'text', value: segmentLabel(r) || 'total', fromInput: true } as Cell] : []),
    { kind: 'text', value: c.period ?? '–' },
  ];
  const against = comparisons[0] ? againstText(comparisons[0]) : 'the previous period';
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const body = (cells: (c: RenewalsComparison) => Cell[]): Cell[][] => report.rows.map((r, i) => [...leadCells(r, comparisons[i]!), ...cells(comparisons[i]!)]);
  return [
    {
      title: `Renewal C${unit}: change against ${against} (${report.spec.currency})`,
      columns: [...lead, ...moneyShown.map(([m, label]) => ({ key: `${snake(m)}_cmrr_change`, label: `${label} Δ`, numeric: true }))],
      rows: body((c) => moneyShown.map(([m]) => moneyChange(c.money?.[m]))),
    },
    {
      title: `Renewal C${unit}: relative change against ${against}`,
      columns: [...lead, ...moneyShown.map(([m, label]) => ({ key: `${snake(m)}_cmrr_change_rel`, label: `${label} Δ%`, numeric: true }))],
      rows: body((c) => moneyShown.map(([m]) => relative(c.money?.[m]))),
    },
    {
      title: `Renewal units and rates: change against ${against}`,
      columns: [...lead, ...flow.map(([m, label]) => ({ key: `${snake(m)}_count_change`, label: `${label} Δ`, numeric: true })), ...ratesShown.map(([n, label]) => ({ key: `${snake(n)}_rate_change`, label: `${label} Δ`, numeric: true }))],
      rows: body((c) => [
        ...flow.map(([m]): Cell => (c.counts ? { kind: 'count', value: c.counts[m].change, signed: true } : dash)),
        ...ratesShown.map(([n]): Cell => {
          const d = c.rates?.[n] ?? null;
          return d === null ? dash : { kind: 'rate', rate: d, style: 'points' };
        }),
      ]),
    },
  ];
}
