// `retain diff A B`: two saved reports of one command → rows matched by (period, segment) with, per
// measure, A, B, the change and the relative change; the moves past the thresholds sorted by CMRR impact;
// segments that appeared or disappeared; and restatements (the same complete period with other figures).
// Cohort reports pair cohorts instead of periods and match rows by (segment, age); a restatement is then
// the same cohort and age with other figures, or a cohort cell of a period both reports cover on one side.
// Exact arithmetic: money in integer minor units, rates in integer millionths (the 6 places of the JSON).
import { Rate, roundQuotient } from '../model/money.js';
import { measuresOf, rowMeasures, type DiffMeasure } from './diff-measures.js';
import { policyChanges, type PolicyChange } from './diff-policy.js';
import type { PeriodPair } from './diff-pairs.js';
import { sideOf, type DiffSideData, type IndexedRow, type SavedReportInput, type SideIndex } from './diff-side.js';

export interface Thresholds {
  /** Rates: a move counts when |ΔB−A| > this many millionths (2 pp = 20000). */
  rateMicro: number;
  /** Money and ratios: a move counts when |Δ| ÷ |A| > num ÷ den (10% = 10/100), or A = 0 and B ≠ 0. */
  relative: { num: number; den: number };
}

export const defaultThresholds: Thresholds = { rateMicro: 20_000, relative: { num: 10, den: 100 } };

export type Verdict = 'better' | 'worse' | 'same' | 'neutral';

export interface MeasureChange {
  measure: DiffMeasure;
  /** Minor units (money), a count, or millionths (rates and ratios); null when the report has none. */
  a: number | null;
  b: number | null;
  change: number | null;
  relative: Rate | null;
  verdict: Verdict;
  /** Past the threshold of its kind (counts never are). */
  highlight: boolean;
  /** Signed CMRR effect in minor units (+ good, − bad), or null when the measure has no money meaning. */
  impact: number | null;
}

export interface DiffRow {
  pair: PeriodPair;
  segment: Readonly<Record<string, string>> | null;
  /** Cohort reports: the age of the matched cells; null for period reports. */
  age: number | null;
  changes: MeasureChange[];
}

export interface SegmentOnOneSide {
  pair: PeriodPair;
  segment: Readonly<Record<string, string>> | null;
  age: number | null;
  /** The headline measure (bridge: end CMRR) on the side where the segment is, in minor units. */
  headline: number | null;
}

export interface Restatement {
  period: string;
  segment: Readonly<Record<string, string>> | null;
  age: number | null;
  measure: DiffMeasure;
  a: number | null;
  b: number | null;
}

export interface DiffReport {
  command: 'diff';
  of: string;
  /** 'cohort': pairs are cohorts and rows carry an age (diff-measures.ts). */
  rowsBy: 'period' | 'cohort';
  /** Minor-unit digits of every money value below (the larger of the two reports'). */
  digits: number;
  currency: string;
  a: DiffSideData;
  b: DiffSideData;
  /** B's policy (A's where the two differ is in policyChanges). */
  policy: Readonly<Record<string, unknown>>;
  policyChanges: PolicyChange[];
  thresholds: Thresholds;
  /** The measure shown for a segment on one side only (bridge: end CMRR). */
  headline: DiffMeasure;
  pairs: PeriodPair[];
  rows: DiffRow[];
  highlights: { row: DiffRow; change: MeasureChange }[];
  appeared: SegmentOnOneSide[];
  disappeared: SegmentOnOneSide[];
  restated: Restatement[];
  /** Periods partial in A and complete in B: they changed because they finished, not restated. */
  completed: string[];
}

/** Assumes comparabilityProblems(a, b) was empty (or overridden); `pairs` come from choosePairs. */
export function buildDiffReport(a: SavedReportInput, b: SavedReportInput, pairs: readonly PeriodPair[], thresholds: Thresholds): DiffReport {
  const table = measuresOf(a.command);
  if (table === undefined) throw new Error(`no diff measures for ${a.command}`);
  const digits = Math.max(a.digits, b.digits);
  const sideA = sideOf(a, digits, table.measures);
  const sideB = sideOf(b, digits, table.measures);
  const rows: DiffRow[] = [];
  const appeared: SegmentOnOneSide[] = [];
  const disappeared: SegmentOnOneSide[] = [];
  for (const pair of pairs) {
    const before = sideA.index.get(pair.a) ?? new Map();
    const after = sideB.index.get(pair.b) ?? new Map();
    for (const key of sortedKeys(before, after)) {
      const x = before.get(key);
      const y = after.get(key);
      if (x && y) rows.push({ pair, segment: y.segment, age: y.age, changes: rowMeasures(table.measures, y.age).map((m) => measureChange(m, x.values, y.values, thresholds)) });
      else if (y) appeared.push({ pair, segment: y.segment, age: y.age, headline: y.values.get(table.headline) ?? null });
      else if (x) disappeared.push({ pair, segment: x.segment, age: x.age, headline: x.values.get(table.headline) ?? null });
    }
  }
  const highlights = rows.flatMap((row) => row.changes.filter((c) => c.highlight).map((change) => ({ row, change })));
  highlights.sort((p, q) => impactOrder(p.change, q.change));
  const headline = table.measures.find((m) => m.key === table.headline)!;
  const { restated, completed } = restatements(sideA, sideB, a.asOf === b.asOf, table.measures, headline);
  return {
    command: 'diff',
    of: a.command,
    rowsBy: table.rowsBy,
    digits,
    currency: b.currency,
    a: sideA.data,
    b: sideB.data,
    policy: b.policy,
    policyChanges: policyChanges(a.policy, b.policy),
    thresholds,
    headline,
    pairs: [...pairs],
    rows,
    highlights,
    appeared,
    disappeared,
    restated,
    completed,
  };
}

function measureChange(measure: DiffMeasure, before: ReadonlyMap<string, number | null>, after: ReadonlyMap<string, number | null>, t: Thresholds): MeasureChange {
  const a = before.get(measure.key) ?? null;
  const b = after.get(measure.key) ?? null;
  const change = a !== null && b !== null ? b - a : null;
  const relative = change !== null && a !== null && a !== 0 ? Rate.of(change, Math.abs(a)) : null;
  let verdict: Verdict = 'same';
  if (change !== null && change !== 0) verdict = measure.better === 'none' ? 'neutral' : (change > 0) === (measure.better === 'up') ? 'better' : 'worse';
  const highlight = change !== null && change !== 0 && exceeds(measure, a ?? 0, change, t);
  return { measure, a, b, change, relative, verdict, highlight, impact: impactOf(measure, change, verdict, after) };
}

function exceeds(measure: DiffMeasure, a: number, change: number, t: Thresholds): boolean {
  switch (measure.kind) {
    case 'count':
      return false;
    case 'rate':
      return Math.abs(change) > t.rateMicro;
    case 'money':
    case 'ratio':
      // |Δ| ÷ |a| > num ÷ den, cross-multiplied in BigInt: money in minor units times a percentage can pass 2^53.
      return a === 0 || BigInt(Math.abs(change)) * BigInt(t.relative.den) > BigInt(t.relative.num) * BigInt(Math.abs(a));
  }
}

function impactOf(measure: DiffMeasure, change: number | null, verdict: Verdict, after: ReadonlyMap<string, number | null>): number | null {
  if (measure.impact === 'none' || change === null) return null;
  if (verdict === 'same' || verdict === 'neutral') return 0;
  const sign = verdict === 'better' ? 1 : -1;
  if (measure.impact === 'self') return sign * Math.abs(change);
  const base = after.get(measure.impact.base) ?? null;
  if (base === null) return null;
  // Δrate (millionths) × base (minor units) ÷ 10^6, rounded half-even once.
  return sign * Math.abs(roundQuotient([change, base], [1_000_000]));
}

/** Largest CMRR effect first; moves without a money meaning after, in row and table order (a stable sort keeps it). */
function impactOrder(p: MeasureChange, q: MeasureChange): number {
  if (p.impact === null || q.impact === null) return (p.impact === null ? 1 : 0) - (q.impact === null ? 1 : 0);
  return Math.abs(q.impact) - Math.abs(p.impact);
}

function sortedKeys(x: ReadonlyMap<string, unknown>, y: ReadonlyMap<string, unknown>): string[] {
  return [...new Set([...x.keys(), ...y.keys()])].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
}

/**
 * Rows of a period (a cohort) on both sides, or on one side only, whose calendar period both sides cover
 * and had complete in both (or partial in both, at one as-of date). Partial in A and complete in B is
 * "completed", never restated. Periods in time order, rows in key order (segment, then age).
 */
function restatements(a: SideIndex, b: SideIndex, sameAsOf: boolean, measures: readonly DiffMeasure[], headlineMeasure: DiffMeasure): { restated: Restatement[]; completed: string[] } {
  const restated: Restatement[] = [];
  const completed = new Set<string>();
  const headline = headlineMeasure.key;
  const periods = [...a.data.periods, ...b.data.periods.filter((p) => !a.index.has(p.label))].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const empty = new Map<string, IndexedRow>();
  for (const { label } of periods) {
    const before = a.index.get(label) ?? empty;
    const after = b.index.get(label) ?? empty;
    for (const key of sortedKeys(before, after)) {
      const x = before.get(key);
      const y = after.get(key);
      const row = (y ?? x)!;
      const partialA = a.calendarPartial.get(row.calendar);
      const partialB = b.calendarPartial.get(row.calendar);
      // A period one side does not cover is not history it could restate (it is later than A's as-of).
      if (partialA === undefined || partialB === undefined) continue;
      // A period that was still running in A is expected to change; within one as-of, any change is a restatement.
      if (partialA !== partialB || (partialA && !sameAsOf)) {
        if (partialA && !partialB) completed.add(row.age === null ? label : `${label} age ${row.age}`);
        continue;
      }
      if (!x || !y) {
        restated.push({ period: label, segment: row.segment, age: row.age, measure: headlineMeasure, a: x ? (x.values.get(headline) ?? null) : null, b: y ? (y.values.get(headline) ?? null) : null });
        continue;
      }
      for (const m of rowMeasures(measures, row.age)) {
        const va = x.values.get(m.key) ?? null;
        const vb = y.values.get(m.key) ?? null;
        if (va !== vb) restated.push({ period: label, segment: row.segment, age: row.age, measure: m, a: va, b: vb });
      }
    }
  }
  return { restated, completed: [...completed] };
}
