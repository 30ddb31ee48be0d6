// Geometry of the SVG charts, checked without a browser: nice scales include zero, a waterfall's bars
// end where the next begins, stacked parts touch, axis labels are in the reporting currency.
import { describe, expect, it } from 'vitest';
import { axisMoney, axisPercent } from '../../src/render/html/axis-format.js';
import { fitLabel, renderBars, renderStackedBars, stackSegments } from '../../src/render/html/bars.js';
import { cellText, heatOpacity, renderHeatMap } from '../../src/render/html/heat-map.js';
import { labelStep, renderLineChart } from '../../src/render/html/line-chart.js';
import { linear, niceScale } from '../../src/render/html/scale.js';
import { placeWaterfall, renderWaterfall, waterfallBars, type BridgeMoney } from '../../src/render/html/waterfall.js';

// basic.csv, 2024-Q4 (USD cents): begin 2,775 + reactivation 250 − churn 625 = end 2,400.
const q4: BridgeMoney = { begin: 277_500, new: 0, expansion: 0, reactivation: 25_000, contraction: 0, churn: 62_500, end: 240_000 };
// 2024-Q2: begin 2,150 + new 625 + expansion 50 = 2,825.
const q2: BridgeMoney = { begin: 215_000, new: 62_500, expansion: 5_000, reactivation: 0, contraction: 0, churn: 0, end: 282_500 };

describe('niceScale', () => {
  it.each([
    // [min, max] → ticks: steps of 1, 2, 2.5 or 5 × 10^k, always through zero.
    [0, 282_500, 4, [0, 100_000, 200_000, 300_000]],
    [240_000, 282_500, 4, [0, 100_000, 200_000, 300_000]],
    [-50, 120, 5, [-50, 0, 50, 100, 150]],
    [770_833, 1_023_256, 5, [0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000]],
  ])('niceScale(%i, %i, %i) has ticks %j', (min, max, target, ticks) => {
    const s = niceScale(min, max, target);
    expect(s.ticks).toEqual(ticks);
    expect(s.lo).toBeLessThanOrEqual(Math.min(0, min));
    expect(s.hi).toBeGreaterThanOrEqual(Math.max(0, max));
  });

  it('includes zero even when every value is far from it, and gives an all-zero series a unit range', () => {
    expect(niceScale(9_000, 10_000).ticks).toContain(0);
    expect(niceScale(-10_000, -9_000).ticks).toContain(0);
    expect(niceScale(0, 0, 4, 100)).toMatchObject({ lo: 0, hi: 100, ticks: [0, 100] });
  });

  it('keeps whole steps of the unit (no 2.5-cent ticks)', () => {
    expect(niceScale(0, 10, 4).ticks).toEqual([0, 3, 6, 9, 12]);
    expect(niceScale(0, 10, 4).ticks.every(Number.isInteger)).toBe(true);
  });

  it('maps values linearly, y growing upwards', () => {
    const y = linear({ lo: 0, hi: 300_000 }, 200, 10);
    expect([y(0), y(300_000), y(150_000)]).toEqual([200, 10, 105]);
  });
});

describe('waterfall geometry', () => {
  it('each movement starts where the previous bar ended, and the last lands on end', () => {
    for (const m of [q2, q4]) {
      const bars = waterfallBars(m);
      expect(bars.map((b) => b.key)).toEqual(['begin', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'end']);
      for (let i = 0; i < 5; i++) expect(bars[i + 1]!.from, bars[i + 1]!.key).toBe(bars[i]!.to);
      expect(bars[5]!.to).toBe(m.end);
      expect(bars[0]).toMatchObject({ from: 0, to: m.begin, tone: 'total' });
      expect(bars[6]).toMatchObject({ from: 0, to: m.end, tone: 'total' });
    }
    // Q4 by hand: 277,500 → +25,000 = 302,500 → −62,500 = 240,000.
    expect(waterfallBars(q4).map((b) => [b.from, b.to])).toEqual([[0, 277_500], [277_500, 277_500], [277_500, 277_500], [277_500, 302_500], [302_500, 302_500], [302_500, 240_000], [0, 240_000]]);
  });

  it('in pixels too: each bar starts at the level where the previous one ended', () => {
    const placed = placeWaterfall(waterfallBars(q4), niceScale(0, 302_500, 4, 100), 60);
    // A rising bar starts at its bottom and ends at its top; a falling one the other way round.
    const start = (b: (typeof placed)[number]): number => (b.tone === 'down' ? b.y : b.y + b.height);
    const end = (b: (typeof placed)[number]): number => (b.tone === 'down' ? b.y + b.height : b.y);
    for (let i = 0; i < 5; i++) expect(start(placed[i + 1]!), placed[i + 1]!.key).toBeCloseTo(end(placed[i]!), 9);
    expect(end(placed[5]!)).toBeCloseTo(placed[6]!.y, 9); // churn stops at end's top
    expect(placed[6]!.y + placed[6]!.height).toBeCloseTo(placed[0]!.y + placed[0]!.height, 9); // begin and end stand on zero
    expect(placed[3]!.height).toBeGreaterThan(0); // reactivation 250 is drawn
    expect(placed[1]!.height).toBe(0); // new 0 is not
  });

  it('renders one mark per bar with the money in the tooltip and the currency on the axis', () => {
    const svg = renderWaterfall(q4, { id: 'w', title: 'MRR bridge 2024-Q4', scale: niceScale(0, 302_500, 4, 100), digits: 2, currency: 'USD' });
    expect(svg.match(/class="mark /g)).toHaveLength(7);
    expect(svg).toContain('<title>Churn: 625.00 USD</title>');
    expect(svg).toContain('>USD 3,000<');
  });
});

describe('bars and lines', () => {
  it('stacks parts end to end from zero', () => {
    expect(stackSegments([3, 0, 2])).toEqual([{ from: 0, to: 3 }, { from: 3, to: 3 }, { from: 3, to: 5 }]);
  });

  it('draws a bar from zero for each value and none for null', () => {
    const svg = renderBars({ id: 'b', title: 't', categories: ['EMEA', 'APAC', 'AMER'], values: [55_000, null, 0], format: (v) => axisMoney(v, 2, 'USD'), minStep: 100 });
    expect(svg.match(/class="mark /g)).toHaveLength(2);
    expect(svg).toContain('<title>EMEA: USD 550</title>');
  });

  it('cuts long category labels and keeps them whole in the tooltip', () => {
    expect(fitLabel('Enterprise × North America and Canada')).toBe('Enterprise × North America…');
  });

  it('shows every k-th period label so labels never touch, the latest always', () => {
    expect(labelStep(['2024-01', '2024-02'], 100)).toBe(1);
    expect(labelStep(['2024-01', '2024-02'], 20)).toBe(4);
    const svg = renderLineChart({ id: 'l', title: 't', categories: ['a', 'b', 'c'], series: [{ name: 'NRR', values: [null, 1_000_000, 1_023_256] }] });
    expect(svg.match(/<circle/g)).toHaveLength(2); // no dot where the rate is undefined
    expect(svg.match(/<polyline/g)).toHaveLength(1);
  });
});

describe('axis labels', () => {
  it.each([
    [0, 'USD 0'],
    [250_000, 'USD 2,500'],
    [2_500_000, 'USD 25k'],
    [125_000_000, 'USD 1.25M'],
    [-50_000, 'USD −500'],
  ])('%i cents → %s', (minor, text) => {
    expect(axisMoney(minor, 2, 'USD')).toBe(text);
  });

  it('uses the currency minor unit: 2,500 JPY is 2,500 units', () => {
    expect(axisMoney(2500, 0, 'JPY')).toBe('JPY 2,500');
  });

  it('writes rates as percentages with the decimals they need', () => {
    expect([axisPercent(800_000), axisPercent(25_000), axisPercent(2_500), axisPercent(-50_000)]).toEqual(['80%', '2.5%', '0.25%', '−5%']);
  });
});

describe('stacked bars and heat map', () => {
  it('draws one mark per non-zero part and wraps a legend that does not fit on one line', () => {
    const parts = ['Flat', 'Upgrade', 'Downgrade', 'Archive', 'Cancellation', 'Not renewed', 'Pending long label', 'Rolled forward'];
    const svg = renderStackedBars({ id: 's', title: 't', categories: ['2025-Q1', '2025-Q2'], parts, values: [[100, 0, 50, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 25, 0, 0]], format: (v) => axisMoney(v, 2, 'USD'), minStep: 100 });
    expect(svg.match(/class="mark /g)).toHaveLength(3);
    const legendRows = new Set([...svg.matchAll(/<text class="legend" x="[^"]+" y="([^"]+)"/g)].map((m) => m[1]));
    expect(legendRows.size).toBe(2);
  });

  it('shades a cell by its rate, from 0.08 at 0% to 1 at 100% and above', () => {
    expect([heatOpacity(0), heatOpacity(500_000), heatOpacity(1_000_000), heatOpacity(2_841_000)]).toEqual([0.08, 0.54, 1, 1]);
    expect(cellText(1_023_256)).toBe('102.3%');
  });

  it('draws a cell per age a cohort reached, none beyond', () => {
    // Cohort 2024-Q1 reached ages 0–2, 2024-Q2 ages 0–1.
    const svg = renderHeatMap({ id: 'h', title: 't', rows: ['2024-Q1', '2024-Q2'], columns: ['Age 0', 'Age 1', 'Age 2'], values: [[1_000_000, 980_000, 900_000], [1_000_000, 1_050_000]] });
    expect(svg.match(/class="mark heat"/g)).toHaveLength(5);
    expect(svg).toContain('<title>2024-Q2, Age 1: 105.0%</title>');
  });
});
