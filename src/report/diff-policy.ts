// Whether two saved reports may be compared (`retain diff`): the same command, a command diff knows,
// and the same policy (level, period, unit, currency, FX, grace, end dates, definitions version, …).
// Numbers made under different definitions are not comparable, so a policy change is refused unless
// the user allows it, and then the differing keys are shown first. The as-of date is not policy: it is
// what differs between last quarter's run and this quarter's.
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diffMeasures, measuresOf } from './diff-measures.js';

export interface PolicyChange {
  key: string;
  a: string;
  b: string;
}

/** Keys that describe when a report was made, not how its figures are defined. */
const notPolicy = new Set(['asOf']);

export function policyChanges(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): PolicyChange[] {
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
  const changes: PolicyChange[] = [];
  for (const key of keys) {
    if (notPolicy.has(key)) continue;
    const before = policyValueText(a[key]);
    const after = policyValueText(b[key]);
    if (before !== after) changes.push({ key, a: before, b: after });
  }
  return changes;
}

/** Stable text of a policy value: objects by sorted key (the FX table), absent as "(absent)". */
export function policyValueText(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value === null) return 'null';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k}=${policyValueText(v)}`).join(', ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface ComparableSide {
  file: string;
  command: string;
  policy: Readonly<Record<string, unknown>>;
}

/** Problems that stop the comparison (exit 2); empty when the two reports may be compared. */
export function comparabilityProblems(a: ComparableSide, b: ComparableSide, allowPolicyChange: boolean): Diagnostic[] {
  if (a.command !== b.command) {
    return [error('REPORT_MISMATCH', `${a.file} is a "${a.command}" report and ${b.file} a "${b.command}" report`, { file: b.file }, 'compare two reports of the same command')];
  }
  if (measuresOf(a.command) === undefined) {
    return [error('REPORT_MISMATCH', `retain diff does not compare "${a.command}" reports`, { file: a.file }, `it compares ${Object.keys(diffMeasures).join(', ')} reports`)];
  }
  const changes = policyChanges(a.policy, b.policy);
  if (changes.length === 0 || allowPolicyChange) return [];
  const list = changes.map((c) => `${c.key} ${c.a} → ${c.b}`).join('; ');
  return [
    error('POLICY_CHANGED', `the reports were made under different policies (${list}): their numbers are not comparable`, { file: b.file }, 're-run one report with the other\'s options, or pass --allow-policy-change to compare anyway'),
  ];
}
