/**
 * Differential test: `retain bridge` against the naive reference on small random histories
 * (cancellations, evergreen lines, credit and zero-MRR lines, late renewals, every period kind, grace 0/5/30).
 * Deterministic (seeded). Compares period labels and bounds, money, counts and rates; the `partial` flag is
 * checked by the e2e tests instead.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { centsToString, naiveBridge, toDay, toIso, type NaiveLine, type NaivePeriodKind } from './naive-bridge.js';

interface JsonPeriod {
  period: string;
  start: string;
  end: string;
  money: Record<string, string>;
  counts: Record<string, number>;
  rates: Record<string, number | null>;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function randomCase(rnd: () => number): { lines: NaiveLine[]; period: NaivePeriodKind; asOf: string; graceDays: number } {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const after = (iso: string, span: number): string => toIso(toDay(iso) + Math.floor(rnd() * span));
  const lines: NaiveLine[] = [];
  const entities = 1 + Math.floor(rnd() * 3);
  for (let e = 0; e < entities; e++) {
    const count = 1 + Math.floor(rnd() * 4);
    for (let l = 0; l < count; l++) {
      const start = after('2023-01-01', 600);
      const end = rnd() < 0.2 ? null : after(start, 200);
      const cancel = rnd() < 0.25 ? toIso(toDay(start) + Math.floor(rnd() * 250) - 10) : null;
      lines.push({ entity: `E${e}`, start, end, cancel, mrrCents: pick([-500, 0, 1000, 2500, 5000, 12345]) });
    }
  }
  return { lines, period: pick(['week', 'month', 'quarter', 'year'] as const), asOf: after('2023-03-01', 800), graceDays: pick([0, 5, 30]) };
}

function differences(json: JsonPeriod[], lines: NaiveLine[], opts: { period: NaivePeriodKind; asOf: string; graceDays: number }): string[] {
  const naive = naiveBridge(lines, opts);
  const got = json.map((p) => p.period).join(',');
  const want = naive.map((p) => p.label).join(',');
  if (got !== want) return [`periods [${got}] vs naive [${want}]`];
  const out: string[] = [];
  naive.forEach((w, i) => {
    const g = json[i] as JsonPeriod;
    if (g.start !== w.start || g.end !== w.end) out.push(`${w.label} bounds ${g.start}..${g.end} vs ${w.start}..${w.end}`);
    for (const [k, v] of Object.entries(w.money)) if (g.money[k] !== centsToString(v)) out.push(`${w.label} money.${k} ${g.money[k]} vs ${centsToString(v)}`);
    for (const [k, v] of Object.entries(w.counts)) if (g.counts[k] !== v) out.push(`${w.label} counts.${k} ${g.counts[k]} vs ${v}`);
    for (const [k, v] of Object.entries(w.rates)) {
      const x = g.rates[k];
      const same = v === null ? x === null : typeof x === 'number' && Math.abs(x - v) <= 5e-7;
      if (!same) out.push(`${w.label} rates.${k} ${x} vs ${v}`);
    }
  });
  return out;
}

describe('differential: engine vs naive reference', () => {
  it('agrees on 300 random histories', async () => {
    const rnd = lcg(20240615);
    const failures: string[] = [];
    for (let i = 0; i < 300 && failures.length < 5; i++) {
      const { lines, ...opts } = randomCase(rnd);
      if (naiveBridge(lines, opts).length === 0) continue; // nobody active by as-of: see the dedicated test below
      const csv =
        'customer_id,start_date,end_date,cancel_date,mrr\n' +
        lines.map((l) => `${l.entity},${l.start},${l.end ?? ''},${l.cancel ?? ''},${centsToString(l.mrrCents)}`).join('\n') +
        '\n';
      const args = ['bridge', '--format', 'json', '--period', opts.period, '--as-of', opts.asOf, '--grace-days', String(opts.graceDays), '-'];
      const res = await runCli(args, { stdin: csv });
      const problems =
        res.exitCode !== 0 ? [`exit ${res.exitCode}: ${res.stderr}`] : differences((JSON.parse(res.stdout) as { periods: JsonPeriod[] }).periods, lines, opts);
      if (problems.length > 0) failures.push(`case ${i}: ${args.slice(3).join(' ')}\n${csv}${problems.slice(0, 6).join('\n')}`);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('reports no period when nobody is active by as-of', async () => {
    // METRICS.md §8: "--as-of before any data gives an empty report and a warning"; the periods shown start at the
    // period of the first day anybody is active, so with nobody active there is none (the naive reference agrees).
    const future = 'customer_id,start_date,end_date,mrr\nA,2024-06-21,2024-09-15,50.00\n';
    const r1 = await runCli(['bridge', '--format', 'json', '--period', 'year', '--as-of', '2024-06-05', '-'], { stdin: future });
    expect(r1.exitCode).toBe(0);
    expect((JSON.parse(r1.stdout) as { periods: unknown[] }).periods).toEqual([]);
    expect(r1.stderr.split('\n').filter((l) => /warning/i.test(l))).toHaveLength(1);
    // Lines known by as-of, but none with MRR > 0 (a zero line and a credit line): nobody is ever active either.
    const inactive = 'customer_id,start_date,end_date,mrr\nA,2024-01-01,,0.00\nB,2024-02-01,,-5.00\n';
    const r2 = await runCli(['bridge', '--format', 'json', '--period', 'month', '--as-of', '2024-06-05', '-'], { stdin: inactive });
    expect(r2.exitCode).toBe(0);
    expect((JSON.parse(r2.stdout) as { periods: unknown[] }).periods).toEqual([]);
    expect(naiveBridge([{ entity: 'A', start: '2024-01-01', end: null, cancel: null, mrrCents: 0 }], { period: 'month', asOf: '2024-06-05', graceDays: 30 })).toEqual([]);
  });
});
