// Text from the input cannot attack the reader of a report (DESIGN §3.6): CSV cells that would start a
// spreadsheet formula get a leading ' (OWASP CSV injection) unless numeric; markdown escapes | and line
// breaks and drops control characters; the terminal table drops control characters (no ANSI escapes).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../src/render/csv.js';
import { stripControl } from '../../src/render/format-values.js';
import { escapeMarkdownCell } from '../../src/render/markdown.js';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+cmd|/C calc', `'+cmd|/C calc`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['-', `'-`],
    ['+1 555 0100', `'+1 555 0100`],
  ])('prefixes %j', (text, safe) => {
    expect(neutralizeFormula(text)).toBe(safe);
  });

  it.each(['-2', '+3.50', '-0.01', 'Acme', '', 'a=b', "it's"])('leaves %j alone (a number, or no formula start)', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe('markdown and terminal cells', () => {
  it('escapes pipes, backslashes and line breaks, and drops control characters, in markdown', () => {
    expect(escapeMarkdownCell('a|b\\c\r\nd\ne\u001b[31mf\u0007')).toBe('a\\|b\\\\c d e [31mf ');
  });

  it('drops control characters (ANSI escapes, line breaks, DEL, C1) in the terminal table', () => {
    expect(stripControl('x\u001b[2Jy\nz\u007f\u009bq\tw')).toBe('x [2Jy z  q w');
  });
});

describe('through the CLI, with hostile customer ids and segment values', () => {
  // Customer ids and regions that are formulas, contain a pipe, a line break or an ANSI escape.
  const hostile = csv`
    customer_id,start_date,end_date,mrr,region
    "=HYPERLINK(""http://x"",""y"")",2024-01-01,,100.00,=1+2
    +cmd,2024-01-01,,50.00,-2
    @SUM(1),2024-02-01,,25.00,a|b
    "esc${'\u001b'}[31mred",2024-02-01,,10.00,"line
    break"
  `;
  const run = (args: string[]) => runCli([...args, '--as-of', '2024-02-29', '-'], { stdin: hostile });

  it('neutralises formulas in CSV cells that hold input text', async () => {
    const result = await run(['customers', '-f', 'csv']);
    expect(result.exitCode, result.stderr).toBe(0);
    const customers = (parse(result.stdout, { columns: true }) as { customer: string }[]).map((r) => r.customer);
    expect(customers.slice(0, 3)).toEqual([`'=HYPERLINK("http://x","y")`, `'+cmd`, `'@SUM(1)`]);
  });

  it('writes segment values after their key in bridge CSV, so no cell starts with them', async () => {
    const result = await run(['bridge', '--by', 'region', '-f', 'csv']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(',region==1+2,');
    expect(result.stdout).toContain(',region=-2,');
  });

  it('keeps markdown tables intact and free of escapes', async () => {
    const result = await run(['bridge', '--by', 'region', '-f', 'markdown']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('| a\\|b |');
    expect(result.stdout).toContain('| line break |');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('prints no control character in the terminal table', async () => {
    for (const command of [['bridge', '--by', 'region'], ['customers']]) {
      const result = await run(command);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout, command.join(' ')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
  });
});
