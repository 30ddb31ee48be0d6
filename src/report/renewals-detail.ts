// `retain renewals --detail`: one record per renewal unit due or decided in the periods shown (METRICS.md §7):
// contract key, customer, due date, outcome, timing, days late, expiring and successor MRR, the split, the
// churn reason with its classes, and the input lines (file:line) behind both terms. Only this listing makes
// an object per unit; sorted by due date, contract, customer (code points).
import { classifyReason, type ReasonClasses, type ReasonMap } from '../model/churn-reason.js';
import type { Day } from '../model/calendar.js';
import type { Dataset } from '../model/dataset.js';
import type { Interner } from '../model/interner.js';
import type { Minor } from '../model/money.js';
import { Outcome, outcomeNames, timingNames, type RenewalContext, type UnitOutcome } from '../metrics/renewal-outcomes.js';
import { splitParts, type SplitPart } from '../metrics/renewal-split.js';
import { isNeverActive, NO_SUCCESSOR } from '../metrics/renewal-units.js';

export type OutcomeName = (typeof outcomeNames)[number];
export type TimingName = (typeof timingNames)[number];

export interface RenewalUnitRow {
  contract: string;
  customer: string;
  dueDate: Day;
  duePeriod: string;
  /** Period in which the unit was decided; null while pending. */
  decidedPeriod: string | null;
  outcome: OutcomeName;
  /** '' without a successor. */
  timing: TimingName;
  daysLate: number | null;
  successorStart: Day | null;
  expiring: Minor;
  /** Successor MRR and its change from expiring; null while pending. */
  successor: Minor | null;
  locked: Minor;
  change: Minor | null;
  /** The split of the change; null without a successor (churned, pending). */
  parts: Record<SplitPart, Minor> | null;
  reason: string;
  /** Classes of the reason, on churned and downgraded units only. */
  classes: ReasonClasses | null;
  /** file:line of the lines of the expiring term and of its successor. */
  expiringLines: string[];
  successorLines: string[];
}

/** The distinct names of the lines' ids, sorted and space-separated; the interned string itself when one. */
function distinctNames(lines: readonly number[], idOf: Int32Array, names: Interner): string {
  const first = idOf[lines[0]!]!;
  if (lines.every((l) => idOf[l] === first)) return names.value(first);
  return [...new Set(lines.map((l) => names.value(idOf[l]!)))].sort().join(' ');
}

export class UnitRowCollector {
  private readonly list: RenewalUnitRow[] = [];
  private readonly classCache = new Map<number, ReasonClasses>();

  constructor(
    private readonly dataset: Dataset,
    private readonly context: RenewalContext,
    private readonly labels: readonly string[],
    private readonly shownFrom: number,
    private readonly shownTo: number,
    private readonly reasonMap: ReasonMap | undefined,
    private readonly factor: number,
  ) {}

  add(o: UnitOutcome): void {
    const dueShown = o.duePeriod >= this.shownFrom && o.duePeriod <= this.shownTo;
    if (!dueShown && !(o.decisionPeriod >= this.shownFrom && o.decisionPeriod <= this.shownTo)) return;
    const { store, units, order } = this.context;
    const u = o.unit;
    const unitLines = Array.from(units.lines.subarray(units.lineOffsets[u]!, units.lineOffsets[u + 1]!));
    const successorLines: number[] = [];
    for (let k = units.successorFrom[u]!; k < units.successorTo[u]!; k++) if (!isNeverActive(store, order[k]!)) successorLines.push(order[k]!);
    const entityName = this.dataset.entities.name(units.entity[u]!);
    const atContract = this.dataset.entities.level === 'contract';
    const hasSuccessor = units.successorStart[u] !== NO_SUCCESSOR && o.outcome <= Outcome.archived;
    const reason = store.reasons.value(o.reason);
    const pending = o.outcome === Outcome.pending;
    const parts = {} as Record<SplitPart, Minor>;
    splitParts.forEach((part, k) => (parts[part] = o.parts[k]! * this.factor));
    this.list.push({
      contract: atContract ? entityName : distinctNames(unitLines, store.contract, store.contracts),
      customer: atContract ? distinctNames(unitLines, store.customer, store.customers) : entityName,
      dueDate: units.end[u]!,
      duePeriod: this.labels[o.duePeriod]!,
      decidedPeriod: o.decisionPeriod < this.labels.length ? this.labels[o.decisionPeriod]! : null,
      outcome: outcomeNames[o.outcome],
      timing: timingNames[o.timing],
      daysLate: hasSuccessor ? o.daysLate : null,
      successorStart: hasSuccessor ? units.successorStart[u]! : null,
      expiring: o.expiring * this.factor,
      successor: pending ? null : o.successor * this.factor,
      locked: o.locked * this.factor,
      change: pending ? null : (o.successor - o.expiring) * this.factor,
      parts: hasSuccessor ? parts : null,
      reason,
      classes: o.outcome === Outcome.cancelled || o.outcome === Outcome.notRenewed || o.outcome === Outcome.downgraded ? this.classesOf(o.reason) : null,
      expiringLines: unitLines.map((l) => this.where(l)),
      successorLines: hasSuccessor ? successorLines.map((l) => this.where(l)) : [],
    });
  }

  rows(): RenewalUnitRow[] {
    const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return this.list.sort((a, b) => a.dueDate - b.dueDate || text(a.contract, b.contract) || text(a.customer, b.customer));
  }

  /** Classes per reason id, shared by the units that carry the reason. */
  private classesOf(reason: number): ReasonClasses {
    let classes = this.classCache.get(reason);
    if (classes === undefined) {
      classes = classifyReason(this.dataset.store.reasons.value(reason), this.reasonMap);
      this.classCache.set(reason, classes);
    }
    return classes;
  }

  private where(line: number): string {
    const p = this.dataset.store.provenance(line);
    return `${p.file}:${p.line}`;
  }
}
