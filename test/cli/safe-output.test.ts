// An interrupted run never leaves a half-written --output (DESIGN §3.5, METRICS.md §8): the built CLI is
// spawned on a generated export large enough to run for a while, killed with SIGTERM, SIGINT or SIGKILL
// at several moments (including the moment its temporary file appears), and the target must then be
// absent (or still the previous report) or the complete report, never a part of it. SIGINT and SIGTERM
// wait for the synchronous write to end, so no temporary file is left, and exit 128 + signal number.
// Needs `npm run build` (npm test does it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/retain.js', import.meta.url));
const generator = fileURLToPath(new URL('../../bench/gen-contracts.mjs', import.meta.url));
// Weekly tidy CSV of ~7 years: a report of ~400 KB, so writing it takes a measurable moment.
const reportArgs = ['bridge', '--as-of', '2025-12-31', '--fx', 'EUR=1.08,GBP=1.27', '-f', 'csv', '--layout', 'tidy', '--period', 'week', '-q'];
const env = { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' };
const PREVIOUS = 'the previous report\n';

let work = '';
let input = '';
let complete = '';
let fullRunMs = 0;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'retain-safe-output-'));
  input = join(work, 'contracts.csv');
  const generated = spawnSync(process.execPath, [generator, '--rows', '150000', '--seed', '11', '--out', input, '--quiet']);
  expect(generated.status).toBe(0);
  const started = Date.now();
  const full = spawnSync(process.execPath, [bin, ...reportArgs, '--output', join(work, 'full.csv'), input], { env });
  fullRunMs = Date.now() - started;
  expect(full.status, String(full.stderr)).toBe(0);
  complete = readFileSync(join(work, 'full.csv'), 'utf8');
  expect(complete.length).toBeGreaterThan(100_000);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

type Moment = number | 'temporary';

/** Runs the report into `folder/report.csv` and kills it at `moment` (a fraction of a full run, or when its temporary file appears). */
function interrupted(folder: string, signal: NodeJS.Signals, moment: Moment): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...reportArgs, '--output', 'report.csv', input], { cwd: folder, env, stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const watcher =
      moment === 'temporary'
        ? watch(folder, (_, name) => {
            if (name?.endsWith('.tmp')) child.kill(signal);
          })
        : undefined;
    if (typeof moment === 'number') timer = setTimeout(() => child.kill(signal), Math.round(fullRunMs * moment));
    child.on('exit', (code, killedBy) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal: killedBy });
    });
  });
}

const moments: Moment[] = [0.05, 0.4, 0.8, 0.95, 'temporary'];
const cases = (['SIGTERM', 'SIGINT', 'SIGKILL'] as const).flatMap((signal) => moments.map((moment, i) => ({ signal, moment, previous: i % 2 === 1 })));

describe('--output survives an interrupted run', () => {
  it.each(cases)('$signal at $moment (previous report present: $previous)', async ({ signal, moment, previous }) => {
    const folder = join(work, `${signal}-${String(moment)}`);
    mkdirSync(folder);
    if (previous) writeFileSync(join(folder, 'report.csv'), PREVIOUS);
    const exit = await interrupted(folder, signal, moment);
    const target = join(folder, 'report.csv');
    const content = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    // Either untouched or complete: never a prefix of the report.
    expect([previous ? PREVIOUS : undefined, complete]).toContain(content);
    const finished = exit.code === 0;
    if (finished) expect(content).toBe(complete);
    if (signal === 'SIGKILL') {
      if (!finished) expect(exit.signal).toBe('SIGKILL');
      return; // a hard kill may leave the temporary file; the target is still whole
    }
    // Killed by the signal itself only before the CLI installed its handlers (while Node starts).
    if (!finished && exit.signal === null) expect(exit.code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
