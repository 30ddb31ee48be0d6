// `retain check`: the data-quality audit as a report (METRICS.md §8). Findings of reading (rejected rows,
// side-file warnings) and of the audit rules (metrics/data-checks.ts), sorted by file and line, with counts
// per code. Invariant: the summary counts add up to the findings, errors + warnings = findings.
import { compareDiagnostics, type DiagnosticCode, type Severity } from '../diagnostics/diagnostic.js';
import type { Day } from '../model/calendar.js';
import { resolveContractKeys } from '../model/contract-keys.js';
import type { LineStore } from '../model/line-store.js';
import type { RowAccounting } from '../model/row-accounting.js';
import type { Finding } from '../metrics/data-check-finding.js';
import { runDataChecks } from '../metrics/data-checks.js';

export interface CheckCount {
  code: DiagnosticCode;
  severity: Severity;
  count: number;
}

export interface CheckReport {
  asOf: Day;
  graceDays: number;
  currency: string;
  accounting: RowAccounting;
  findings: Finding[];
  /** Errors first, then warnings; by code within each. */
  summary: CheckCount[];
  errors: number;
  warnings: number;
}

export interface CheckInput {
  store: LineStore;
  accounting: RowAccounting;
  /** Findings of reading: rejected rows and warnings of the readers. */
  readFindings: readonly Finding[];
  asOf: Day;
  graceDays: number;
  currency: string;
  digits: number;
}

export function buildCheckReport(input: CheckInput): CheckReport {
  const keys = resolveContractKeys(input.store);
  const audit = runDataChecks(input.store, keys, { asOf: input.asOf, graceDays: input.graceDays, digits: input.digits, currency: input.currency });
  const findings = [...input.readFindings, ...audit].sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic));
  const counts = new Map<string, CheckCount>();
  for (const { diagnostic: d } of findings) {
    const key = `${d.severity}:${d.code}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { code: d.code, severity: d.severity, count: 1 });
  }
  const summary = [...counts.values()].sort((a, b) => (a.severity === b.severity ? (a.code < b.code ? -1 : 1) : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.diagnostic.severity === 'error').length;
  const total = summary.reduce((sum, c) => sum + c.count, 0);
  if (total !== findings.length) throw new Error(`check summary counts ${total} findings, expected ${findings.length}`);
  return { asOf: input.asOf, graceDays: input.graceDays, currency: input.currency, accounting: input.accounting, findings, summary, errors, warnings: findings.length - errors };
}
