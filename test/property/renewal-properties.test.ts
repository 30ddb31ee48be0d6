// Renewal accounting closes on random histories (test/helpers/gen-history.ts), at customer and contract
// level, month and quarter periods, every grace value (METRICS.md §7): in every period, in count and in
// MRR, expected + rolled in = decided + rolled forward + pending; decided = renewed + archived + churned;
// renewed = flat + upgraded + downgraded; churned = cancelled + not renewed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArb, historyCsv, historyFlags } from '../helpers/gen-history.js';
import { runCli } from '../helpers/run-cli.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 60);
const seed = Number(process.env.PROPERTY_SEED ?? 20250615);

type Measures = Record<'expected' | 'rolledIn' | 'decided' | 'rolledForward' | 'pending' | 'renewed' | 'archived' | 'churned' | 'renewedFlat' | 'upgraded' | 'downgraded' | 'cancelled' | 'notRenewed', number>;

interface RenewalPeriod {
  period: string;
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
        const result = await runCli(['renewals', '-f', 'json', '--level', level, ...historyFlags(history), '-'], { stdin: historyCsv(history.lines) });
        expect(result.exitCode, result.stderr).toBe(0);
        for (const p of (JSON.parse(result.stdout) as { periods: RenewalPeriod[] }).periods) {
          periods++;
          expectCloses(p.counts, `${p.period} counts`);
          expectCloses(Object.fromEntries(Object.keys(p.counts).map((k) => [k, cents(p.money[k as keyof Measures] ?? '0')])) as Measures, `${p.period} MRR`);
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    expect(periods).toBeGreaterThan(runs);
  });
});
