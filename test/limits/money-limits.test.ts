// Exact money at the documented limits: up to 10^13 major units per line and 10^15 in sums. Past 2^53
// minor units (9,007,199,254,740,992 cents ≈ 9 × 10^13 USD) a Float64 sum is no longer exact, so the
// bridge takes its BigInt path (metrics/bridge-exact.ts); reports without one refuse such an input.
// Also: a field of 1 MB. (Inputs past 2 GiB and 2 million customers: `npm run bench -- --big`.)
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputs, type ReadOptions } from '../../src/io/read-inputs.js';
import { computeBridge, countMeasures, moneyMeasures } from '../../src/metrics/bridge.js';
import { computeBridgeExact, firstActiveDaysExact } from '../../src/metrics/bridge-exact.js';
import { buildDataset } from '../../src/model/dataset.js';
import { combineMinor, exactMinor, minorToDecimalString, minorToDisplayString, Rate } from '../../src/model/money.js';
import { prepareSweep } from '../../src/report/sweep.js';
import { resolveOptions } from '../../src/cli/options.js';
import { firstActiveDays } from '../../src/metrics/entity-events.js';
import { historyArb, historyCsv, historyFlags } from '../helpers/gen-history.js';
import { runCli } from '../helpers/run-cli.js';

// 100 customers at 9,999,999,999,999.99 a month each (just under 10^13): 999,999,999,999,999.00 in total,
// 99,999,999,999,999,900 cents, eleven times 2^53. H01 adds a −0.01 credit from February (a contraction of
// one cent); H00 ends on 2024-02-29 (churn in March, grace 0). A Float64 sum would be off by up to 8 cents.
const huge = [
  'customer_id,start_date,end_date,mrr',
  ...Array.from({ length: 100 }, (_, i) => `H${String(i).padStart(2, '0')},2024-01-01,${i === 0 ? '2024-02-29' : ''},9999999999999.99`),
  'H01,2024-02-01,,-0.01',
  '',
].join('\n');

interface Period {
  period: string;
  money: Record<string, string>;
  counts: Record<string, number>;
  rates: Record<string, number | null>;
}

async function bridge(args: string[], stdin = huge): Promise<{ code: number; stderr: string; periods: Period[] }> {
  const result = await runCli(['bridge', '-f', 'json', '--as-of', '2024-03-31', '--grace-days', '0', ...args, '-'], { stdin });
  return { code: result.exitCode, stderr: result.stderr, periods: result.exitCode === 0 ? (JSON.parse(result.stdout) as { periods: Period[] }).periods : [] };
}

describe('sums past 2^53 minor units', () => {
  it('are exact to the cent in every measure of the bridge', async () => {
    const { code, stderr, periods } = await bridge([]);
    expect(code, stderr).toBe(0);
    const [jan, feb, mar] = periods;
    expect(jan!.money).toMatchObject({ begin: '0.00', new: '999999999999999.00', end: '999999999999999.00' });
    // February: one cent less (H01's credit) — lost entirely by a Float64 sum at this size.
    expect(feb!.money).toMatchObject({ begin: '999999999999999.00', contraction: '0.01', end: '999999999999998.99' });
    expect(mar!.money).toMatchObject({ begin: '999999999999998.99', churn: '9999999999999.99', end: '989999999999999.00' });
    expect([jan!.counts.new, feb!.counts.contracted, mar!.counts.churned, mar!.counts.end]).toEqual([100, 1, 1, 99]);
    // GRR of March = 98,999,999,999,999,900 / 99,999,999,999,999,899 = 0.99 − 10^−19 (nearly) → 0.990000.
    expect(mar!.rates.grr).toBe(0.99);
    // NRR of February = 1 − 1/99,999,999,999,999,900: below 1, shown as 1.000000 at six places.
    expect(feb!.rates.nrr).toBe(1);
  });

  it('are exact as ARR (× 12) and at contract level', async () => {
    const arr = await bridge(['--unit', 'arr']);
    expect(arr.periods[1]!.money.end).toBe('11999999999999987.88'); // 12 × 99,999,999,999,999,899 cents
    expect(arr.periods[2]!.money.end).toBe('11879999999999988.00');
    const contracts = await bridge(['--level', 'contract']);
    expect(contracts.periods.map((p) => p.money.end)).toEqual(['999999999999999.00', '999999999999998.99', '989999999999999.00']);
  });

  it('are refused, not rounded, by reports that sum in Float64', async () => {
    for (const args of [['--compare', 'previous'], ['--by', 'mrr_band']]) {
      const result = await runCli(['bridge', '--as-of', '2024-03-31', ...args, '-'], { stdin: huge });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('SUM_OUT_OF_RANGE');
    }
    const cohorts = await runCli(['cohorts', '--as-of', '2024-03-31', '-'], { stdin: huge });
    expect(cohorts.exitCode).toBe(2);
    expect(cohorts.stderr).toContain('SUM_OUT_OF_RANGE');
  });
});

describe('one line', () => {
  it('is exact up to 10^13 major units, and too large past 2^53 minor units', async () => {
    const ok = await bridge([], 'customer_id,start_date,mrr\nA,2024-01-01,10000000000000.00\nB,2024-01-01,"$9,999,999,999,999.99"\n');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.periods[0]!.money.end).toBe('19999999999999.99');
    // 90,071,992,547,409.93 USD = 9,007,199,254,740,993 cents = 2^53 + 1.
    const tooLarge = await runCli(['bridge', '--as-of', '2024-03-31', '-'], { stdin: 'customer_id,start_date,mrr\nA,2024-01-01,90071992547409.93\n' });
    expect(tooLarge.exitCode).toBe(2);
    expect(tooLarge.stderr).toMatch(/:2:3 \[mrr\]: INVALID_AMOUNT: the amount is too large/);
  });
});

describe('money helpers past 2^53', () => {
  it('keep numbers while safe and bigints beyond, exactly', () => {
    expect(exactMinor(9_007_199_254_740_991n)).toBe(9_007_199_254_740_991);
    expect(exactMinor(9_007_199_254_740_993n)).toBe(9_007_199_254_740_993n);
    expect(combineMinor([9_007_199_254_740_991, 2])).toBe(9_007_199_254_740_993n);
    expect(combineMinor([9_007_199_254_740_993n], [9_007_199_254_740_992])).toBe(1);
    expect(combineMinor([], [0])).toBe(0);
    expect(minorToDecimalString(-99_999_999_999_999_899n, 2)).toBe('-999999999999998.99');
    expect(minorToDecimalString(5n, 3)).toBe('0.005');
    expect(minorToDisplayString(99_999_999_999_999_899n, 2)).toBe('999,999,999,999,998.99');
    expect(Rate.of(98_999_999_999_999_900n, 99_999_999_999_999_899n)?.toFixed(20)).toBe('0.98999999999999999990');
    expect(Rate.of(1n, 0)).toBeNull();
  });
});

describe('the exact sweep', () => {
  /** The dataset and sweep of a CSV text, as `retain bridge` builds them. */
  async function sweepOf(csv: string, flags: string[]) {
    const raw: Record<string, unknown> = {};
    for (let i = 0; i < flags.length; i += 2) raw[flags[i]!.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = flags[i + 1];
    const resolved = await resolveOptions(['-'], raw, process.cwd(), new Date('2025-06-15T00:00:00Z'));
    const read = await readInputs(['-'], resolved.read as ReadOptions, Readable.from([Buffer.from(csv)]));
    const dataset = buildDataset(read.store, resolved.spec.level, resolved.spec.asOf, resolved.spec.graceDays);
    return { dataset, sweep: prepareSweep(resolved.spec, dataset) };
  }

  it('agrees with the Float64 sweep wherever that one is exact (random histories)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb(), async (history) => {
        const { dataset, sweep } = await sweepOf(historyCsv(history.lines), historyFlags(history));
        const n = dataset.entities.count;
        expect(firstActiveDaysExact(sweep.events, n)).toEqual(firstActiveDays(sweep.events, n));
        const fast = computeBridge(sweep.events, n, sweep.firstActive, sweep.grid);
        const exact = computeBridgeExact(sweep.events, n, sweep.firstActive, sweep.grid);
        for (const m of moneyMeasures) expect(exact.cells.money[m].map(Number), m).toEqual([...fast.money[m]]);
        for (const c of countMeasures) expect([...exact.facts.counts[c]], c).toEqual([...fast.counts[c]]);
        expect(exact.cells.ttmThen.map(Number)).toEqual([...fast.ttmThen]);
        expect(exact.cells.ttmMin.map(Number)).toEqual([...fast.ttmMin]);
        expect(exact.facts.negativeEntities).toEqual(fast.negativeEntities);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60), seed: 20250615 },
    );
  });
});

describe('a field of 1 MB', () => {
  it('is read whole, across read chunks, and later rows keep their line numbers', async () => {
    // A quoted churn_reason of 1,000,000 characters with commas, doubled quotes and 999 line breaks.
    const chunk = `${'x'.repeat(990)},""ok"",\n`;
    const reason = chunk.repeat(999) + 'y'.repeat(1_000_000 - chunk.length * 999 + 999 * 2);
    const csv = `customer_id,start_date,mrr,churn_reason\nA,2024-01-01,100.00,"${reason}"\nB,2024-01-01,oops,\n`;
    // From a file, so the field arrives in 64 KiB read chunks.
    const dir = mkdtempSync(join(tmpdir(), 'retain-big-field-'));
    writeFileSync(join(dir, 'bad.csv'), csv);
    writeFileSync(join(dir, 'good.csv'), csv.replace('oops', '50.00'));
    const result = await runCli(['bridge', '--as-of', '2024-01-31', 'bad.csv'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    // Row B starts on line 2 + 999 line breaks + 1 = 1002.
    expect(result.stderr).toContain('bad.csv:1002:3 [mrr]: INVALID_AMOUNT: mrr "oops"');
    const ok = await runCli(['bridge', '-f', 'csv', '--as-of', '2024-01-31', 'good.csv'], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('2024-01,2024-01-01,2024-01-31,false,0.00,150.00');
  });
});
