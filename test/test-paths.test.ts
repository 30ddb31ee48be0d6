// No test names a system path: tests write inside their own temporary folders (mkdtemp under os.tmpdir(),
// which the global setup points into the run's own folder) and reach devices only through copies made
// with mknod inside such a folder. The files listed here name system paths on purpose: the setup that
// watches /dev, and the examples the golden-case lint must refuse.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const testRoot = fileURLToPath(new URL('.', import.meta.url));
const allowed = new Set(['setup/outside-paths.ts', 'cli/case-scratch.test.ts', 'test-paths.test.ts']);
const systemPath = /['"`]\/(?:tmp|dev|etc|proc|sys|var|root|home|usr)(?:\/[^'"`]*)?['"`]/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

it('no test names a system path', () => {
  const found = files(testRoot)
    .filter((path) => !allowed.has(relative(testRoot, path)))
    .flatMap((path) => [...readFileSync(path, 'utf8').matchAll(systemPath)].map((m) => `${relative(testRoot, path)}: ${m[0]}`));
  expect(found).toEqual([]);
});

it('catches a system path written in a test', () => {
  expect("writeFileSync('/dev/null', x); spawn('cat', [`/tmp/x`])".match(systemPath)).toEqual(["'/dev/null'", '`/tmp/x`']);
});
