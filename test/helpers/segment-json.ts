// Rows of `retain bridge --by … --format json` by period and segment, and the checks every segmented
// report must pass: segment rows sum to the total row, and begin(P+1) = end(P) + movedIn − movedOut.
import { expect } from 'vitest';
import { bridgeJson, type BridgeJson, type BridgePeriodJson } from './bridge-json.js';

export interface SegmentRowJson extends BridgePeriodJson {
  segmentFlow?: { movedIn: string; movedOut: string; movedInCount: number; movedOutCount: number };
}

export const cents = (s: string): number => Math.round(Number(s) * 100);

export async function segmentedBridge(csvText: string, args: string[]): Promise<{ report: BridgeJson; rows: SegmentRowJson[] }> {
  const report = await bridgeJson(csvText, args);
  return { report, rows: report.periods as SegmentRowJson[] };
}

/** The row of a period for a segment ({region: 'EMEA'}), or the total row (null); undefined when absent. */
export function rowOf(rows: readonly SegmentRowJson[], period: string, segment: Record<string, string> | null): SegmentRowJson | undefined {
  return rows.find((r) => r.period === period && JSON.stringify(r.segment) === JSON.stringify(segment));
}

export function moneyOf(rows: readonly SegmentRowJson[], period: string, segment: Record<string, string> | null): Record<string, string> {
  const row = rowOf(rows, period, segment);
  if (!row) throw new Error(`no row ${period} ${JSON.stringify(segment)}`);
  return row.money;
}

const moneyKeys = ['begin', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'end'] as const;
const countKeys = ['begin', 'new', 'reactivated', 'expanded', 'contracted', 'churned', 'end'] as const;

/** Segment rows sum to the total row; each row reconciles; flows link consecutive periods. */
export function expectSegmentInvariants(rows: readonly SegmentRowJson[]): void {
  const periods = [...new Set(rows.map((r) => r.period))];
  const endOf = new Map<string, number>();
  periods.forEach((period, index) => {
    const group = rows.filter((r) => r.period === period);
    const total = group.find((r) => r.segment === null);
    expect(total, `total row of ${period}`).toBeDefined();
    expect(group.at(-1), 'the total row closes its period').toBe(total);
    const segments = group.filter((r) => r.segment !== null);
    for (const k of moneyKeys) expect(segments.reduce((s, r) => s + cents(r.money[k]), 0), `${period} ${k}`).toBe(cents(total!.money[k]));
    for (const k of countKeys) expect(segments.reduce((s, r) => s + r.counts[k], 0), `${period} ${k} count`).toBe(total!.counts[k]);
    for (const r of group) {
      const m = r.money;
      expect(cents(m.begin) + cents(m.new) + cents(m.expansion) + cents(m.reactivation) - cents(m.contraction) - cents(m.churn)).toBe(cents(m.end));
    }
    for (const r of segments) {
      const key = JSON.stringify(r.segment);
      const flow = r.segmentFlow!;
      expect(flow, `flow of ${period} ${key}`).toBeDefined();
      if (index > 0) expect(cents(r.money.begin), `begin of ${period} ${key}`).toBe((endOf.get(key) ?? 0) + cents(flow.movedIn) - cents(flow.movedOut));
    }
    expect(total!.segmentFlow).toBeUndefined();
    endOf.clear();
    for (const r of segments) endOf.set(JSON.stringify(r.segment), cents(r.money.end));
  });
}
