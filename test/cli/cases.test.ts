// Golden CLI cases, miller-style: fixtures/cases/<command>/<NNNN-slug>/cmd is one command line run in that
// folder (stdin from `stdin` when present); stdout.txt, stderr.txt and exit-code (absent = 0) are what
// it must print, and files/ what it must leave in its scratch folder ($SCRATCH in cmd, a fresh temporary
// folder per case: the only place a case may write). `npx vitest run test/cli -u` rewrites them; review
// with git diff fixtures/cases. A new case starts with no goldens: `WRITE_GOLDENS=1 npx vitest run
// test/cli/cases.test.ts` writes them once (populate mode); without it a missing golden fails on every
// machine, so a deleted file can never pass by rewriting itself.
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fingerprint, listFiles, placeScratch } from '../helpers/case-scratch.js';
import { runCli } from '../helpers/run-cli.js';
import { sanitize } from '../helpers/sanitize.js';
import { splitCommand } from '../helpers/split-command.js';

const casesRoot = fileURLToPath(new URL('../../fixtures/cases', import.meta.url));
/** What a run may rewrite in its case folder: the goldens themselves (under -u). */
const goldens = new Set(['stdout.txt', 'stderr.txt', 'files']);

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
      const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'retain-case-')));
      try {
        const { words: args, refused } = placeScratch(words.slice(1), scratch);
        expect(refused, 'cmd may write only inside $SCRATCH').toEqual([]);
        const populate = Boolean(process.env.WRITE_GOLDENS);
        if (!populate) {
          for (const golden of ['stdout.txt', 'stderr.txt']) expect(existsSync(join(dir, golden)), `${golden} is missing (WRITE_GOLDENS=1 writes it)`).toBe(true);
        }
        const before = fingerprint(dir, goldens);
        const stdinPath = join(dir, 'stdin');
        const result = await runCli(args, { cwd: dir, ...(existsSync(stdinPath) ? { stdin: readFileSync(stdinPath, 'utf8') } : {}) });
        const clean = (text: string): string => sanitize(text.split(scratch).join('<scratch>'), dir);
        await expect(clean(result.stdout)).toMatchFileSnapshot(join(dir, 'stdout.txt'));
        await expect(clean(result.stderr)).toMatchFileSnapshot(join(dir, 'stderr.txt'));
        const exitPath = join(dir, 'exit-code');
        expect(result.exitCode).toBe(existsSync(exitPath) ? Number(readFileSync(exitPath, 'utf8').trim()) : 0);
        expect(fingerprint(dir, goldens), 'the run changed its case folder').toEqual(before);
        const written = listFiles(scratch);
        const expected = existsSync(join(dir, 'files')) ? listFiles(join(dir, 'files')) : [];
        if (!populate) expect(written.filter((file) => !expected.includes(file)), 'the run wrote files with no golden under files/ (WRITE_GOLDENS=1 writes them)').toEqual([]);
        for (const file of written) await expect(clean(readFileSync(join(scratch, file), 'utf8'))).toMatchFileSnapshot(join(dir, 'files', file));
        expect(expected.filter((file) => !written.includes(file)), 'files/ names a file the run did not write').toEqual([]);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  }
});
