// What reaches a terminal or a pipe: no ANSI codes unless colour is wanted (NO_COLOR, --no-color and a
// non-TTY stdout all turn it off; --color forces it), the spinner only on a TTY stderr and never under CI,
// and a closed stdout (`retain … | head -1`) ends with exit 0 and nothing on stderr (DESIGN §3.5–3.6).
// The spawned tests need `npm run build` (npm test does it).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { startSpinner } from '../../src/cli/spinner.js';
import type { CliIo } from '../../src/cli/io.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/retain.js');
const ansi = /\u001b\[/;

function fakeIo(env: Record<string, string>, tty: boolean): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: Readable.from([]),
    cwd: root,
    env,
    now: () => new Date('2025-06-15T12:00:00Z'),
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    out: () => out,
    err: () => err,
  };
}

describe('colour decision (retain diff, the one coloured report)', () => {
  const diff = ['diff', 'fixtures/reports/bridge-2025-q1.json', 'fixtures/reports/bridge-2025-q2.json'];
  it.each([
    ['a terminal', {}, true, [], true],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, [], false],
    ['--no-color on a terminal', {}, true, ['--no-color'], false],
    ['a pipe (non-TTY stdout)', {}, false, [], false],
    ['--color into a pipe', {}, false, ['--color'], true],
    ['--color despite NO_COLOR', { NO_COLOR: '1' }, false, ['--color'], true],
  ] as const)('%s', async (_, env, tty, flags, coloured) => {
    const io = fakeIo({ ...env }, tty);
    expect(await run([...diff, ...flags], io)).toBe(0);
    expect(ansi.test(io.out())).toBe(coloured);
    expect(ansi.test(io.err())).toBe(false);
  });

  it('never colours the bridge, even when forced (its text output has no deltas to colour)', async () => {
    const io = fakeIo({}, true);
    expect(await run(['bridge', '--color', '--as-of', '2025-06-30', '--fx', 'EUR=1.10,GBP=1.25', 'fixtures/exports/basic.csv'], io)).toBe(0);
    expect(ansi.test(io.out() + io.err())).toBe(false);
  });
});

describe('spinner', () => {
  it.each([
    ['stderr is not a terminal', {}, false, false],
    ['CI=true', { CI: 'true' }, true, false],
    ['--quiet', {}, true, true],
  ] as const)('is off when %s', (_, env, tty, quiet) => {
    expect(startSpinner(fakeIo({ ...env }, tty), quiet, 'Reading input')).toBeUndefined();
  });

  it('runs on a terminal stderr outside CI', () => {
    const spinner = startSpinner(fakeIo({}, true), false, 'Reading input');
    expect(spinner).toBeDefined();
    spinner?.stop();
  });
});

describe('the built CLI on pipes', () => {
  let work = '';
  let input = '';
  const env = { PATH: process.env.PATH ?? '', TZ: 'UTC' };
  // A weekly tidy CSV of several years: far more than a pipe buffer (64 KiB), so writes meet the closed pipe.
  const bigReport = (): string[] => ['bridge', '-q', '--as-of', '2025-12-31', '--fx', 'EUR=1.08,GBP=1.27', '-f', 'csv', '--layout', 'tidy', '--period', 'week', input];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'retain-pipes-'));
    input = join(work, 'contracts.csv');
    const generated = spawnSync(process.execPath, [join(root, 'bench/gen-contracts.mjs'), '--rows', '5000', '--seed', '3', '--out', input, '--quiet']);
    expect(generated.status).toBe(0);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Spawns retain, reads stdout up to the first newline (or nothing), closes the pipe, and waits for the exit. */
  function headOne(args: string[], readFirstLine: boolean): Promise<{ code: number | null; first: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let first = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      if (readFirstLine) {
        child.stdout.on('data', (d: Buffer) => {
          if (first.includes('\n')) return;
          first += d.toString();
          if (first.includes('\n')) child.stdout.destroy();
        });
      } else child.stdout.destroy();
      child.on('exit', (code) => resolve({ code, first: first.split('\n')[0] ?? '', stderr }));
    });
  }

  it('ends with 0 and a clean stderr when the reader stops after one line (retain … | head -1)', async () => {
    const result = await headOne(bigReport(), true);
    expect(result.first.startsWith('period,')).toBe(true);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('ends with 0 when stdout is closed before anything is written', async () => {
    const result = await headOne(bigReport(), false);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('prints no ANSI code into a pipe, even for a table', () => {
    const result = spawnSync(process.execPath, [bin, 'bridge', '--as-of', '2025-06-30', '--fx', 'EUR=1.10,GBP=1.25', 'fixtures/exports/basic.csv'], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('MRR bridge');
    expect(ansi.test(result.stdout + result.stderr)).toBe(false);
  });
});
