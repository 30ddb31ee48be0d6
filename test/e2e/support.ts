/**
 * Shared helpers of the end-to-end bridge tests: run `retain bridge --format json` in-process,
 * and compare its periods with hand-worked figures and with the naive reference (test/reference).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { centsToString, type NaivePeriod } from '../reference/naive-bridge.js';

/** The repository root: fixture paths in the CLI arguments are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const MONEY_KEYS = ['begin', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'end'] as const;
export const COUNT_KEYS = ['begin', 'new', 'reactivated', 'expanded', 'contracted', 'churned', 'end'] as const;
export const RATE_KEYS = [
  'grr',
  'nrr',
  'grossChurn',
  'netChurn',
  'logoChurn',
  'logoRetention',
  'quickRatio',
  'ttmNrr',
  'ttmGrr',
] as const;

export type MoneyKey = (typeof MONEY_KEYS)[number];
export type CountKey = (typeof COUNT_KEYS)[number];
export type RateKey = (typeof RATE_KEYS)[number];

export interface JsonPeriod {
  period: string;
  start: string;
  end: string;
  partial: boolean;
  segment: string | null;
  money: Record<MoneyKey, string>;
  counts: Record<CountKey, number>;
  rates: Record<RateKey, number | null>;
}

export interface BridgeJson {
  schemaVersion: number;
  command: string;
  asOf: string;
  input: { rows: number; used: number; rejected: number };
  periods: JsonPeriod[];
}

/** Runs `retain bridge --format json …` from the repository root and parses its stdout. */
export async function runBridge(args: readonly string[]): Promise<BridgeJson> {
  const res = await runCli(['bridge', '--format', 'json', ...args], { cwd: REPO_ROOT });
  expect(res.exitCode, res.stderr).toBe(0);
  const json = JSON.parse(res.stdout) as BridgeJson;
  expect(json.schemaVersion).toBe(1);
  expect(json.command).toBe('bridge');
  return json;
}

/** The fixture's rows as objects keyed by header (read directly, never through the CLI). */
export function readFixture(relPath: string): Record<string, string>[] {
  return parse(readFileSync(new URL(`../../${relPath}`, import.meta.url)), { columns: true }) as Record<string, string>[];
}

export function periodOf(json: BridgeJson, label: string): JsonPeriod {
  const p = json.periods.find((x) => x.period === label);
  if (p === undefined) throw new Error(`period ${label} missing; got ${json.periods.map((x) => x.period).join(', ')}`);
  return p;
}

/** Hand-worked figures of one period. Money in major units as the JSON prints it; rates as exact fractions. */
export interface Expected {
  partial?: boolean;
  start?: string;
  end?: string;
  money: Record<MoneyKey, string>;
  counts: Record<CountKey, number>;
  rates?: Partial<Record<RateKey, number | null>>;
}

export function expectPeriod(json: BridgeJson, label: string, want: Expected): void {
  const got = periodOf(json, label);
  // Soft assertions: a failing run lists every differing figure, not just the first one.
  if (want.partial !== undefined) expect.soft(got.partial, `${label} partial`).toBe(want.partial);
  if (want.start !== undefined) expect.soft(got.start, `${label} start`).toBe(want.start);
  if (want.end !== undefined) expect.soft(got.end, `${label} end`).toBe(want.end);
  expect.soft(got.money, `${label} money`).toEqual(want.money);
  expect.soft(got.counts, `${label} counts`).toEqual(want.counts);
  for (const [key, value] of Object.entries(want.rates ?? {}) as [RateKey, number | null][]) {
    if (value === null) expect.soft(got.rates[key], `${label} ${key}`).toBeNull();
    else expect.soft(got.rates[key], `${label} ${key}`).toBeCloseTo(value, 6);
  }
}

/** Every period of the CLI output equals the naive reference's (labels, bounds, money, counts, rates). */
export function expectSameAsNaive(json: BridgeJson, naive: readonly NaivePeriod[]): void {
  expect(json.periods.map((p) => p.period)).toEqual(naive.map((p) => p.label));
  naive.forEach((want, i) => {
    const got = json.periods[i];
    if (got === undefined) throw new Error(`period ${want.label} missing`);
    const where = want.label;
    expect.soft(got.start, `${where} start`).toBe(want.start);
    expect.soft(got.end, `${where} end`).toBe(want.end);
    expect.soft(got.partial, `${where} partial`).toBe(want.partial);
    expect.soft(got.segment, `${where} segment`).toBeNull();
    for (const key of MONEY_KEYS) expect.soft(got.money[key], `${where} money.${key}`).toBe(centsToString(want.money[key]));
    expect.soft(got.counts, `${where} counts`).toEqual(want.counts);
    for (const key of RATE_KEYS) {
      const w = want.rates[key];
      if (w === null) expect.soft(got.rates[key], `${where} rates.${key}`).toBeNull();
      else expect.soft(got.rates[key], `${where} rates.${key}`).toBeCloseTo(w, 6);
    }
  });
}
