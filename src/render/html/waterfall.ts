// The CMRR bridge of one period as a waterfall (METRICS.md §4): begin, then new, expansion and
// reactivation stacked up, contraction and churn stepping down, and end from zero. Geometry first (pure,
// in money units, tested: each bar starts where the previous ended, the last step lands on end), then SVG.
import { axisMoney } from './axis-format.js';
import { linear, type NiceScale } from './scale.js';
import { escapeHtml, px, svgFrame, textWidth } from './svg.js';
import { minorToDisplayString } from '../../model/money.js';
import type { MoneyMeasure } from '../../metrics/bridge.js';

/** A period's bridge in minor units, by the measures of metrics/bridge.ts. */
export type BridgeMoney = Record<MoneyMeasure, number>;

export type BarTone = 'total' | 'up' | 'down';

export interface WaterfallBar {
  key: keyof BridgeMoney;
  /** Short label under the bar and the full name in its tooltip. */
  short: string;
  name: string;
  from: number;
  to: number;
  tone: BarTone;
}

const ups = [
  ['new', 'New', 'New'],
  ['expansion', 'Exp.', 'Expansion'],
  ['reactivation', 'React.', 'Reactivation'],
] as const;
const downs = [
  ['contraction', 'Contr.', 'Contraction'],
  ['churn', 'Churn', 'Churn'],
] as const;

export function waterfallBars(m: BridgeMoney): WaterfallBar[] {
  const bars: WaterfallBar[] = [{ key: 'begin', short: 'Begin', name: 'Begin', from: 0, to: m.begin, tone: 'total' }];
  let level = m.begin;
  for (const [key, short, name] of ups) {
    bars.push({ key, short, name, from: level, to: level + m[key], tone: 'up' });
    level += m[key];
  }
  for (const [key, short, name] of downs) {
    bars.push({ key, short, name, from: level, to: level - m[key], tone: 'down' });
    level -= m[key];
  }
  bars.push({ key: 'end', short: 'End', name: 'End', from: 0, to: m.end, tone: 'total' });
  return bars;
}

/** The range a scale shared by several waterfalls must cover. */
export function waterfallExtent(m: BridgeMoney): { min: number; max: number } {
  const levels = waterfallBars(m).flatMap((b) => [b.from, b.to]);
  return { min: Math.min(...levels), max: Math.max(...levels) };
}

export interface WaterfallOptions {
  id: string;
  title: string;
  scale: NiceScale;
  digits: number;
  currency: string;
}

export interface PlacedBar extends WaterfallBar {
  x: number;
  y: number;
  width: number;
  height: number;
}

const height = 220;
const width = 420;
const fontSize = 11;

/** Pixel geometry: bars on a shared y scale, one band per bar. */
export function placeWaterfall(bars: readonly WaterfallBar[], scale: NiceScale, left: number): PlacedBar[] {
  const top = 10;
  const bottom = height - 24;
  const y = linear(scale, bottom, top);
  const band = (width - 8 - left) / bars.length;
  return bars.map((b, i) => {
    const y1 = y(Math.max(b.from, b.to));
    const y2 = y(Math.min(b.from, b.to));
    return { ...b, x: left + i * band + band * 0.18, y: y1, width: band * 0.64, height: y2 - y1 };
  });
}

export function renderWaterfall(m: BridgeMoney, o: WaterfallOptions): string {
  const labels = o.scale.ticks.map((t) => axisMoney(t, o.digits, o.currency));
  const left = Math.ceil(Math.max(...labels.map((l) => textWidth(l, fontSize)))) + 10;
  const bars = placeWaterfall(waterfallBars(m), o.scale, left);
  const y = linear(o.scale, height - 24, 10);
  const parts: string[] = ['<g class="grid">'];
  o.scale.ticks.forEach((t, i) => {
    parts.push(`<line x1="${px(left)}" x2="${px(width - 8)}" y1="${px(y(t))}" y2="${px(y(t))}"${t === 0 ? ' class="zero"' : ''}/>`);
    parts.push(`<text class="tick" x="${px(left - 6)}" y="${px(y(t) + fontSize * 0.35)}" text-anchor="end">${escapeHtml(labels[i]!)}</text>`);
  });
  parts.push('</g><g class="bars">');
  bars.forEach((b, i) => {
    const value = minorToDisplayString(Math.abs(b.to - b.from), o.digits);
    parts.push(`<rect class="mark bar-${b.tone}" x="${px(b.x)}" y="${px(b.y)}" width="${px(b.width)}" height="${px(b.height)}"><title>${escapeHtml(`${b.name}: ${value} ${o.currency}`)}</title></rect>`);
    const next = bars[i + 1];
    if (next && next.tone !== 'total') parts.push(`<line class="connector" x1="${px(b.x + b.width)}" x2="${px(next.x)}" y1="${px(y(b.to))}" y2="${px(y(b.to))}"/>`);
    parts.push(`<text class="category" x="${px(b.x + b.width / 2)}" y="${px(height - 8)}" text-anchor="middle">${b.short}</text>`);
  });
  parts.push('</g>');
  return svgFrame(o.id, width, height, o.title, parts.join(''));
}
