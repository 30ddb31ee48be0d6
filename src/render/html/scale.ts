// Linear scales for the SVG charts, with "nice" ticks (1, 2, 2.5 or 5 × 10^k) whose range always
// includes zero, so bars grow from a zero baseline and lines are never shown on a truncated axis.
// Values are integers of the unit the chart shows (minor units of money, millionths of a rate).

export interface NiceScale {
  /** Lowest and highest tick: lo ≤ min(0, data) and hi ≥ max(0, data). */
  lo: number;
  hi: number;
  step: number;
  ticks: number[];
}

const multipliers = [1, 2, 2.5, 5, 10];

/** Ticks for [min, max] ∪ {0}: about `target` intervals, steps of at least `minStep` (1 = one minor unit). */
export function niceScale(min: number, max: number, target = 5, minStep = 1): NiceScale {
  const lo0 = Math.min(0, min);
  const hi0 = Math.max(0, max);
  const span = hi0 - lo0;
  let step = minStep;
  if (span > 0) {
    const raw = span / Math.max(1, target);
    const power = 10 ** Math.floor(Math.log10(raw));
    step = Math.max(minStep, power * multipliers.find((m) => m * power >= raw)!);
    // 2.5 × 10^k is not a whole number of units below 10 units: keep steps whole.
    if (!Number.isInteger(step)) step = Math.ceil(step);
  }
  const lo = Math.floor(lo0 / step) * step;
  const hi = span === 0 ? lo + step : Math.ceil(hi0 / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(t === 0 ? 0 : t); // no −0 in labels
  return { lo, hi, step, ticks };
}

/** value → pixel along [from, to] (to < from for a y axis that grows upwards). */
export function linear(scale: Pick<NiceScale, 'lo' | 'hi'>, from: number, to: number): (value: number) => number {
  const span = scale.hi - scale.lo;
  return (value) => from + ((value - scale.lo) / span) * (to - from);
}
