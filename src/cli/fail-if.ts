// CI gates on the bridge (`--fail-if "nrr<1.0"`, `--fail-period last`): after the report is written,
// exit 1 with a one-line reason when a rate of METRICS.md §5 crosses its threshold, so a pipeline can stop
// on a retention regression. Conditions are parsed before any input is read (a typo is a usage error,
// exit 2). Only total rows count (not segment rows); a rate that is null (no denominator) satisfies no
// condition. Rates are compared exactly, as shown (annualised under --annualize).
import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { rateNames, type RateName } from '../report/bridge-rates.js';
import type { BridgeRow } from '../report/bridge-row.js';
import { CheckFailedError, UsageError } from './errors.js';

type Operator = '<' | '<=' | '>' | '>=';

export interface FailCondition {
  /** As written by the user, for the message. */
  text: string;
  rate: RateName;
  operator: Operator;
  threshold: number;
}

export interface FailGate {
  conditions: FailCondition[];
  /** All periods shown, or only the last one. */
  period: 'all' | 'last';
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addFailIfOptions(cmd: Command): Command {
  return cmd
    .option('--fail-if <condition>', 'exit 1 when a rate crosses a threshold in a period shown, e.g. "nrr<1.0", "grr<0.9", "logoChurn>0.02" (repeatable)', collect)
    .addOption(new Option('--fail-period <which>', 'periods --fail-if looks at: all periods shown, or the last one').choices(['all', 'last']).default('all'));
}

const gateSchema = z.object({
  failIf: z.array(z.string()).default([]),
  failPeriod: z.enum(['all', 'last']).default('all'),
});

/** grr, nrr, grossChurn (gross_churn), …: compared without case or underscores. */
const rateByName = new Map<string, RateName>(rateNames.map((name) => [name.toLowerCase(), name]));
const conditionPattern = /^\s*([A-Za-z_]+)\s*(<=|>=|<|>)\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/;

export function parseFailGate(raw: Record<string, unknown>): FailGate {
  const options = gateSchema.parse({ failIf: raw.failIf, failPeriod: raw.failPeriod });
  const conditions = options.failIf.map((text): FailCondition => {
    const match = conditionPattern.exec(text);
    const rate = match ? rateByName.get(match[1]!.replaceAll('_', '').toLowerCase()) : undefined;
    if (!match || rate === undefined) {
      throw new UsageError(`--fail-if "${text}": expected RATE<NUMBER, RATE>NUMBER (or <=, >=), e.g. "nrr<1.0" or "logoChurn>2%", with RATE one of ${rateNames.join(', ')}`);
    }
    const value = Number(match[3]);
    return { text: text.trim(), rate, operator: match[2] as Operator, threshold: match[4] === '%' ? value / 100 : value };
  });
  return { conditions, period: options.failPeriod };
}

function holds(comparison: number, operator: Operator): boolean {
  switch (operator) {
    case '<':
      return comparison < 0;
    case '<=':
      return comparison <= 0;
    case '>':
      return comparison > 0;
    case '>=':
      return comparison >= 0;
  }
}

const listed = 3;

/** Throws CheckFailedError naming every condition that holds in a period looked at (first 3 periods each). */
export function checkFailGate(rows: readonly BridgeRow[], gate: FailGate): void {
  if (gate.conditions.length === 0) return;
  const totals = rows.filter((row) => row.segment === null);
  const looked = gate.period === 'last' ? totals.slice(-1) : totals;
  const failures: string[] = [];
  for (const condition of gate.conditions) {
    const hits = looked.filter((row) => {
      const rate = row.rates[condition.rate];
      return rate !== null && holds(rate.compare(condition.threshold), condition.operator);
    });
    if (hits.length === 0) continue;
    const shown = hits.slice(0, listed).map((row) => `${row.period}${row.partial ? ' (partial)' : ''} ${condition.rate} ${row.rates[condition.rate]!.toFixed(4)}`);
    const more = hits.length > listed ? `, and ${hits.length - listed} more` : '';
    failures.push(`${condition.text} in ${hits.length} of ${looked.length} period(s): ${shown.join(', ')}${more}`);
  }
  if (failures.length > 0) throw new CheckFailedError(failures.join('; '));
}
