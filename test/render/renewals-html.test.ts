// renewals --format html with --by: the outcomes by segment as stacked bars, summed over the periods shown,
// worked by hand from fixtures/exports/basic.csv (quarters, as of 2025-12-31, FX EUR 1.10, GBP 1.25):
//   AMER: Delta 300 renewed flat (2024-Q3, late), Acme 1,000 upgraded (2024-Q4), Delta's D-2 300 not
//         renewed (2025-Q3); Acme's 1,100 due 2025-12-31 is pending, so in no outcome.
//   EMEA: Epsilon 200 not renewed (2024-Q3), Beta 550 not renewed (2025-Q1), Gamma Labs 625 cancelled (2025-Q2).
//   APAC: Gamma is evergreen, never due: no renewal, no bar.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const basic = readFileSync(new URL('../../fixtures/exports/basic.csv', import.meta.url), 'utf8');
const args = ['renewals', '--fx', 'EUR=1.10,GBP=1.25', '--period', 'quarter', '--as-of', '2025-12-31', '-q', '-f', 'html'];

async function html(extra: string[], now?: string): Promise<string> {
  const r = await runCli([...args, ...extra, '-'], { stdin: basic, ...(now ? { now } : {}) });
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout;
}

/** The bars' tooltips of one chart, in drawing order. */
function tooltips(page: string, id: string): string[] {
  const svg = new RegExp(`<svg[^>]*id="${id}".*?</svg>`, 's').exec(page)?.[0] ?? '';
  return [...svg.matchAll(/<rect class="mark[^"]*"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]!);
}

describe('renewals --format html --by region', () => {
  it('stacks each segment’s decided expiring MRR by outcome, over all the quarters shown', async () => {
    const page = await html(['--by', 'region']);
    expect(page).toContain('Renewal outcomes by segment, 2024-Q2 – 2025-Q4');
    expect(tooltips(page, 'stacked-renewal-outcomes-by-segment')).toEqual([
      'AMER · Flat: USD 300',
      'AMER · Upgrade: USD 1,000',
      'AMER · Not renewed: USD 300',
      'EMEA · Cancellation: USD 625',
      // 200 (Epsilon) + 550 (Beta)
      'EMEA · Not renewed: USD 750',
    ]);
    expect(page.match(/data-chart="stacked-bars"/g)?.length).toBe(2);
  });

  it('sums only the periods shown (--from 2025-Q1): AMER keeps Delta’s non-renewal, EMEA Beta and Gamma Labs', async () => {
    const page = await html(['--by', 'region', '--from', '2025-Q1']);
    expect(page).toContain('Renewal outcomes by segment, 2025-Q1 – 2025-Q4');
    expect(tooltips(page, 'stacked-renewal-outcomes-by-segment')).toEqual(['AMER · Not renewed: USD 300', 'EMEA · Cancellation: USD 625', 'EMEA · Not renewed: USD 550']);
  });

  it('has no segment chart without --by, nor when no segment decided anything', async () => {
    expect((await html([])).match(/data-chart="stacked-bars"/g)?.length).toBe(1);
    // 2025-Q4 alone: Acme is pending, nothing is decided.
    const page = await html(['--by', 'region', '--from', '2025-Q4']);
    expect(page).not.toContain('stacked-renewal-outcomes-by-segment');
  });

  it('adds the --compare tables to the page, and gives the same bytes whatever the clock says', async () => {
    const first = await html(['--by', 'region', '--compare', 'year-ago'], '2026-01-05T00:00:00Z');
    expect(first).toContain('<caption>Renewal CMRR: change against the same period a year earlier (USD)</caption>');
    expect(first).toContain('<caption>Renewal units and rates: change against the same period a year earlier</caption>');
    expect(await html(['--by', 'region', '--compare', 'year-ago'], '2031-07-01T12:00:00Z')).toBe(first);
  });
});
