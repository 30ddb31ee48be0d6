// Horizontal bars per category (churn by segment) and horizontal stacked bars (renewal outcomes by
// period: flat, upgrade, downgrade, cancellation, archive). Bars grow from a zero baseline on a nice
// scale; category labels sit in a left margin wide enough for the longest one (long input text is cut
// with "…" and kept whole in the tooltip).
import { linear, niceScale } from './scale.js';
import { escapeHtml, px, svgFrame, textWidth } from './svg.js';

export interface BarChartOptions {
  id: string;
  title: string;
  categories: readonly string[];
  /** In the unit of `format` (minor units or millionths); nulls draw no bar. */
  values: readonly (number | null)[];
  format: (value: number) => string;
  /** Smallest tick step in the values' unit. */
  minStep: number;
  /** Colour by sign (green good, red bad) instead of one colour. */
  signed?: boolean;
}

const width = 640;
const fontSize = 11;
const rowHeight = 24;
const maxLabel = 28;

export function fitLabel(text: string): string {
  const chars = [...text];
  return chars.length <= maxLabel ? text : `${chars.slice(0, maxLabel - 1).join('').trimEnd()}…`;
}

function frameLayout(categories: readonly string[], ticks: readonly string[], extraTop: number) {
  const left = Math.ceil(Math.max(40, ...categories.map((c) => textWidth(fitLabel(c), fontSize)))) + 12;
  const lastTick = textWidth(ticks[ticks.length - 1] ?? '', fontSize);
  const right = width - Math.ceil(lastTick / 2) - 8;
  const top = 8 + extraTop;
  const height = top + categories.length * rowHeight + 30;
  return { left, right, top, height, axisY: top + categories.length * rowHeight };
}

function axis(ticks: readonly number[], labels: readonly string[], x: (v: number) => number, top: number, axisY: number): string[] {
  const parts = ['<g class="grid">'];
  ticks.forEach((t, i) => {
    parts.push(`<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(top)}" y2="${px(axisY)}"${t === 0 ? ' class="zero"' : ''}/>`);
    parts.push(`<text class="tick" x="${px(x(t))}" y="${px(axisY + 16)}" text-anchor="middle">${escapeHtml(labels[i]!)}</text>`);
  });
  parts.push('</g>');
  return parts;
}

export function renderBars(o: BarChartOptions): string {
  const present = o.values.filter((v): v is number => v !== null);
  const scale = niceScale(Math.min(0, ...present), Math.max(0, ...present), 4, o.minStep);
  const labels = scale.ticks.map(o.format);
  const L = frameLayout(o.categories, labels, 0);
  const x = linear(scale, L.left, L.right);
  const parts = axis(scale.ticks, labels, x, L.top, L.axisY);
  parts.push('<g class="bars">');
  o.categories.forEach((c, i) => {
    const yMid = L.top + i * rowHeight + rowHeight / 2;
    parts.push(`<text class="category" x="${px(L.left - 8)}" y="${px(yMid + fontSize * 0.35)}" text-anchor="end">${escapeHtml(fitLabel(c))}</text>`);
    const v = o.values[i];
    if (v === null || v === undefined) return;
    const x1 = Math.min(x(0), x(v));
    parts.push(`<rect class="mark bar-${v < 0 ? 'down' : o.signed ? 'up' : 'value'}" x="${px(x1)}" y="${px(yMid - rowHeight * 0.32)}" width="${px(Math.abs(x(v) - x(0)))}" height="${px(rowHeight * 0.64)}"><title>${escapeHtml(`${c}: ${o.format(v)}`)}</title></rect>`);
  });
  parts.push('</g>');
  return svgFrame(o.id, width, L.height, o.title, parts.join(''));
}

export interface StackedBarOptions {
  id: string;
  title: string;
  categories: readonly string[];
  /** Part names in stacking order, each drawn with its own class `part-<i>`. */
  parts: readonly string[];
  /** values[category][part], all ≥ 0. */
  values: readonly (readonly number[])[];
  format: (value: number) => string;
  minStep: number;
}

/** Each stack's parts laid end to end from zero: part i starts where part i − 1 ends. */
export function stackSegments(values: readonly number[]): { from: number; to: number }[] {
  let level = 0;
  return values.map((v) => {
    const segment = { from: level, to: level + v };
    level += v;
    return segment;
  });
}

export function renderStackedBars(o: StackedBarOptions): string {
  const totals = o.values.map((row) => row.reduce((s, v) => s + v, 0));
  const scale = niceScale(0, Math.max(0, ...totals), 4, o.minStep);
  const labels = scale.ticks.map(o.format);
  // The legend wraps onto more lines when the parts do not fit on one.
  const legend: { x: number; y: number }[] = [];
  let legendX = 8;
  let legendY = 6;
  for (const name of o.parts) {
    const w = 16 + textWidth(name, fontSize) + 14;
    if (legendX + w > width - 8 && legendX > 8) {
      legendX = 8;
      legendY += 18;
    }
    legend.push({ x: legendX, y: legendY });
    legendX += w;
  }
  const L = frameLayout(o.categories, labels, legendY + 16);
  const x = linear(scale, L.left, L.right);
  const out = axis(scale.ticks, labels, x, L.top, L.axisY);
  o.parts.forEach((name, p) => {
    const at = legend[p]!;
    out.push(`<rect class="swatch part-${p + 1}" x="${px(at.x)}" y="${px(at.y)}" width="12" height="12"/><text class="legend" x="${px(at.x + 16)}" y="${px(at.y + 10)}">${escapeHtml(name)}</text>`);
  });
  out.push('<g class="bars">');
  o.categories.forEach((c, i) => {
    const yMid = L.top + i * rowHeight + rowHeight / 2;
    out.push(`<text class="category" x="${px(L.left - 8)}" y="${px(yMid + fontSize * 0.35)}" text-anchor="end">${escapeHtml(fitLabel(c))}</text>`);
    stackSegments(o.values[i] ?? []).forEach((s, p) => {
      if (s.to === s.from) return;
      out.push(`<rect class="mark part-${p + 1}" x="${px(x(s.from))}" y="${px(yMid - rowHeight * 0.32)}" width="${px(x(s.to) - x(s.from))}" height="${px(rowHeight * 0.64)}"><title>${escapeHtml(`${c} · ${o.parts[p]}: ${o.format(s.to - s.from)}`)}</title></rect>`);
    });
  });
  out.push('</g>');
  return svgFrame(o.id, width, L.height, o.title, out.join(''));
}
