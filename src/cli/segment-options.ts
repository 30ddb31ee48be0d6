// `--by` and the options of derived segments (METRICS.md §6): --bands (thresholds of mrr_band and
// arr_band, major units), --tenure-bands (months), --cohort-period. Raw strings → SegmentSpec (the
// thresholds in exact minor units), with usage errors that name the flag and the expected form.
import { Option, type Command } from 'commander';
import type { Calendar, PeriodKind } from '../model/calendar.js';
import { minorDigits, parseDecimal } from '../model/money.js';
import { defaultArrBands, defaultMrrBands, defaultTenureBands, isChurnSegmentKey, isDerivedSegmentKey, type SegmentSpec } from '../model/segment-spec.js';
import { TooManySegmentsError } from '../report/segment-attribution.js';
import { UsageError } from './errors.js';

/** Options of commands that take --by (added through the command's `configure`). */
export function addSegmentOptions(cmd: Command): Command {
  return cmd
    .option('--bands <thresholds>', 'thresholds of mrr_band / arr_band in major units, e.g. 0,1000,10000,100000 (default MRR 0,100,1000,10000; ARR 0,1000,10000,100000)')
    .option('--tenure-bands <months>', 'thresholds of the tenure segment in months', defaultTenureBands.join(','))
    .addOption(new Option('--cohort-period <kind>', 'period of the cohort segment (default: --period)').choices(['week', 'month', 'quarter', 'year']));
}

/** The --by keys as given: repeated flags and comma lists, trimmed, in order. */
export function segmentKeys(by: readonly string[]): string[] {
  const keys = by.flatMap((b) => b.split(',')).map((b) => b.trim()).filter((b) => b !== '');
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new UsageError(`--by ${key} is given twice`);
    seen.add(key);
  }
  return keys;
}

/** Input columns among the keys (derived and churn keys are computed, never read). */
export function segmentColumns(keys: readonly string[]): string[] {
  return keys.filter((k) => !isDerivedSegmentKey(k) && !isChurnSegmentKey(k));
}

export function resolveSegmentSpec(keys: readonly string[], raw: Record<string, unknown>, calendar: Calendar, currency: string): SegmentSpec | undefined {
  if (keys.length === 0) return undefined;
  const digits = minorDigits(currency);
  const bands = typeof raw.bands === 'string' ? raw.bands : undefined;
  const tenure = typeof raw.tenureBands === 'string' ? raw.tenureBands : defaultTenureBands.join(',');
  const cohortPeriod = typeof raw.cohortPeriod === 'string' ? (raw.cohortPeriod as PeriodKind) : calendar.kind;
  return {
    by: keys,
    mrrBands: parseMoneyThresholds(bands ?? defaultMrrBands.join(','), digits, '--bands'),
    arrBands: parseMoneyThresholds(bands ?? defaultArrBands.join(','), digits, '--bands'),
    currencyDigits: digits,
    tenureBands: parseMonthThresholds(tenure),
    cohortCalendar: { kind: cohortPeriod, fiscalYearStart: calendar.fiscalYearStart },
  };
}

function parseMoneyThresholds(text: string, digits: number, flag: string): number[] {
  const values = text.split(',').map((part) => {
    const parsed = parseDecimal(part.trim());
    if (parsed === undefined || parsed.scale > digits || Number(parsed.mantissa) < 0) {
      throw new UsageError(`${flag} "${text}": expected ascending non-negative amounts with at most ${digits} decimals, e.g. 0,1000,10000,100000`);
    }
    return Number(parsed.mantissa) * 10 ** (digits - parsed.scale);
  });
  ascending(values, flag, text);
  return values;
}

function parseMonthThresholds(text: string): number[] {
  const values = text.split(',').map((part) => {
    if (!/^\d{1,4}$/.test(part.trim())) throw new UsageError(`--tenure-bands "${text}": expected ascending whole months, e.g. 0,6,12,24,36`);
    return Number(part.trim());
  });
  ascending(values, '--tenure-bands', text);
  return values;
}

function ascending(values: readonly number[], flag: string, text: string): void {
  for (let i = 1; i < values.length; i++) {
    if (values[i]! <= values[i - 1]!) throw new UsageError(`${flag} "${text}": thresholds must be strictly ascending`);
  }
}

/** Runs a report; too many segments × periods is a usage problem (exit 2), not a crash. */
export function segmentLimited<T>(build: () => T): T {
  try {
    return build();
  } catch (cause) {
    if (cause instanceof TooManySegmentsError) throw new UsageError(`${cause.message}; segment by a column with fewer values, or use a longer --period`);
    throw cause;
  }
}
