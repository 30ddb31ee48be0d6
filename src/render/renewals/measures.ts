// The scalar measures of a renewals row under stable snake_case keys, in one order: the columns of CSV
// --layout wide and the measures of --layout tidy. Reasons (an open set) are added by the tidy layout only.
import { avoidableClasses, voluntaryClasses } from '../../model/churn-reason.js';
import { splitParts } from '../../metrics/renewal-split.js';
import { renewalCounts, renewalMoney, renewalRateNames, splitOutcomes, type RenewalsRow } from '../../report/renewals-rows.js';
import type { Cell } from '../table-model.js';

export interface MeasureColumn {
  key: string;
  cell: (row: RenewalsRow) => Cell;
}

export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const money = (minor: number | null): Cell => (minor === null ? { kind: 'text', value: '' } : { kind: 'money', minor });
const count = (value: number | null): Cell => (value === null ? { kind: 'text', value: '' } : { kind: 'count', value });

function buildColumns(): MeasureColumn[] {
  const columns: MeasureColumn[] = [];
  for (const c of renewalCounts) columns.push({ key: `${snake(c)}_count`, cell: (r) => count(r.counts[c]) });
  for (const m of renewalMoney) columns.push({ key: `${snake(m)}_cmrr`, cell: (r) => money(r.money[m]) });
  for (const o of splitOutcomes) for (const p of splitParts) columns.push({ key: `${o}_${snake(p)}`, cell: (r) => money(r.parts[o][p]) });
  for (const n of renewalRateNames) columns.push({ key: `${snake(n)}_rate`, cell: (r) => ({ kind: 'rate', rate: r.rates[n], style: 'ratio' }) });
  columns.push({ key: 'average_days_late', cell: (r) => ({ kind: 'rate', rate: r.averageDaysLate, style: 'ratio' }) });
  columns.push({ key: 'max_days_late', cell: (r) => count(r.maxDaysLate) });
  columns.push({ key: 'plan_churn_rate', cell: (r) => (r.plan.rate === null ? { kind: 'text', value: '' } : { kind: 'rate', rate: r.plan.rate, style: 'ratio' }) });
  columns.push({ key: 'planned_churn_cmrr', cell: (r) => money(r.plan.planned) });
  columns.push({ key: 'actual_churn_cmrr', cell: (r) => money(r.plan.actual) });
  columns.push({ key: 'churn_variance_cmrr', cell: (r) => money(r.plan.variance) });
  // "unspecified" exists on both axes: it is prefixed with its axis to keep keys unique.
  for (const c of avoidableClasses) {
    const name = c === 'unspecified' ? 'avoidability_unspecified' : c;
    columns.push({ key: `churned_${name}_count`, cell: (r) => count(r.classes.avoidable[c].churnedCount) });
    columns.push({ key: `churned_${name}_cmrr`, cell: (r) => money(r.classes.avoidable[c].churnedCmrr) });
    columns.push({ key: `downgraded_${name}_count`, cell: (r) => count(r.classes.avoidable[c].downgradedCount) });
    columns.push({ key: `downgraded_${name}_cmrr`, cell: (r) => money(r.classes.avoidable[c].downgradedCmrr) });
  }
  for (const c of voluntaryClasses) {
    const name = c === 'unspecified' ? 'voluntariness_unspecified' : c;
    columns.push({ key: `churned_${name}_count`, cell: (r) => count(r.classes.voluntary[c].churnedCount) });
    columns.push({ key: `churned_${name}_cmrr`, cell: (r) => money(r.classes.voluntary[c].churnedCmrr) });
    columns.push({ key: `downgraded_${name}_count`, cell: (r) => count(r.classes.voluntary[c].downgradedCount) });
    columns.push({ key: `downgraded_${name}_cmrr`, cell: (r) => money(r.classes.voluntary[c].downgradedCmrr) });
  }
  return columns;
}

export const measureColumns: readonly MeasureColumn[] = buildColumns();
