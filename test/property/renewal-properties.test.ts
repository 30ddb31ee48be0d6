// Renewal accounting closes on random histories (test/helpers/gen-history.ts), at customer and contract
// level, month and quarter periods, every grace value (METRICS.md §7): in every period, in count and in
// MRR, expected + rolled in = decided + rolled forward + pending; decided = renewed + archived + churned;
// renewed = flat + upgraded + downgraded; churned = cancelled + not renewed. With --by region, every
// segment row closes too, and the segment rows of a period sum to its total row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArb, historyCsv, historyFlags } from '../helpers/gen-history.js';
import { runCli } from '../helpers/run-cli.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 60);
const seed = Number(process.env.PROPERTY_SEED ?? 20250615);

type Measures = Record<'expected' | 'rolledIn' | 'decided' | 'rolledForward' | 'pending' | 'renewed' | 'archived' | 'churned' | 'renewedFlat' | 'upgraded' | 'downgraded' | 'cancelled' | 'notRenewed', number>;

interface RenewalPeriod {
  period: string;
  segment: Record<string, string> | null;
  counts: Measures;
  money: Record<keyof Measures, string>;
}

const cents = (text: string): number => Math.round(Number(text) * 100);

function expectCloses(m: Measures, where: string): void {
  expect(m.expected + m.rolledIn, `${where}: expected + rolled in = decided + rolled forward + pending`).toBe(m.decided + m.rolledForward + m.pending);
  expect(m.decided, `${where}: decided = renewed + archived + churned`).toBe(m.renewed + m.archived + m.churned);
  expect(m.renewed, `${where}: renewed = flat + upgraded + downgraded`).toBe(m.renewedFlat + m.upgraded + m.downgraded);
  expect(m.churned, `${where}: churned = cancelled + not renewed`).toBe(m.cancelled + m.notRenewed);
}

describe(`renewal accounting over random histories (${runs} runs)`, () => {
  it('closes in every period, in count and in MRR', async () => {
    let periods = 0;
    await fc.assert(
      fc.asyncProperty(historyArb({ periods: ['month', 'quarter'] }), fc.constantFrom('customer', 'contract'), async (history, level) => {
        const result = await runCli(['renewals', '-f', 'json', '--by', 'region', '--level', level, ...historyFlags(history), '-'], { stdin: historyCsv(history.lines) });
        expect(result.exitCode, result.stderr).toBe(0);
        const rows = (JSON.parse(result.stdout) as { periods: RenewalPeriod[] }).periods;
        const moneyOf = (p: RenewalPeriod): Measures => Object.fromEntries(Object.keys(p.counts).map((k) => [k, cents(p.money[k as keyof Measures] ?? '0')])) as Measures;
        for (const p of rows) {
          const where = `${p.period} ${p.segment ? JSON.stringify(p.segment) : 'total'}`;
          expectCloses(p.counts, `${where} counts`);
          expectCloses(moneyOf(p), `${where} MRR`);
          if (p.segment !== null) continue;
          periods++;
          const parts = rows.filter((r) => r.period === p.period && r.segment !== null);
          for (const k of Object.keys(p.counts) as (keyof Measures)[]) {
            expect(parts.reduce((s, r) => s + r.counts[k], 0), `${p.period} Σ ${k}`).toBe(p.counts[k]);
            expect(parts.reduce((s, r) => s + moneyOf(r)[k], 0), `${p.period} Σ ${k} MRR`).toBe(moneyOf(p)[k]);
          }
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    expect(periods).toBeGreaterThan(runs);
  });
});
