// Bands and tenure of the derived segments (METRICS.md §6): half-open bands, compact labels, whole months.
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/model/calendar.js';
import { bandIndex, bandLabels, compactAmount, wholeMonthsBetween } from '../../src/model/segment-spec.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
};

describe('bands', () => {
  it.each([
    [0, 1],
    [9_999, 1],
    [10_000, 2],
    [99_999, 2],
    [100_000, 3],
    [1_000_000, 4],
    [-5, 0],
  ])('puts %d (minor units) in band %d of 0, 100, 1k, 10k', (value, band) => {
    expect(bandIndex(value, [0, 10_000, 100_000, 1_000_000])).toBe(band);
  });

  it('labels the bands below, between and above the thresholds', () => {
    expect(bandLabels(['0', '100', '1k'])).toEqual(['<0', '0–100', '100–1k', '1k+']);
    expect(bandLabels(['0', '6', '12'], 'm')).toEqual(['<0m', '0–6m', '6–12m', '12m+']);
  });

  it.each([
    [100_000, 2, '1k'],
    [150_000, 2, '1.5k'],
    [250_000_000, 2, '2.5M'],
    [25_000, 2, '250'],
    [50, 2, '0.5'],
    [1_000, 0, '1k'],
  ])('writes %d minor units (%d digits) as %s', (minor, digits, label) => {
    expect(compactAmount(minor, digits)).toBe(label);
  });
});

describe('whole months between two days', () => {
  it.each([
    ['2024-01-15', '2024-02-14', 0],
    ['2024-01-15', '2024-02-15', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-31', '2024-02-29', 1],
    ['2023-12-31', '2024-06-30', 6],
    ['2023-01-15', '2024-04-30', 15],
    ['2024-05-01', '2024-04-30', 0],
  ])('%s → %s is %d', (from, to, months) => {
    expect(wholeMonthsBetween(day(from), day(to))).toBe(months);
  });
});
