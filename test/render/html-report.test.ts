// --format html without a browser: one self-contained page (no script, nothing fetched), every chart the
// report calls for, the same bytes on every run. test/render/html-browser.test.ts renders it for real.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const basic = readFileSync(new URL('../../fixtures/exports/basic.csv', import.meta.url), 'utf8');
const reports = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
const bridge = ['bridge', '--fx', 'EUR=1.10,GBP=1.25', '--as-of', '2025-06-30', '-q', '-f', 'html'];

async function html(args: string[], now?: string): Promise<string> {
  const r = await runCli([...args, '-'], { stdin: basic, ...(now ? { now } : {}) });
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout;
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

describe('bridge --format html', () => {
  it('is one self-contained page: inline CSS, no script, nothing to fetch, a CSP forbidding both', async () => {
    const page = await html([...bridge, '--period', 'quarter']);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|@import|url\(/i);
    // The only URL is the SVG namespace, which is a name, not a request.
    expect(page.match(/https?:\/\/[^"]+/g)?.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(page).toContain('@media (prefers-color-scheme:dark)');
    expect(page).toContain('@media print');
  });

  it('has a waterfall per quarter, the retention lines, the title, the policy and both tables', async () => {
    const page = await html([...bridge, '--period', 'quarter']);
    expect(page).toContain('<h1>MRR bridge by quarter · customers · USD · as of 2025-06-30</h1>');
    expect(count(page, /data-chart="waterfall"/g)).toBe(6);
    expect(count(page, /data-chart="lines"/g)).toBe(2);
    expect(count(page, /data-chart="bars"/g)).toBe(0);
    expect(page).toContain('<dt>grace</dt><dd>30 days for late renewals</dd>');
    expect(count(page, /<table>/g)).toBe(2);
    // 2024-Q4 by hand: reactivation 250.00, churn 625.00 (in the tooltips); the axis is in USD.
    expect(page).toContain('<title>Reactivation: 250.00 USD</title>');
    expect(page).toContain('<title>Churn: 625.00 USD</title>');
    expect(page).toContain('>USD 3,000<');
  });

  it('adds churn by segment with --by, and the change tables with --compare', async () => {
    const page = await html([...bridge, '--period', 'quarter', '--by', 'region', '--compare', 'previous']);
    expect(count(page, /data-chart="bars"/g)).toBe(2);
    // The latest quarter that lost MRR is 2025-Q1: EMEA lost Beta's 550.00.
    expect(page).toContain('Churn by segment, 2025-Q1');
    expect(page).toContain('<title>EMEA: USD 550</title>');
    expect(count(page, /<table>/g)).toBe(4);
    expect(page).toContain('change against the previous period');
  });

  it('draws the last 12 waterfalls of a long monthly report and says so', async () => {
    const page = await html(bridge);
    expect(count(page, /data-chart="waterfall"/g)).toBe(12);
    expect(page).toContain('The last 12 of 18 periods');
    expect(page).toContain('id="waterfall-2025-06"');
    expect(page).not.toContain('id="waterfall-2024-06"');
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    const first = await html([...bridge, '--period', 'quarter', '--by', 'region'], '2025-07-01T00:00:00Z');
    const second = await html([...bridge, '--period', 'quarter', '--by', 'region'], '2031-01-15T23:59:59Z');
    expect(second).toBe(first);
    // Ids come from names, so they are the same on every run and unique in the page.
    const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes input text (segment values) in HTML and SVG', async () => {
    const csv = 'customer_id,start_date,end_date,mrr,region\nA,2024-01-01,2024-12-31,100,"<b>""x""&y</b>"\n';
    const r = await runCli(['bridge', '--as-of', '2024-12-31', '-q', '-f', 'html', '--period', 'quarter', '--by', 'region', '-'], { stdin: csv });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<b>');
    expect(r.stdout).toContain('&lt;b&gt;&quot;x&quot;&amp;y&lt;/b&gt;');
  });
});

describe('diff --format html', () => {
  it('shows the CMRR impact of the largest moves as bars and marks better/worse cells', async () => {
    const r = await runCli(['diff', '-f', 'html', `${reports}bridge-2025-q1.json`, `${reports}bridge-2025-q2.json`]);
    expect(r.exitCode, r.stderr).toBe(0);
    const page = r.stdout.split(reports).join('');
    expect(count(page, /data-chart="bars"/g)).toBe(1);
    // Churn 550.00 → 0.00 is the largest move: +550.00 of CMRR, drawn as a gain.
    expect(page).toContain('<rect class="mark bar-up"');
    expect(page).toContain('<title>Churn · Total: USD 550</title>');
    expect(page).toContain('<td class="num better">−550.00 <span class="mark-sign">▲</span></td>');
    expect(page).not.toMatch(/<script/i);
  });

  it('puts a policy change first, before the policy block', async () => {
    const r = await runCli(['diff', '-f', 'html', '--allow-policy-change', `${reports}bridge-2025-q2.json`, `${reports}bridge-2025-q2-grace60.json`]);
    const page = r.stdout;
    expect(page.indexOf('<h2 id="policy-changed">Policy changed</h2>')).toBeGreaterThan(0);
    expect(page.indexOf('Policy changed')).toBeLessThan(page.indexOf('<h2 id="policy">'));
  });
});
