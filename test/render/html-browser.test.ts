// The HTML reports as a person sees them: headless Chromium (Debian's `chromium`, installed by .ci/run when
// missing) lays each page out; a copy with a test-only script (never in the report itself) writes the
// measurements into the DOM, read back with --dump-dom: every chart present and non-empty, no text outside
// its box, no axis labels on top of each other. A screenshot of the real file, light and dark, is not blank.
// Skips itself when no Chromium binary is found.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { decodePng, pixelAt, pixelsUnlikeBackground } from './png.js';

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

const chromium = findChromium();
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'retain-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function browse(args: string[], width: number, height: number): string {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${join(dir, 'profile')}`, `--window-size=${width},${height}`];
  return execFileSync(chromium!, [...flags, ...args], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
}

// Runs in the measured copy only. Text boxes are compared with their chart's box; labels must not overlap.
const measure = `<script>(() => {
  const out = { charts: [], overflow: [], overlaps: [] };
  const inside = (r, b) => r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5;
  for (const fig of document.querySelectorAll('figure.chart')) {
    const svg = fig.querySelector('svg');
    if (!svg) { out.charts.push({ kind: fig.dataset.chart, id: null, width: 0, height: 0, marks: 0, visible: 0 }); continue; }
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('.mark')];
    const visible = marks.filter((m) => { const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;
    out.charts.push({ kind: fig.dataset.chart, id: svg.id, width: box.width, height: box.height, marks: marks.length, visible });
    if (fig.scrollWidth > fig.clientWidth + 1) out.overflow.push('figure ' + svg.id + ' wider than its box');
    const texts = [...svg.querySelectorAll('text')];
    const rects = texts.map((t) => t.getBoundingClientRect());
    texts.forEach((t, i) => { if (!inside(rects[i], box)) out.overflow.push(svg.id + ': "' + t.textContent + '" outside the chart'); });
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i], b = rects[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) out.overlaps.push(svg.id + ': "' + texts[i].textContent + '" on "' + texts[j].textContent + '"');
    }
  }
  for (const el of document.querySelectorAll('h1, h2, p, dt, dd, figcaption, caption, th, td')) {
    if (el.scrollWidth > el.clientWidth + 1) out.overflow.push(el.tagName.toLowerCase() + ' "' + el.textContent.slice(0, 40) + '" overflows');
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) out.overflow.push('page wider than the window');
  const pre = document.createElement('pre');
  pre.id = 'measurements';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();</script>`;

interface Measurements {
  charts: { kind: string; id: string | null; width: number; height: number; marks: number; visible: number }[];
  overflow: string[];
  overlaps: string[];
}

function measured(page: string, name: string, width: number): Measurements {
  // The report forbids scripts by its CSP: the measured copy drops that line and adds the script.
  const copy = page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '').replace('</body>', `${measure}\n</body>`);
  const path = join(dir, `${name}-measured.html`);
  writeFileSync(path, copy);
  const dom = browse(['--virtual-time-budget=3000', '--dump-dom', pathToFileURL(path).href], width, 900);
  const json = /<pre id="measurements">([^<]*)<\/pre>/.exec(dom)?.[1];
  if (!json) throw new Error(`no measurements in the dumped DOM of ${name}`);
  return JSON.parse(json.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Measurements;
}

async function page(args: string[]): Promise<string> {
  const r = await runCli(args, { cwd: fixtures });
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return r.stdout;
}

const fx = ['--fx', 'EUR=1.10,GBP=1.25', '-q', '-f', 'html'];
const pages: [string, string[], Record<string, number>][] = [
  ['board-quarter', ['bridge', ...fx, '--period', 'quarter', '--as-of', '2025-06-30', '--by', 'region', '--compare', 'previous', 'exports/basic.csv'], { waterfall: 6, lines: 2, bars: 2 }],
  ['months', ['bridge', ...fx, '--as-of', '2025-06-30', 'exports/basic.csv'], { waterfall: 12, lines: 2, bars: 0 }],
  ['sample-arr', ['bridge', ...fx, '--period', 'quarter', '--unit', 'arr', '--as-of', '2025-12-31', '--by', 'region', 'sample/contracts.csv'], { waterfall: 12, lines: 2, bars: 2 }],
  ['diff', ['diff', '-f', 'html', 'reports/bridge-2025-q1.json', 'reports/bridge-2025-q2-late-data.json'], { waterfall: 0, lines: 0, bars: 1 }],
  ['renewals', ['renewals', ...fx, '--period', 'quarter', '--as-of', '2025-12-31', 'sample/contracts.csv'], { 'stacked-bars': 1 }],
  // With --by: the outcomes by segment as a second stacked chart, and the --compare tables.
  ['renewals-by-region', ['renewals', ...fx, '--period', 'quarter', '--as-of', '2025-12-31', '--by', 'region', '--compare', 'year-ago', 'sample/contracts.csv'], { 'stacked-bars': 2 }],
  ['diff-cohorts', ['diff', '-f', 'html', 'reports/cohorts-2025-q2.json', 'reports/cohorts-2025-q2.json', '--a-period', '2024-Q1', '--b-period', '2024-Q2'], { bars: 1 }],
  ['cohorts', ['cohorts', ...fx, '--period', 'quarter', '--metric', 'nrr', '--as-of', '2025-12-31', 'sample/contracts.csv'], { 'heat-map': 1 }],
];

describe.skipIf(chromium === undefined)('HTML reports in headless Chromium', () => {
  it.each(pages)('%s: every chart is there and drawn, no text leaves its box (wide and narrow windows)', async (name, args, expected) => {
    const html = await page(args);
    for (const width of [1280, 480]) {
      const m = measured(html, `${name}-${width}`, width);
      const kinds: Record<string, number> = {};
      for (const c of m.charts) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
      expect(kinds).toEqual(Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)));
      for (const chart of m.charts) {
        expect(chart.width * chart.height, `${chart.id} has no area at ${width}px`).toBeGreaterThan(0);
        expect(chart.visible, `${chart.id} draws nothing at ${width}px`).toBeGreaterThan(0);
      }
      expect(m.overflow, `at ${width}px`).toEqual([]);
      expect(m.overlaps, `at ${width}px`).toEqual([]);
    }
  }, 120_000);

  it('a screenshot of the report is not blank, in light and in dark mode', async () => {
    const html = await page(pages[0]![1]);
    const path = join(dir, 'board.html');
    writeFileSync(path, html);
    for (const [scheme, flags] of [['light', []], ['dark', ['--force-dark-mode']]] as const) {
      const png = join(dir, `board-${scheme}.png`);
      browse([...flags, `--screenshot=${png}`, pathToFileURL(path).href], 1200, 1600);
      const image = decodePng(readFileSync(png));
      expect([image.width, image.height]).toEqual([1200, 1600]);
      // Headings, tables and charts: a large share of the pixels is not background.
      expect(pixelsUnlikeBackground(image) / (image.width * image.height)).toBeGreaterThan(0.03);
      const [r, g, b] = pixelAt(image, 2, 2);
      if (scheme === 'light') expect(Math.min(r, g, b)).toBeGreaterThan(230);
      else expect(Math.max(r, g, b)).toBeLessThan(40);
    }
  }, 120_000);
});
