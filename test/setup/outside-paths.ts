// Global setup of the test run: no test may touch a path outside its own temporary folder. The device
// files and links of /dev are recorded before the run and compared after it (a write through the product's
// writer as root once replaced /dev/null with a regular file), and a name appearing in /dev fails the run
// too. The run gets a temporary folder of its own as TMPDIR (so os.tmpdir() in every test and in every
// CLI a test spawns points into it), removed whole at the end: a test that forgets its folder litters
// nothing. test/test-paths.test.ts checks that no test names a system path itself.
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const watched = ['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/stdin', '/dev/stdout', '/dev/stderr', '/dev/fd'];

/**
 * Kind, device number and permissions of each watched path: not times (every write to /dev/null sets
 * them) and not the inode (a /dev/null repaired with mknod is the same device).
 */
function describePaths(): string[] {
  return watched.map((path) => {
    try {
      const s = lstatSync(path);
      const kind = s.isCharacterDevice() ? 'character device' : s.isSymbolicLink() ? 'symbolic link' : s.isFile() ? 'REGULAR FILE' : s.isDirectory() ? 'folder' : 'other';
      return `${path}: ${kind} rdev=${s.rdev} mode=${(s.mode & 0o7777).toString(8)} uid=${s.uid}`;
    } catch (cause) {
      return `${path}: ${(cause as NodeJS.ErrnoException).code ?? 'unreadable'}`;
    }
  });
}

export default function setup(): () => void {
  const before = describePaths();
  const listing = readdirSync('/dev');
  const nullDevice = before[0]!;
  if (!nullDevice.includes('character device')) throw new Error(`${nullDevice} before the run; repair it first: mknod -m 666 /dev/null c 1 3`);
  const previousTmp = process.env.TMPDIR;
  const runTmp = mkdtempSync(join(tmpdir(), 'retain-test-run-'));
  process.env.TMPDIR = runTmp;
  return () => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(runTmp, { recursive: true, force: true });
    const after = describePaths();
    const problems = [
      ...after.filter((line, i) => line !== before[i]).map((line) => `changed during the run: ${line}`),
      ...readdirSync('/dev')
        .filter((name) => !listing.includes(name))
        .map((name) => `created during the run: /dev/${name}`),
    ];
    // vitest only logs an error thrown here and still exits 0: say it and fail the run by its exit code.
    if (problems.length > 0) {
      process.stderr.write(`\nFAIL paths outside the tests' temporary folders changed during the run (by a test, or by another process on this machine):\n${problems.join('\n')}\n`);
      process.exitCode = 1;
    }
  };
}
