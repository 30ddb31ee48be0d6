// The segment indexes of SegmentScheme: derived keys agree with their definitions (tenure = whole months
// of model/segment-spec.ts, through the scheme's caches), labels and order follow the keys of --by.
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/model/calendar.js';
import { LineStore } from '../../src/model/line-store.js';
import { wholeMonthsBetween, type SegmentSpec } from '../../src/model/segment-spec.js';
import { SegmentScheme } from '../../src/metrics/segment-scheme.js';

const base: Omit<SegmentSpec, 'by'> = { mrrBands: [0, 10_000], arrBands: [0], currencyDigits: 2, tenureBands: [], cohortCalendar: { kind: 'quarter', fiscalYearStart: 1 } };

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('SegmentScheme', () => {
  it('gives every entity its whole months of tenure on any day (one band per month)', () => {
    const rnd = lcg(7);
    const first = Int32Array.from({ length: 200 }, () => daysFromCivil(2020, 1, 1) + Math.floor(rnd() * 1500));
    const months = Array.from({ length: 80 }, (_, m) => m);
    const scheme = new SegmentScheme({ ...base, by: ['tenure'], tenureBands: months }, new LineStore([]), first);
    for (let k = 0; k < 5000; k++) {
      const entity = Math.floor(rnd() * first.length);
      const day = first[entity]! + Math.floor(rnd() * 2000) - 100;
      // Band i + 1 holds month i (band 0 is below the first threshold).
      expect(scheme.segmentOf(entity, -1, day, 100)).toBe(Math.min(80, wholeMonthsBetween(first[entity]!, day) + 1));
    }
  });

  it('labels and orders a cross of a column and derived keys in the order of --by', () => {
    const store = new LineStore(['region']);
    for (const region of ['EMEA', 'AMER']) {
      const i = store.append();
      store.dimensions[0]![i] = store.dimensionValues[0]!.id(region);
    }
    const first = Int32Array.of(daysFromCivil(2024, 2, 10), daysFromCivil(2024, 5, 1));
    const scheme = new SegmentScheme({ ...base, by: ['mrr_band', 'region', 'cohort'] }, store, first);
    // 2 regions × 3 MRR bands (<0, 0–100, 100+) × 2 cohorts (2024-Q1, 2024-Q2).
    expect(scheme.count).toBe(12);
    const a = scheme.segmentOf(0, 0, daysFromCivil(2024, 6, 30), 5_000); // EMEA, 0–100, 2024-Q1
    const b = scheme.segmentOf(1, 1, daysFromCivil(2024, 6, 30), 20_000); // AMER, 100+, 2024-Q2
    const c = scheme.segmentOf(1, 0, daysFromCivil(2024, 6, 30), 5_000); // EMEA, 0–100, 2024-Q2
    expect(scheme.labels(a)).toEqual({ mrr_band: '0–100', region: 'EMEA', cohort: '2024-Q1' });
    expect(Object.keys(scheme.labels(b))).toEqual(['mrr_band', 'region', 'cohort']);
    expect(scheme.labels(b)).toEqual({ mrr_band: '100+', region: 'AMER', cohort: '2024-Q2' });
    // Bands by rank first, then region text, then cohort.
    expect([b, c, a].sort((x, y) => scheme.compare(x, y))).toEqual([a, c, b]);
    expect(scheme.compareLines(1, 0)).toBeLessThan(0); // AMER before EMEA
  });
});
