// Golden CLI cases, miller-style: fixtures/cases/<command>/<NNNN-slug>/cmd is one command line run in that
// folder (stdin from `stdin` when present); stdout.txt, stderr.txt and exit-code (absent = 0) are what
// it must print. `npx vitest run test/cli -u` rewrites them; review with git diff fixtures/cases. A new case
// starts with no goldens: `WRITE_GOLDENS=1 npx vitest run test/cli/cases.test.ts` writes them once (populate
// mode); without it a missing golden fails on every machine, so a deleted file can never pass by rewriting itself.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { sanitize } from '../helpers/sanitize.js';
import { splitCommand } from '../helpers/split-command.js';

const casesRoot = fileURLToPath(new URL('../../fixtures/cases', import.meta.url));

function findCaseDirs(dir: string): string[] {
  if (existsSync(join(dir, 'cmd'))) return [dir];
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .flatMap(findCaseDirs);
}

describe('golden CLI cases', () => {
  for (const dir of findCaseDirs(casesRoot)) {
    test(relative(casesRoot, dir), async () => {
      const words = splitCommand(readFileSync(join(dir, 'cmd'), 'utf8').trim());
      expect(words[0]).toBe('retain');
      const stdinPath = join(dir, 'stdin');
      if (!process.env.WRITE_GOLDENS) {
        for (const golden of ['stdout.txt', 'stderr.txt']) expect(existsSync(join(dir, golden)), `${golden} is missing (WRITE_GOLDENS=1 writes it)`).toBe(true);
      }
      const result = await runCli(words.slice(1), { cwd: dir, ...(existsSync(stdinPath) ? { stdin: readFileSync(stdinPath, 'utf8') } : {}) });
      await expect(sanitize(result.stdout, dir)).toMatchFileSnapshot(join(dir, 'stdout.txt'));
      await expect(sanitize(result.stderr, dir)).toMatchFileSnapshot(join(dir, 'stderr.txt'));
      const exitPath = join(dir, 'exit-code');
      expect(result.exitCode).toBe(existsSync(exitPath) ? Number(readFileSync(exitPath, 'utf8').trim()) : 0);
    });
  }
});
