// Rates over time as lines (GRR and NRR, logo churn): one polyline per series over the periods, nulls
// leaving a gap, a y axis of percentages from a nice scale that includes zero, every k-th period label
// so that labels never overlap, and a legend.
import { axisPercent } from './axis-format.js';
import { linear, niceScale } from './scale.js';
import { escapeHtml, px, svgFrame, textWidth } from './svg.js';

export interface LineSeries {
  name: string;
  /** Millionths of a rate (0.8 = 800000), or null where the rate is undefined. */
  values: readonly (number | null)[];
}

export interface LineChartOptions {
  id: string;
  title: string;
  categories: readonly string[];
  series: readonly LineSeries[];
}

const width = 640;
const height = 260;
const fontSize = 11;

/** Every k-th label is shown, k the smallest step at which labels do not touch. */
export function labelStep(labels: readonly string[], band: number): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontSize)));
  return Math.max(1, Math.ceil((widest + 8) / Math.max(band, 1)));
}

export function renderLineChart(o: LineChartOptions): string {
  const all = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  // Rates are shown to a tenth of a percent: steps of at least 0.1% (1000 millionths).
  const scale = niceScale(Math.min(0, ...all), Math.max(0, ...all), 5, 1000);
  const ticks = scale.ticks.map(axisPercent);
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(t, fontSize)))) + 10;
  const legendHeight = 20;
  const top = 10 + legendHeight;
  const bottom = height - 26;
  const right = width - 12;
  const y = linear(scale, bottom, top);
  const n = o.categories.length;
  const band = (right - left) / Math.max(n, 1);
  const x = (i: number): number => left + band * (i + 0.5);
  const parts: string[] = ['<g class="grid">'];
  scale.ticks.forEach((t, i) => {
    parts.push(`<line x1="${px(left)}" x2="${px(right)}" y1="${px(y(t))}" y2="${px(y(t))}"${t === 0 ? ' class="zero"' : ''}/>`);
    parts.push(`<text class="tick" x="${px(left - 6)}" y="${px(y(t) + fontSize * 0.35)}" text-anchor="end">${ticks[i]}</text>`);
  });
  const step = labelStep(o.categories, band);
  o.categories.forEach((c, i) => {
    if ((n - 1 - i) % step === 0) parts.push(`<text class="category" x="${px(x(i))}" y="${px(height - 8)}" text-anchor="middle">${escapeHtml(c)}</text>`);
  });
  parts.push('</g>');
  let legendX = left;
  o.series.forEach((s, si) => {
    const cls = `series-${si + 1}`;
    parts.push(`<g class="${cls}">`);
    for (const segment of runs(s.values)) {
      const points = segment.map((i) => `${px(x(i))},${px(y(s.values[i]!))}`).join(' ');
      parts.push(segment.length > 1 ? `<polyline class="mark line" points="${points}"/>` : '');
      for (const i of segment) parts.push(`<circle class="mark dot" cx="${px(x(i))}" cy="${px(y(s.values[i]!))}" r="3"><title>${escapeHtml(`${s.name} ${o.categories[i]}: ${axisPercent(s.values[i]!)}`)}</title></circle>`);
    }
    parts.push(`<rect class="swatch" x="${px(legendX)}" y="6" width="12" height="12"/><text class="legend" x="${px(legendX + 16)}" y="16">${escapeHtml(s.name)}</text></g>`);
    legendX += 16 + textWidth(s.name, fontSize) + 18;
  });
  return svgFrame(o.id, width, height, o.title, parts.join(''));
}

/** Index runs of non-null values: a line is broken where a rate is undefined. */
function runs(values: readonly (number | null)[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length > 0) out.push(current);
  return out;
}
