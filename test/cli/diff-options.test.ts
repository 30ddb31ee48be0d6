// retain diff flags: --threshold parsing, and colour (green/red by direction) versus ▲/▼ marks.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseThresholds } from '../../src/cli/commands/diff.js';
import { runCli } from '../helpers/run-cli.js';

const reports = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
const files = [`${reports}bridge-2025-q1.json`, `${reports}bridge-2025-q2.json`];

describe('--threshold', () => {
  it('defaults to 2 pp for rates and 10% for money', () => {
    expect(parseThresholds([])).toEqual({ rateMicro: 20_000, relative: { num: 10, den: 100 } });
  });

  it.each([
    [['1.5pp'], { rateMicro: 15_000, relative: { num: 10, den: 100 } }],
    [['2.5%'], { rateMicro: 20_000, relative: { num: 25, den: 1000 } }],
    [['0.25PP,5%'], { rateMicro: 2_500, relative: { num: 5, den: 100 } }],
    [['3pp', '0%'], { rateMicro: 30_000, relative: { num: 0, den: 100 } }],
  ])('%j', (values, expected) => {
    expect(parseThresholds(values)).toEqual(expected);
  });

  it.each([['2'], ['pp'], ['-1pp'], ['1e2%'], ['0.00001pp']])('refuses %s', (value) => {
    expect(() => parseThresholds([value])).toThrow(/--threshold/);
  });

  it('moves what is highlighted: with 25 pp only the churn and expansion moves (money) stay', async () => {
    const r = await runCli(['diff', '--threshold', '25pp', ...files]);
    const highlights = r.stdout.slice(r.stdout.indexOf('Moved most'), r.stdout.indexOf('All measures'));
    expect(highlights).toContain('│ Churn ');
    expect(highlights).not.toContain('│ GRR ');
  });
});

describe('colour', () => {
  it('marks better ▲ and worse ▼ when colour is off (NO_COLOR)', async () => {
    const r = await runCli(['diff', ...files]);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain('−550.00 ▲'); // churn down: better
    expect(r.stdout).toContain('−100.00 ▼'); // expansion down: worse
  });

  it('colours better green and worse red with --color, without marks', async () => {
    const r = await runCli(['diff', '--color', ...files], { env: { NO_COLOR: '' } });
    expect(r.stdout).toContain('\u001b[32m−550.00\u001b[39m');
    expect(r.stdout).toContain('\u001b[31m−100.00\u001b[39m');
    expect(r.stdout).not.toContain('▲ │');
  });

  it('--no-color wins over a terminal', async () => {
    const r = await runCli(['diff', '--no-color', ...files], { env: { NO_COLOR: '' } });
    expect(r.stdout).not.toContain('\u001b[');
  });
});
