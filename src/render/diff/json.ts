// `retain diff -f json` (schemaVersion 1): the comparison as data. Money as exact decimal strings in
// major units, counts as integers, rates, ratios and their changes as numbers rounded to 6 places,
// relative changes as fractions (0.1 = +10%); measures named by their JSON path in the compared reports.
// Cohort reports: aPeriod/bPeriod and period name cohorts, and every row entry has its `age` after the segment.
import { minorToDecimalString, Rate } from '../../model/money.js';
import type { MeasureKind } from '../../report/measures/measure-info.js';
import type { PeriodPair } from '../../report/diff-pairs.js';
import type { DiffReport, MeasureChange } from '../../report/diff-report.js';
import { RATE_PLACES } from '../format-values.js';

export function renderDiffJson(report: DiffReport): string {
  const value = (kind: MeasureKind, v: number | null): string | number | null => {
    if (v === null) return null;
    if (kind === 'money') return minorToDecimalString(v, report.digits);
    if (kind === 'count') return v;
    return Rate.of(v, 1_000_000)!.toNumber(RATE_PLACES);
  };
  const pair = (p: PeriodPair) => ({ aPeriod: p.a, bPeriod: p.b, aPartial: p.aPartial, bPartial: p.bPartial });
  const age = (a: number | null) => (report.rowsBy === 'cohort' ? { age: a } : {});
  const change = (c: MeasureChange) => ({
    a: value(c.measure.kind, c.a),
    b: value(c.measure.kind, c.b),
    change: value(c.measure.kind, c.change),
    relativeChange: c.relative === null ? null : c.relative.toNumber(RATE_PLACES),
    verdict: c.verdict,
    highlight: c.highlight,
    impact: c.impact === null ? null : minorToDecimalString(c.impact, report.digits),
  });
  const doc = {
    schemaVersion: 1,
    command: 'diff',
    of: report.of,
    currency: report.currency,
    a: { file: report.a.file, asOf: report.a.asOf, periods: report.a.periods.map((p) => p.label) },
    b: { file: report.b.file, asOf: report.b.asOf, periods: report.b.periods.map((p) => p.label) },
    policyChanges: report.policyChanges,
    thresholds: { ratePoints: Rate.of(report.thresholds.rateMicro, 1_000_000)!.toNumber(RATE_PLACES), relative: Rate.of(report.thresholds.relative.num, report.thresholds.relative.den)!.toNumber(RATE_PLACES) },
    compared: report.rows.map((row) => ({ ...pair(row.pair), segment: row.segment, ...age(row.age), measures: Object.fromEntries(row.changes.map((c) => [c.measure.key, change(c)])) })),
    highlights: report.highlights.map(({ row, change: c }) => ({ ...pair(row.pair), segment: row.segment, ...age(row.age), measure: c.measure.key, ...change(c) })),
    appeared: report.appeared.map((s) => ({ ...pair(s.pair), segment: s.segment, ...age(s.age), [report.headline.key]: value(report.headline.kind, s.headline) })),
    disappeared: report.disappeared.map((s) => ({ ...pair(s.pair), segment: s.segment, ...age(s.age), [report.headline.key]: value(report.headline.kind, s.headline) })),
    restated: report.restated.map((r) => ({ period: r.period, segment: r.segment, ...age(r.age), measure: r.measure.key, a: value(r.measure.kind, r.a), b: value(r.measure.kind, r.b), change: r.a === null || r.b === null ? null : value(r.measure.kind, r.b - r.a) })),
    completed: report.completed,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
