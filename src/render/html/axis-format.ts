// Tick labels of the chart axes: money in the reporting currency ("USD 2,500", "USD 25k", "USD 1.25M")
// and rates as whole or one-decimal percentages ("80%", "2.5%"). Ticks are nice numbers, so the short
// forms are exact; the tables and each bar's tooltip carry the exact figures.
import { minorToDisplayString, Rate } from '../../model/money.js';

export function axisMoney(minor: number, digits: number, currency: string): string {
  const unit = 10 ** digits;
  const major = Math.abs(minor);
  const sign = minor < 0 ? '−' : '';
  if (major >= 1_000_000 * unit) return `${currency} ${sign}${compact(major, unit * 1_000_000)}M`;
  if (major >= 10_000 * unit) return `${currency} ${sign}${compact(major, unit * 1_000)}k`;
  const text = minorToDisplayString(major, digits);
  return `${currency} ${sign}${text.replace(/\.0+$/, '')}`;
}

/** minor ÷ divisor with up to two decimals, trailing zeros dropped. */
function compact(minor: number, divisor: number): string {
  return Rate.of(minor, divisor)!.toFixed(2).replace(/\.?0+$/, '');
}

/** A rate given in millionths (0.8 = 800000) → "80%", "2.5%" or "0.25%". */
export function axisPercent(millionths: number): string {
  return `${Rate.of(millionths, 10_000)!.toFixed(2).replace(/\.?0+$/, '').replace(/^-/, '−')}%`;
}

/** A Rate as millionths, the integer unit the charts' scales work in. */
export function rateToMillionths(rate: Rate | null): number | null {
  return rate === null ? null : Math.round(rate.toNumber(6) * 1_000_000);
}
