// What `retain diff` compares in each command's saved JSON: its measures, their kind (which threshold
// applies and how a change is shown), the direction that is good (green/▲) and how a move is turned into
// CMRR impact for sorting. Supporting another command's JSON is adding an entry here.
// Invariant: `key` is the JSON path group.measure of the command's schemaVersion 1 rows. The bridge's measures
// come from its catalogue (measures/bridge.ts), so a new bridge measure is diffed without an edit here.
import { countMeasures, moneyMeasures } from '../metrics/bridge.js';
import { rateNames } from './bridge-rates.js';
import { bridgeCountInfo, bridgeMoneyInfo, bridgeRateInfo } from './measures/bridge.js';
import type { Direction, Impact, MeasureInfo, MeasureKind } from './measures/measure-info.js';

export interface DiffMeasure {
  key: string;
  label: string;
  kind: MeasureKind;
  better: Direction;
  impact: Impact;
  /** Cohorts: a figure of the whole cohort (its size), written at every age but compared at age 0 only. */
  perCohort?: true;
}

export interface CommandMeasures {
  /**
   * What a saved row stands for: a period (and segment), or a cohort cell: a cohort (and segment) at an
   * age, where the cohort plays the part of the period (pairs, --a-period) and rows match by segment and age.
   */
  rowsBy: 'period' | 'cohort';
  /** The measure that stands for a row (shown for appeared/disappeared segments and cells). */
  headline: string;
  measures: readonly DiffMeasure[];
}

function fromInfo(key: string, info: MeasureInfo): DiffMeasure {
  return { key, label: info.label, kind: info.kind, better: info.better, impact: info.impact };
}

export const diffMeasures: Readonly<Record<string, CommandMeasures>> = {
  bridge: {
    rowsBy: 'period',
    headline: 'money.end',
    measures: [
      ...moneyMeasures.map((m) => fromInfo(`money.${m}`, bridgeMoneyInfo[m])),
      ...countMeasures.map((c) => fromInfo(`counts.${c}`, bridgeCountInfo[c])),
      ...rateNames.map((n) => fromInfo(`rates.${n}`, bridgeRateInfo[n])),
    ],
  },
  // renewals (METRICS.md §7): money is expiring CMRR by outcome; the dollar renewal rates move CMRR by
  // their change × the expiring CMRR decided in B's period.
  renewals: {
    rowsBy: 'period',
    headline: 'money.expected',
    measures: [
      { key: 'money.expected', label: 'Expected', kind: 'money', better: 'none', impact: 'self' },
      { key: 'money.decided', label: 'Decided', kind: 'money', better: 'none', impact: 'self' },
      { key: 'money.renewed', label: 'Renewed', kind: 'money', better: 'up', impact: 'self' },
      { key: 'money.upgraded', label: 'Upgraded', kind: 'money', better: 'up', impact: 'self' },
      { key: 'money.downgraded', label: 'Downgraded', kind: 'money', better: 'down', impact: 'self' },
      { key: 'money.archived', label: 'Archived', kind: 'money', better: 'none', impact: 'self' },
      { key: 'money.churned', label: 'Churned', kind: 'money', better: 'down', impact: 'self' },
      { key: 'money.successor', label: 'Successor', kind: 'money', better: 'up', impact: 'self' },
      { key: 'money.pending', label: 'Pending', kind: 'money', better: 'none', impact: 'self' },
      { key: 'money.late', label: 'Late', kind: 'money', better: 'down', impact: 'self' },
      { key: 'counts.expected', label: 'Expected count', kind: 'count', better: 'none', impact: 'none' },
      { key: 'counts.renewed', label: 'Renewed count', kind: 'count', better: 'up', impact: 'none' },
      { key: 'counts.churned', label: 'Churned count', kind: 'count', better: 'down', impact: 'none' },
      { key: 'counts.pending', label: 'Pending count', kind: 'count', better: 'none', impact: 'none' },
      { key: 'rates.grossDollarRenewal', label: 'Gross $ renewal', kind: 'rate', better: 'up', impact: { base: 'money.decided' } },
      { key: 'rates.netDollarRenewal', label: 'Net $ renewal', kind: 'rate', better: 'up', impact: { base: 'money.decided' } },
      { key: 'rates.countRenewal', label: 'Count renewal', kind: 'rate', better: 'up', impact: 'none' },
    ],
  },
  // cohorts: one row per cohort (and segment) and age. The size is the cohort's at its start; the rates
  // are retention at that age, and GRR and NRR move CMRR by their change × B's cohort start MRR (NRR ×
  // start MRR is the cohort's MRR at that age). A cell stands for its NRR: its money is the cohort's.
  cohorts: {
    rowsBy: 'cohort',
    headline: 'rates.nrr',
    measures: [
      { key: 'size.count', label: 'Cohort size', kind: 'count', better: 'up', impact: 'none', perCohort: true },
      { key: 'size.mrr', label: 'Cohort start', kind: 'money', better: 'up', impact: 'self', perCohort: true },
      { key: 'rates.logo', label: 'Logo retention', kind: 'rate', better: 'up', impact: 'none' },
      { key: 'rates.grr', label: 'GRR', kind: 'rate', better: 'up', impact: { base: 'size.mrr' } },
      { key: 'rates.nrr', label: 'NRR', kind: 'rate', better: 'up', impact: { base: 'size.mrr' } },
    ],
  },
};

/** The measures compared on a row: a cohort's own figures only on its age-0 row, so a move shows once. */
export function rowMeasures(measures: readonly DiffMeasure[], age: number | null): readonly DiffMeasure[] {
  return age === null || age === 0 ? measures : measures.filter((m) => m.perCohort !== true);
}

export function measuresOf(command: string): CommandMeasures | undefined {
  return Object.hasOwn(diffMeasures, command) ? diffMeasures[command] : undefined;
}
