// What a segmentation is (METRICS.md §6): the keys of `--by` in order (input columns and the derived
// mrr_band, arr_band, tenure, cohort; several keys = their cross) and the band thresholds. Bands are
// half-open [lower, upper): a value equal to a threshold belongs to the band that starts there.
import { civilFromDays, daysInMonth, type Calendar, type Day } from './calendar.js';

export const derivedSegmentKeys = ['mrr_band', 'arr_band', 'tenure', 'cohort'] as const;
export type DerivedSegmentKey = (typeof derivedSegmentKeys)[number];

export function isDerivedSegmentKey(name: string): name is DerivedSegmentKey {
  return (derivedSegmentKeys as readonly string[]).includes(name);
}

/**
 * Keys computed per line from churn_reason (METRICS.md §7 classes): the avoidable axis, the voluntary axis,
 * and the reason text itself. They act as input columns (the largest line decides) once added to the store.
 */
export const churnSegmentKeys = ['churn_class', 'churn_type', 'churn_reason'] as const;
export type ChurnSegmentKey = (typeof churnSegmentKeys)[number];

export function isChurnSegmentKey(name: string): name is ChurnSegmentKey {
  return (churnSegmentKeys as readonly string[]).includes(name);
}

export interface SegmentSpec {
  /** Keys in the order given: input column names and derived keys. */
  by: readonly string[];
  /** Thresholds of mrr_band (on MRR) and arr_band (on 12 × MRR), ascending, in minor units. */
  mrrBands: readonly number[];
  arrBands: readonly number[];
  /** Minor-unit digits of the reporting currency, for band labels. */
  currencyDigits: number;
  /** Thresholds of tenure in whole months, ascending. */
  tenureBands: readonly number[];
  /** Period kind of the cohort key. */
  cohortCalendar: Calendar;
}

/** Defaults: MRR 0, 100, 1k, 10k; ARR 0, 1k, 10k, 100k (major units); tenure 0, 6, 12, 24, 36 months. */
export const defaultMrrBands = ['0', '100', '1000', '10000'];
export const defaultArrBands = ['0', '1000', '10000', '100000'];
export const defaultTenureBands = [0, 6, 12, 24, 36];

/** Index of the band holding value: the number of thresholds ≤ value (0 = below the first). */
export function bandIndex(value: number, thresholds: readonly number[]): number {
  let index = 0;
  while (index < thresholds.length && thresholds[index]! <= value) index++;
  return index;
}

/** Labels of the bands of bandIndex: `<t0`, `t0–t1`, …, `tn+`. */
export function bandLabels(thresholds: readonly string[], suffix = ''): string[] {
  const n = thresholds.length;
  const labels = [`<${thresholds[0] ?? '0'}${suffix}`];
  for (let i = 1; i < n; i++) labels.push(`${thresholds[i - 1]}–${thresholds[i]}${suffix}`);
  if (n > 0) labels.push(`${thresholds[n - 1]}${suffix}+`);
  return labels;
}

/** 1000 → `1k`, 2500000 → `2.5M`, 250 → `250` (major units; labels only, never sums). */
export function compactAmount(minor: number, digits: number): string {
  const major = minor / 10 ** digits;
  const abs = Math.abs(major);
  const scaled = (v: number, unit: string): string => `${Number(v.toFixed(3))}${unit}`;
  if (abs >= 1e9) return scaled(major / 1e9, 'B');
  if (abs >= 1e6) return scaled(major / 1e6, 'M');
  if (abs >= 1e3) return scaled(major / 1e3, 'k');
  return scaled(major, '');
}

/** Whole months from day `from` to day `to` (a month is complete on the same day of month, clamped). */
export function wholeMonthsBetween(from: Day, to: Day): number {
  if (to < from) return 0;
  const a = civilFromDays(from);
  const b = civilFromDays(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  // 01-31 → 02-28 (last day of February) is one complete month: compare against the clamped day.
  if (b.day < Math.min(a.day, daysInMonth(b.year, b.month))) months--;
  return Math.max(0, months);
}
