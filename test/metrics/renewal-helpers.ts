// Runs `retain renewals --format json` on inline CSV (or a file) and reads the report, with checks every
// renewals test applies: the flow identity per period, in count and CMRR, and split parts = change per unit.
import { expect } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

export interface RenewalsPeriodJson {
  period: string;
  start: string;
  end: string;
  partial: boolean;
  segment: Record<string, string> | null;
  counts: Record<CountKey, number>;
  money: Record<MoneyKey, string>;
  split: Record<'flat' | 'upgraded' | 'downgraded' | 'archived', Record<string, string>>;
  rates: Record<'grossDollarRenewal' | 'netDollarRenewal' | 'countRenewal', number | null>;
  late: { averageDaysLate: number | null; maxDaysLate: number | null };
  plan: { churnRate: number | null; planned: string | null; actual: string; variance: string | null };
  classes: { avoidable: Record<string, ClassJson>; voluntary: Record<string, ClassJson> };
  reasons: ({ reason: string; avoidable: string; voluntary: string } & ClassJson)[];
}

type CountKey = 'expected' | 'rolledIn' | 'renewed' | 'renewedFlat' | 'upgraded' | 'downgraded' | 'archived' | 'churned' | 'cancelled' | 'notRenewed' | 'rolledForward' | 'pending' | 'decided' | 'early' | 'onTime' | 'late' | 'outstandingPastDue';
type MoneyKey = CountKey | 'expectedLocked' | 'midPeriodAddOns' | 'successor' | 'upgradedSuccessor' | 'downgradedSuccessor' | 'archivedSuccessor';

export interface ClassJson {
  churnedCount: number;
  churnedCmrr: string;
  downgradedCount: number;
  downgradedCmrr: string;
}

export interface RenewalUnitJson {
  contract: string;
  customer: string;
  dueDate: string;
  duePeriod: string;
  decidedPeriod: string | null;
  outcome: string;
  timing: string | null;
  daysLate: number | null;
  successorStart: string | null;
  expiring: string;
  successor: string | null;
  locked: string;
  change: string | null;
  split: Record<string, string> | null;
  churnReason: string;
  classes: { avoidable: string; voluntary: string } | null;
  expiringLines: string[];
  successorLines: string[];
}

export interface RenewalsJson {
  schemaVersion: number;
  command: string;
  asOf: string;
  policy: Record<string, unknown>;
  periods: RenewalsPeriodJson[];
  units?: RenewalUnitJson[];
}

export async function renewalsJson(csvText: string, args: string[], cwd?: string): Promise<RenewalsJson> {
  const result = await runCli(['renewals', '--format', 'json', ...args, '-'], { stdin: csvText, ...(cwd === undefined ? {} : { cwd }) });
  expect(result.stderr).not.toMatch(/error/);
  expect(result.exitCode).toBe(0);
  const report = JSON.parse(result.stdout) as RenewalsJson;
  expectFlowIdentity(report);
  expectSplitSums(report);
  return report;
}

export function period(report: RenewalsJson, label: string): RenewalsPeriodJson {
  const p = report.periods.find((x) => x.period === label);
  if (!p) throw new Error(`no period ${label} in ${report.periods.map((x) => x.period).join(', ')}`);
  return p;
}

/** The unit of a contract (or customer) name, due on dueDate when given. */
export function unit(report: RenewalsJson, name: string, dueDate?: string): RenewalUnitJson {
  const found = (report.units ?? []).filter((u) => (u.contract === name || u.customer === name) && (dueDate === undefined || u.dueDate === dueDate));
  if (found.length !== 1) throw new Error(`${found.length} units of ${name} ${dueDate ?? ''}`);
  return found[0]!;
}

export const cents = (s: string | null): number => (s === null ? NaN : Math.round(Number(s) * 100));

/** renewed + archived + churned + pending + rolled forward = expected + rolled in, in count and CMRR. */
export function expectFlowIdentity(report: RenewalsJson): void {
  for (const p of report.periods) {
    const c = p.counts;
    expect(c.renewed + c.archived + c.churned + c.pending + c.rolledForward, `${p.period} count`).toBe(c.expected + c.rolledIn);
    const m = p.money;
    expect(cents(m.renewed) + cents(m.archived) + cents(m.churned) + cents(m.pending) + cents(m.rolledForward), `${p.period} CMRR`).toBe(cents(m.expected) + cents(m.rolledIn));
  }
}

/** Each unit's split parts sum to successor − expiring, to the cent. */
export function expectSplitSums(report: RenewalsJson): void {
  for (const u of report.units ?? []) {
    const hasSuccessor = u.successorStart !== null && !u.outcome.startsWith('churned');
    expect(u.split === null, `${u.contract} ${u.dueDate} split`).toBe(!hasSuccessor);
    if (u.split === null) continue;
    const sum = Object.values(u.split).reduce((acc, v) => acc + cents(v), 0);
    expect(sum, `${u.contract} ${u.dueDate}`).toBe(cents(u.change));
  }
}
