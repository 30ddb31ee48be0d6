#!/usr/bin/env node
// npm run fuzz [-- --runs N] [-- --seed S]: the CSV differential test (test/io/csv-differential.test.ts)
// on ≥ 10,000 generated files per property with a fresh seed. A failure prints the seed and the
// shrunk counterexample; add it to the test's "regressions" block once fixed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const value = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const runs = value('--runs', '10000');
const seed = value('--seed', String(Date.now() % 2 ** 31));
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
  process.stderr.write('usage: npm run fuzz [-- --runs N] [-- --seed S]\n');
  process.exit(2);
}
process.stderr.write(`fuzz: ${runs} files per property, seed ${seed}\n`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/io/csv-differential.test.ts'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
