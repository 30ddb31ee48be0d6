/**
 * Differential test of `retain bridge --by region` against the naive segment reference on random small
 * histories (several lines per entity in different regions, equal MRRs for ties, cancellations, credits,
 * zero-MRR lines, late renewals, every period kind). Also checks, on every case, that segment rows sum to
 * the total row, that each segment's begin = previous end + moved in − moved out, and that the total rows
 * are those of the plain bridge. Deterministic (seeded).
 */
import { describe, expect, it } from 'vitest';
import { expectSegmentInvariants, type SegmentRowJson } from '../helpers/segment-json.js';
import { runCli } from '../helpers/run-cli.js';
import { centsToString, toDay, toIso, type NaivePeriodKind } from './naive-bridge.js';
import { naiveSegmentBridge, type NaiveSegmentLine } from './naive-segments.js';

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function randomCase(rnd: () => number): { lines: NaiveSegmentLine[]; period: NaivePeriodKind; asOf: string; graceDays: number } {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const after = (iso: string, span: number): string => toIso(toDay(iso) + Math.floor(rnd() * span));
  const lines: NaiveSegmentLine[] = [];
  const entities = 1 + Math.floor(rnd() * 4);
  for (let e = 0; e < entities; e++) {
    const count = 1 + Math.floor(rnd() * 5);
    for (let l = 0; l < count; l++) {
      const start = after('2023-01-01', 500);
      const end = rnd() < 0.25 ? null : after(start, 200);
      const cancel = rnd() < 0.2 ? toIso(toDay(start) + Math.floor(rnd() * 250) - 10) : null;
      lines.push({ entity: `E${e}`, start, end, cancel, mrrCents: pick([-500, 0, 1000, 1000, 2500, 5000]), region: pick(['AMER', 'EMEA', 'APAC', '']) });
    }
  }
  return { lines, period: pick(['week', 'month', 'month', 'quarter', 'year'] as const), asOf: after('2023-03-01', 700), graceDays: pick([0, 5, 30]) };
}

const moneyKeys = ['begin', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'end'] as const;
const countKeys = ['begin', 'new', 'reactivated', 'expanded', 'contracted', 'churned', 'end'] as const;

function differences(rows: SegmentRowJson[], lines: NaiveSegmentLine[], opts: { period: NaivePeriodKind; asOf: string; graceDays: number }): string[] {
  const out: string[] = [];
  const naive = naiveSegmentBridge(lines, opts);
  const key = (period: string, region: string): string => `${period} ${JSON.stringify(region)}`;
  const want = new Map(naive.map((r) => [key(r.period, r.region), r]));
  // Rows that hold only trailing-twelve-month figures are outside the reference.
  const got = rows.filter((r) => r.segment !== null && (Object.values(r.counts).some((c) => c !== 0) || r.segmentFlow!.movedInCount + r.segmentFlow!.movedOutCount > 0));
  if (got.length !== want.size) out.push(`rows ${got.map((r) => key(r.period, r.segment!.region!)).join(', ')} vs naive ${[...want.keys()].join(', ')}`);
  for (const g of got) {
    const w = want.get(key(g.period, g.segment!.region!));
    if (!w) {
      out.push(`unexpected ${key(g.period, g.segment!.region!)}`);
      continue;
    }
    for (const k of moneyKeys) if (g.money[k] !== centsToString(w.money[k])) out.push(`${g.period} ${g.segment!.region} ${k} ${g.money[k]} vs ${centsToString(w.money[k])}`);
    for (const k of countKeys) if (g.counts[k] !== w.counts[k]) out.push(`${g.period} ${g.segment!.region} ${k} count ${g.counts[k]} vs ${w.counts[k]}`);
    if (g.segmentFlow!.movedIn !== centsToString(w.money.movedIn) || g.segmentFlow!.movedOut !== centsToString(w.money.movedOut)) {
      out.push(`${g.period} ${g.segment!.region} flow ${JSON.stringify(g.segmentFlow)} vs in ${w.money.movedIn} out ${w.money.movedOut}`);
    }
  }
  return out;
}

describe('differential: bridge --by region vs naive segment reference', () => {
  it('agrees on 250 random histories', async () => {
    const rnd = lcg(6061);
    const failures: string[] = [];
    let compared = 0;
    for (let i = 0; i < 250 && failures.length < 3; i++) {
      const { lines, ...opts } = randomCase(rnd);
      if (lines.every((l) => toDay(l.start) > toDay(opts.asOf))) continue;
      const csv = 'customer_id,start_date,end_date,cancel_date,mrr,region\n' + lines.map((l) => `${l.entity},${l.start},${l.end ?? ''},${l.cancel ?? ''},${centsToString(l.mrrCents)},${l.region}`).join('\n') + '\n';
      const common = ['--format', 'json', '--period', opts.period, '--as-of', opts.asOf, '--grace-days', String(opts.graceDays), '-'];
      const segmented = await runCli(['bridge', '--by', 'region', ...common], { stdin: csv });
      const plain = await runCli(['bridge', ...common], { stdin: csv });
      if (segmented.exitCode !== 0 || plain.exitCode !== 0) {
        failures.push(`case ${i}: exit ${segmented.exitCode}/${plain.exitCode}: ${segmented.stderr}`);
        continue;
      }
      const rows = (JSON.parse(segmented.stdout) as { periods: SegmentRowJson[] }).periods;
      expectSegmentInvariants(rows);
      expect(rows.filter((r) => r.segment === null)).toEqual((JSON.parse(plain.stdout) as { periods: SegmentRowJson[] }).periods);
      const problems = differences(rows, lines, opts);
      if (problems.length > 0) failures.push(`case ${i}: ${common.slice(0, -1).join(' ')}\n${csv}${problems.slice(0, 6).join('\n')}`);
      compared++;
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(200);
  });
});
