// Malformed input never crashes the CLI (METRICS.md §8, DESIGN §3.5): random byte-level damage to a valid
// export (stray quotes, commas, CR, NUL and invalid UTF-8 bytes, cut lines, a UTF-16 byte order mark)
// ends with exit 0 or 2 and diagnostics, never an internal error (exit 70) or a stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { historyArb, historyCsv, historyFlags } from '../helpers/gen-history.js';
import { runCli } from '../helpers/run-cli.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 60) * 3;
const scratch = mkdtempSync(join(tmpdir(), 'retain-bad-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const damageArb = fc.array(
  fc.record({
    at: fc.nat(),
    remove: fc.integer({ min: 0, max: 3 }),
    insert: fc.array(fc.constantFrom(0x22, 0x2c, 0x0d, 0x0a, 0x00, 0xff, 0xc3, 0xe9, 0x20, 0x2d, 0x31, 0x2e), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 6 },
);

describe(`damaged exports (${runs} runs)`, () => {
  it('end with exit 0 or 2, never an internal error', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(historyArb({ periods: ['month', 'quarter'] }), damageArb, fc.boolean(), fc.constantFrom<'none' | 'utf16' | 'utf8'>('none', 'none', 'utf8', 'utf16'), async (history, damage, skipInvalid, bom) => {
        let bytes = Buffer.from(historyCsv(history.lines));
        for (const { at, remove, insert } of damage) {
          const i = at % (bytes.length + 1);
          bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(insert), bytes.subarray(i + remove)]);
        }
        if (bom === 'utf8') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
        if (bom === 'utf16') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]);
        const file = join(scratch, `damaged-${n++}.csv`);
        writeFileSync(file, bytes);
        const result = await runCli(['bridge', ...historyFlags(history), ...(skipInvalid ? ['--skip-invalid'] : []), file]);
        expect([0, 2], result.stderr).toContain(result.exitCode);
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      }),
      { numRuns: runs, seed: Number(process.env.PROPERTY_SEED ?? 20250615), endOnFailure: true },
    );
  });
});
