// One row of the renewals report from one (period, segment) cell of the facts (METRICS.md §7): counts and
// CMRR of the flow, lock-in, outcomes, rates over decided units, timing and late renewals, split parts,
// planned churn, churn by class and by reason. Money ×12 for ARR. Checks, per row: renewed + archived +
// churned + pending + rolled forward = expected + rolled in (count and CMRR), and that the split parts of
// each outcome sum to its successor − expiring. A violation is a bug, never printed.
import { avoidableClasses, classifyReason, voluntaryClasses, type AvoidableClass, type VoluntaryClass } from '../model/churn-reason.js';
import type { Day } from '../model/calendar.js';
import type { LineStore } from '../model/line-store.js';
import { Rate, type Minor } from '../model/money.js';
import type { PeriodGrid } from '../metrics/period-grid.js';
import { DECIDED_OUTCOMES, type RenewalFacts } from '../metrics/renewal-facts.js';
import { Outcome } from '../metrics/renewal-outcomes.js';
import { PART_COUNT, splitParts, type SplitPart } from '../metrics/renewal-split.js';
import type { RenewalsOptions } from './renewals-options.js';
import { planEntryFor, plannedChurn, type PlannedChurn } from './renewals-plan.js';
import type { ReportSpec } from './spec.js';

export const renewalCounts = ['expected', 'rolledIn', 'renewed', 'renewedFlat', 'upgraded', 'downgraded', 'archived', 'churned', 'cancelled', 'notRenewed', 'rolledForward', 'pending', 'decided', 'early', 'onTime', 'late', 'outstandingPastDue'] as const;
export const renewalMoney = ['expected', 'expectedLocked', 'midPeriodAddOns', 'rolledIn', 'renewed', 'renewedFlat', 'upgraded', 'downgraded', 'archived', 'churned', 'cancelled', 'notRenewed', 'rolledForward', 'pending', 'decided', 'successor', 'upgradedSuccessor', 'downgradedSuccessor', 'archivedSuccessor', 'late', 'outstandingPastDue'] as const;
export type RenewalCount = (typeof renewalCounts)[number];
export type RenewalMoney = (typeof renewalMoney)[number];
export const splitOutcomes = ['flat', 'upgraded', 'downgraded', 'archived'] as const;
export type SplitOutcome = (typeof splitOutcomes)[number];
export const renewalRateNames = ['grossDollarRenewal', 'netDollarRenewal', 'countRenewal'] as const;
export type RenewalRateName = (typeof renewalRateNames)[number];

export interface ClassFigures {
  churnedCount: number;
  churnedCmrr: Minor;
  downgradedCount: number;
  downgradedCmrr: Minor;
}

export interface ReasonRow extends ClassFigures {
  reason: string;
  avoidable: AvoidableClass;
  voluntary: VoluntaryClass;
}

export interface RenewalsRow {
  period: string;
  start: Day;
  end: Day;
  partial: boolean;
  segment: Readonly<Record<string, string>> | null;
  counts: Record<RenewalCount, number>;
  money: Record<RenewalMoney, Minor>;
  parts: Record<SplitOutcome, Record<SplitPart, Minor>>;
  rates: Record<RenewalRateName, Rate | null>;
  averageDaysLate: Rate | null;
  maxDaysLate: number | null;
  plan: PlannedChurn;
  classes: { avoidable: Record<AvoidableClass, ClassFigures>; voluntary: Record<VoluntaryClass, ClassFigures> };
  reasons: ReasonRow[];
}

export class RenewalIdentityError extends Error {}

export function renewalsRow(spec: ReportSpec, options: RenewalsOptions, grid: PeriodGrid, facts: RenewalFacts, store: LineStore, p: number, cell: number, segment: Readonly<Record<string, string>> | null): RenewalsRow {
  const factor = spec.unit === 'arr' ? 12 : 1;
  const f = facts.flow;
  const d = (measure: 'count' | 'expiring' | 'successor' | 'min', outcome: number): number => facts.decided[measure][cell * DECIDED_OUTCOMES + outcome]!;
  const sumOver = (measure: 'count' | 'expiring' | 'successor' | 'min', outcomes: readonly number[]): number => outcomes.reduce((acc, o) => acc + d(measure, o), 0);
  const renewedCodes = [Outcome.flat, Outcome.upgraded, Outcome.downgraded];
  const churnedCodes = [Outcome.cancelled, Outcome.notRenewed];
  const decidedCodes = [...renewedCodes, Outcome.archived, ...churnedCodes];
  const counts: Record<RenewalCount, number> = {
    expected: f.dueCount[cell]!,
    rolledIn: f.rolledInCount[cell]!,
    renewed: sumOver('count', renewedCodes),
    renewedFlat: d('count', Outcome.flat),
    upgraded: d('count', Outcome.upgraded),
    downgraded: d('count', Outcome.downgraded),
    archived: d('count', Outcome.archived),
    churned: sumOver('count', churnedCodes),
    cancelled: d('count', Outcome.cancelled),
    notRenewed: d('count', Outcome.notRenewed),
    rolledForward: f.rolledForwardCount[cell]!,
    pending: f.pendingCount[cell]!,
    decided: sumOver('count', decidedCodes),
    early: facts.timing.earlyCount[cell]!,
    onTime: facts.timing.onTimeCount[cell]!,
    late: facts.timing.lateCount[cell]!,
    outstandingPastDue: f.outstandingCount[cell]!,
  };
  const raw: Record<RenewalMoney, number> = {
    expected: f.dueCmrr[cell]!,
    expectedLocked: f.dueLocked[cell]!,
    midPeriodAddOns: f.dueCmrr[cell]! - f.dueLocked[cell]!,
    rolledIn: f.rolledInCmrr[cell]!,
    renewed: sumOver('expiring', renewedCodes),
    renewedFlat: d('expiring', Outcome.flat),
    upgraded: d('expiring', Outcome.upgraded),
    downgraded: d('expiring', Outcome.downgraded),
    archived: d('expiring', Outcome.archived),
    churned: sumOver('expiring', churnedCodes),
    cancelled: d('expiring', Outcome.cancelled),
    notRenewed: d('expiring', Outcome.notRenewed),
    rolledForward: f.rolledForwardCmrr[cell]!,
    pending: f.pendingCmrr[cell]!,
    decided: sumOver('expiring', decidedCodes),
    successor: sumOver('successor', decidedCodes),
    upgradedSuccessor: d('successor', Outcome.upgraded),
    downgradedSuccessor: d('successor', Outcome.downgraded),
    archivedSuccessor: d('successor', Outcome.archived),
    late: facts.timing.lateCmrr[cell]!,
    outstandingPastDue: f.outstandingCmrr[cell]!,
  };
  const label = grid.labels[p]!;
  checkFlow(label, 'count', counts.renewed + counts.archived + counts.churned + counts.pending + counts.rolledForward, counts.expected + counts.rolledIn);
  checkFlow(label, 'CMRR', raw.renewed + raw.archived + raw.churned + raw.pending + raw.rolledForward, raw.expected + raw.rolledIn);
  const parts = {} as Record<SplitOutcome, Record<SplitPart, Minor>>;
  splitOutcomes.forEach((name, outcome) => {
    const base = (cell * 4 + outcome) * PART_COUNT;
    const record = {} as Record<SplitPart, Minor>;
    let sum = 0;
    splitParts.forEach((part, k) => {
      record[part] = facts.parts[base + k]! * factor;
      sum += facts.parts[base + k]!;
    });
    checkFlow(label, `${name} split`, sum, d('successor', outcome) - d('expiring', outcome));
    parts[name] = record;
  });
  const money = {} as Record<RenewalMoney, Minor>;
  for (const key of renewalMoney) money[key] = raw[key] * factor;
  const lateCount = facts.timing.lateCount[cell]!;
  return {
    period: label,
    start: grid.starts[p]!,
    end: grid.periodEnds[p]!,
    partial: grid.partial[p]!,
    segment,
    counts,
    money,
    parts,
    rates: {
      grossDollarRenewal: Rate.of(sumOver('min', decidedCodes), raw.decided),
      netDollarRenewal: Rate.of(raw.successor, raw.decided),
      countRenewal: Rate.of(counts.renewed, counts.decided),
    },
    averageDaysLate: Rate.of(facts.timing.lateDaysSum[cell]!, lateCount),
    maxDaysLate: lateCount === 0 ? null : facts.timing.lateDaysMax[cell]!,
    plan: options.plan === undefined ? { rate: null, planned: null, actual: money.churned, variance: null } : plannedChurn(planEntryFor(options.plan, grid.first + p, segment), money.expectedLocked, money.churned),
    classes: {
      avoidable: classFigures(avoidableClasses, facts.byAvoidable, cell, factor),
      voluntary: classFigures(voluntaryClasses, facts.byVoluntary, cell, factor),
    },
    reasons: reasonRows(facts, store, cell, factor, options),
  };
}

function checkFlow(period: string, what: string, left: number, right: number): void {
  if (left !== right) throw new RenewalIdentityError(`renewals of ${period} do not reconcile (${what}): ${left} ≠ ${right}`);
}

function classFigures<C extends string>(classes: readonly C[], axis: RenewalFacts['byAvoidable'], cell: number, factor: number): Record<C, ClassFigures> {
  const result = {} as Record<C, ClassFigures>;
  classes.forEach((name, k) => {
    const i = cell * classes.length + k;
    result[name] = { churnedCount: axis.churnedCount[i]!, churnedCmrr: axis.churnedCmrr[i]! * factor, downgradedCount: axis.downgradedCount[i]!, downgradedCmrr: axis.downgradedCmrr[i]! * factor };
  });
  return result;
}

/** Reasons of the cell, the largest loss first, then by reason text (code points). */
function reasonRows(facts: RenewalFacts, store: LineStore, cell: number, factor: number, options: RenewalsOptions): ReasonRow[] {
  const rows = facts.reasons
    .filter((r) => r.cell === cell)
    .map((r): ReasonRow => {
      const reason = store.reasons.value(r.reason);
      const classes = classifyReason(reason, options.reasonMap);
      return { reason, ...classes, churnedCount: r.churnedCount, churnedCmrr: r.churnedCmrr * factor, downgradedCount: r.downgradedCount, downgradedCmrr: r.downgradedCmrr * factor };
    });
  return rows.sort((a, b) => b.churnedCmrr + b.downgradedCmrr - (a.churnedCmrr + a.downgradedCmrr) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
