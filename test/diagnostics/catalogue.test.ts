// The diagnostics catalogue (DESIGN §3.7): every code of src/diagnostics/diagnostic.ts has a golden case
// under fixtures/cases/errors/<NNNN-code>/ that really produces it (a diagnostic on stderr, or a finding
// of `retain check -f csv` on stdout), and an entry in docs/errors.md with an example; and
// every golden case that accounts for its rows (a JSON `input` object, or the stderr summary line) has
// rows = used + excluded + rejected (METRICS.md §8).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '../../src/diagnostics/diagnostic.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const casesRoot = join(root, 'fixtures/cases');
const errorsRoot = join(casesRoot, 'errors');
const errorsDoc = readFileSync(join(root, 'docs/errors.md'), 'utf8');

function caseDirs(dir: string): string[] {
  if (existsSync(join(dir, 'cmd'))) return [dir];
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .flatMap(caseDirs);
}

const slug = (code: string): string => code.toLowerCase().replaceAll('_', '-');
const read = (dir: string, name: string): string => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');

describe('diagnostics catalogue', () => {
  const errorCases = readdirSync(errorsRoot).filter((name) => statSync(join(errorsRoot, name)).isDirectory());

  it.each([...diagnosticCodes])('%s has a golden case that produces it', (code) => {
    const name = errorCases.find((n) => n.replace(/^\d{4}-/, '') === slug(code));
    expect(name, `no folder fixtures/cases/errors/NNNN-${slug(code)}`).toBeDefined();
    const stderr = read(join(errorsRoot, name!), 'stderr.txt');
    const stdout = read(join(errorsRoot, name!), 'stdout.txt');
    // Text lines carry "CODE:", the JSON array "code":"CODE", a `retain check` CSV finding "warning,CODE,".
    const shown = stderr.includes(`${code}:`) || stderr.includes(`"code":"${code}"`) || new RegExp(`^(error|warning),${code},`, 'm').test(stdout);
    expect(shown, `${name} does not show ${code}`).toBe(true);
  });

  it.each([...diagnosticCodes])('%s is documented in docs/errors.md with an example', (code) => {
    const section = errorsDoc.split(/^### /m).find((s) => s.startsWith(`${code}\n`));
    expect(section, `no "### ${code}" section`).toBeDefined();
    expect(section, `the ${code} section shows no example line`).toMatch(new RegExp(`retain: (error|warning): .*${code}: |^(error|warning),${code},`, 'm'));
  });

  it('has no case and no documentation for a code that no longer exists', () => {
    const codes = new Set(diagnosticCodes.map(slug));
    expect(errorCases.filter((n) => !codes.has(n.replace(/^\d{4}-/, '')))).toEqual([]);
    const documented = [...errorsDoc.matchAll(/^### ([A-Z0-9_]+)$/gm)].map((m) => m[1]!);
    expect(documented.filter((c) => !(diagnosticCodes as readonly string[]).includes(c))).toEqual([]);
  });
});

describe('row accounting in every golden case: rows = used + excluded + rejected', () => {
  const summary = /^retain: read (\d+) rows from \d+ files?: (\d+) used, (\d+) excluded, (\d+) rejected/m;
  const accounted = caseDirs(casesRoot).flatMap((dir) => {
    const checks: { where: string; rows: number; parts: number }[] = [];
    const m = summary.exec(read(dir, 'stderr.txt'));
    if (m) checks.push({ where: 'stderr summary', rows: Number(m[1]), parts: Number(m[2]) + Number(m[3]) + Number(m[4]) });
    const stdout = read(dir, 'stdout.txt');
    if (stdout.trimStart().startsWith('{')) {
      const input = (JSON.parse(stdout) as { input?: { rows: number; used: number; excluded: Record<string, number>; rejected: number } }).input;
      if (input && typeof input.rows === 'number') {
        const excluded = Object.values(input.excluded).reduce((a, b) => a + b, 0);
        checks.push({ where: 'JSON input', rows: input.rows, parts: input.used + excluded + input.rejected });
      }
    }
    return checks.map((c) => ({ ...c, name: relative(casesRoot, dir) }));
  });

  it('finds cases to check', () => {
    expect(accounted.length).toBeGreaterThan(20);
  });

  it.each(accounted.map((c) => [`${c.name} (${c.where})`, c] as const))('%s', (_, c) => {
    expect(c.parts).toBe(c.rows);
  });
});
