// The real engine against the deliberately naive reference (test/reference/naive-bridge.ts: every snapshot
// day evaluated directly, no sweep, no typed arrays) on ≥ 200 random histories per run, at customer and
// contract level (the reference's entity is the contract key, `renews` links followed, computed here).
// Periods, bounds, the partial flag, money, counts and rates must agree. The reference marks the period
// containing as-of partial even when as-of is its last day; the engine calls that period complete
// (METRICS.md §3: partial = as-of before the period's last day), so that one flag is mapped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractKeys, historyArb, historyCsv, historyFlags, type History } from '../helpers/gen-history.js';
import { runCli } from '../helpers/run-cli.js';
import { centsToString, naiveBridge, type NaiveLine } from '../reference/naive-bridge.js';

const runs = Number(process.env.PROPERTY_RUNS_NAIVE ?? 200);
const seed = Number(process.env.PROPERTY_SEED ?? 20250615);

interface JsonPeriod {
  period: string;
  start: string;
  end: string;
  partial: boolean;
  money: Record<string, string>;
  counts: Record<string, number>;
  rates: Record<string, number | null>;
}

function naiveLines(history: History, level: 'customer' | 'contract'): NaiveLine[] {
  const keys = contractKeys(history.lines);
  return history.lines.map((l) => ({ entity: level === 'customer' ? l.customer : keys.get(l.contract)!, start: l.start, end: l.end, cancel: l.cancel, mrrCents: l.mrrCents }));
}

function differences(got: readonly JsonPeriod[], history: History, level: 'customer' | 'contract'): string[] {
  const want = naiveBridge(naiveLines(history, level), { period: history.period, asOf: history.asOf, graceDays: history.graceDays });
  const labels = (ps: readonly { period?: string; label?: string }[]): string => ps.map((p) => p.period ?? p.label).join(',');
  if (labels(got) !== labels(want)) return [`periods [${labels(got)}] vs reference [${labels(want)}]`];
  const out: string[] = [];
  want.forEach((w, i) => {
    const g = got[i]!;
    const partial = w.partial && history.asOf !== w.end;
    if (g.start !== w.start || g.end !== w.end || g.partial !== partial) out.push(`${w.label} bounds ${g.start}..${g.end} partial ${g.partial} vs ${w.start}..${w.end} ${partial}`);
    for (const [k, v] of Object.entries(w.money)) if (g.money[k] !== centsToString(v)) out.push(`${w.label} money.${k} ${g.money[k]} vs ${centsToString(v)}`);
    for (const [k, v] of Object.entries(w.counts)) if (g.counts[k] !== v) out.push(`${w.label} counts.${k} ${g.counts[k]} vs ${v}`);
    for (const [k, v] of Object.entries(w.rates)) {
      const x = g.rates[k];
      if (v === null ? x !== null : typeof x !== 'number' || Math.abs(x - v) > 5e-7) out.push(`${w.label} rates.${k} ${x} vs ${v}`);
    }
  });
  return out;
}

describe(`engine vs naive reference (${runs} random histories per level)`, () => {
  it.each(['customer', 'contract'] as const)('agrees at %s level', async (level) => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(historyArb({ fiscal: false }), async (history) => {
        const result = await runCli(['bridge', '-f', 'json', '--level', level, ...historyFlags(history), '-'], { stdin: historyCsv(history.lines) });
        expect(result.exitCode, result.stderr).toBe(0);
        const got = (JSON.parse(result.stdout) as { periods: JsonPeriod[] }).periods;
        if (got.length > 0) compared++;
        expect(differences(got, history, level).slice(0, 8)).toEqual([]);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    // Most histories have someone active by as-of: the comparison is not vacuous.
    expect(compared).toBeGreaterThan(runs / 2);
  });
});
