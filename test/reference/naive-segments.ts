/**
 * A deliberately naive reference of the bridge by segment (METRICS.md §6), to check the engine's sweep.
 * For every entity and period it asks "which lines are active on this day?" by looping over the entity's
 * lines (isActive of the naive bridge), picks the largest (by MRR, ties by region text), and adds the
 * entity's movement to that region. Entities moving region between periods carry their MRR across.
 * Trailing-twelve-month figures are left out (only rows with a count or a move are compared).
 */
import { isActive, periodOf, toDay, type Line, type NaiveLine, type NaivePeriodKind } from './naive-bridge.js';

export interface NaiveSegmentLine extends NaiveLine {
  region: string;
}

export interface NaiveSegmentRow {
  period: string;
  region: string;
  money: Record<'begin' | 'new' | 'expansion' | 'reactivation' | 'contraction' | 'churn' | 'end' | 'movedIn' | 'movedOut', number>;
  counts: Record<'begin' | 'new' | 'reactivated' | 'expanded' | 'contracted' | 'churned' | 'end' | 'movedIn' | 'movedOut', number>;
}

type RegionLine = Line & { region: string };

export function naiveSegmentBridge(input: readonly NaiveSegmentLine[], opts: { period: NaivePeriodKind; asOf: string; graceDays: number }): NaiveSegmentRow[] {
  const asOf = toDay(opts.asOf);
  const grace = opts.graceDays;
  const byEntity = new Map<string, RegionLine[]>();
  for (const l of input) {
    const line: RegionLine = { entity: l.entity, start: toDay(l.start), end: l.end === null ? null : toDay(l.end), cancel: l.cancel === null ? null : toDay(l.cancel), mrr: l.mrrCents, region: l.region };
    if (line.start > asOf) continue;
    byEntity.set(l.entity, [...(byEntity.get(l.entity) ?? []), line]);
  }
  const active = (lines: RegionLine[], d: number): RegionLine[] => lines.filter((l) => l.mrr !== 0 && isActive(l, lines, d, asOf, grace));
  const mrr = (lines: RegionLine[], d: number): number => Math.max(0, active(lines, d).reduce((s, l) => s + l.mrr, 0));
  const largestRegion = (lines: RegionLine[], d: number): string => {
    const sorted = active(lines, d).sort((a, b) => b.mrr - a.mrr || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
    return sorted[0]!.region;
  };
  let earliest = Infinity;
  const firstActive = new Map<string, number>();
  for (const lines of byEntity.values()) for (const l of lines) earliest = Math.min(earliest, l.start);
  for (const [entity, lines] of byEntity) {
    for (let d = earliest; d <= asOf; d++) {
      if (mrr(lines, d) > 0) {
        firstActive.set(entity, d);
        break;
      }
    }
  }
  if (firstActive.size === 0) return [];
  const rows = new Map<string, NaiveSegmentRow>();
  const rowOf = (period: string, region: string): NaiveSegmentRow => {
    const key = `${period}\u0000${region}`;
    let row = rows.get(key);
    if (!row) {
      const zero = { begin: 0, new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0, end: 0, movedIn: 0, movedOut: 0 };
      row = { period, region, money: { ...zero }, counts: { begin: 0, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 0, movedIn: 0, movedOut: 0 } };
      rows.set(key, row);
    }
    return row;
  };
  const previousRegion = new Map<string, string>();
  for (let p = periodOf(Math.min(...firstActive.values()), opts.period); p.start <= asOf; p = periodOf(p.end + 1, opts.period)) {
    const snapDay = p.start <= asOf && asOf < p.end ? asOf : p.end;
    const beginDay = p.start - 1;
    for (const [entity, lines] of byEntity) {
      const b = mrr(lines, beginDay);
      const e = mrr(lines, snapDay);
      if (b === 0 && e === 0) {
        previousRegion.delete(entity);
        continue;
      }
      const region = b > 0 ? largestRegion(lines, beginDay) : largestRegion(lines, snapDay);
      const row = rowOf(p.label, region);
      const before = previousRegion.get(entity);
      if (b > 0 && before !== undefined && before !== region) {
        const left = rowOf(p.label, before);
        left.money.movedOut += b;
        left.counts.movedOut++;
        row.money.movedIn += b;
        row.counts.movedIn++;
      }
      if (e > 0) previousRegion.set(entity, region);
      else previousRegion.delete(entity);
      row.money.begin += b;
      row.money.end += e;
      if (b > 0) row.counts.begin++;
      if (e > 0) row.counts.end++;
      if (b === 0) {
        const reactivated = firstActive.get(entity)! < p.start;
        row.money[reactivated ? 'reactivation' : 'new'] += e;
        row.counts[reactivated ? 'reactivated' : 'new']++;
      } else if (e === 0) {
        row.money.churn += b;
        row.counts.churned++;
      } else if (e > b) {
        row.money.expansion += e - b;
        row.counts.expanded++;
      } else if (e < b) {
        row.money.contraction += b - e;
        row.counts.contracted++;
      }
    }
  }
  return [...rows.values()];
}
