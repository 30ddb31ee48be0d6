// Runs `retain bridge --format json` on inline CSV and returns the parsed report.
import { expect } from 'vitest';
import { runCli } from './run-cli.js';

export interface BridgePeriodJson {
  period: string;
  start: string;
  end: string;
  partial: boolean;
  segment: Record<string, string> | null;
  money: Record<'begin' | 'new' | 'expansion' | 'reactivation' | 'contraction' | 'churn' | 'end', string>;
  counts: Record<'begin' | 'new' | 'reactivated' | 'expanded' | 'contracted' | 'churned' | 'end', number>;
  rates: Record<string, number | null>;
}

export interface BridgeJson {
  schemaVersion: number;
  command: string;
  asOf: string;
  policy: Record<string, unknown>;
  input: { files: string[]; rows: number; used: number; rejected: number; excluded: Record<string, number>; blank: number };
  periods: BridgePeriodJson[];
}

export async function bridgeJson(csvText: string, args: string[]): Promise<BridgeJson> {
  const result = await runCli(['bridge', '--format', 'json', ...args, '-'], { stdin: csvText });
  expect(result.stderr).not.toMatch(/error/);
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as BridgeJson;
}

export function period(report: BridgeJson, label: string): BridgePeriodJson {
  const p = report.periods.find((x) => x.period === label);
  if (!p) throw new Error(`no period ${label} in ${report.periods.map((x) => x.period).join(', ')}`);
  return p;
}

/** begin + new + expansion + reactivation − contraction − churn = end, in cents, for every period. */
export function expectIdentity(report: BridgeJson): void {
  const cents = (s: string): number => Math.round(Number(s) * 100);
  for (const p of report.periods) {
    const m = p.money;
    expect(cents(m.begin) + cents(m.new) + cents(m.expansion) + cents(m.reactivation) - cents(m.contraction) - cents(m.churn), p.period).toBe(cents(m.end));
  }
}
