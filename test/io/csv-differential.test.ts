// Differential test of the hot-path CSV reader against csv-parse (the reference), on generated files:
// identical records and identical start lines, whatever the chunk boundaries and the encoding.
// `npm test` runs a fixed-seed sample of 500; `npm run fuzz` runs ≥ 10,000 files per property with a
// fresh seed (printed in the test name and by fast-check on failure). A mismatch found that way becomes a case in
// "regressions" below. Setup and documented differences: test/fuzz/csv-reference.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkSizesArb, csvFileArb, encode, encodingArb, wellFormedCsvArb } from '../fuzz/csv-arbitraries.js';
import { compareOutcomes, cut, decodeAndScan, referenceOutcome, scanChunks } from '../fuzz/csv-reference.js';

// scripts/fuzz-csv.mjs sets FUZZ_RUNS (10,000 by default) and a fresh FUZZ_SEED.
const runs = Number(process.env.FUZZ_RUNS ?? 500);
const seed = Number(process.env.FUZZ_SEED ?? 20241115);
const settings = { numRuns: runs, seed, endOnFailure: true };

describe(`CSV reader vs csv-parse (${runs} files per property, seed ${seed})`, () => {
  it('reads text fed in any chunks exactly as csv-parse reads it', () => {
    fc.assert(
      fc.property(csvFileArb, chunkSizesArb, (file, sizes) => {
        const differences = compareOutcomes(scanChunks(cut(file.text, sizes)), referenceOutcome(file.text));
        expect(differences, JSON.stringify(file.text.slice(0, 400))).toEqual([]);
      }),
      settings,
    );
  }, 600_000);

  it('reads bytes (UTF-8 with or without BOM, UTF-16 with BOM) fed in any chunks as csv-parse reads the text', () => {
    fc.assert(
      fc.property(csvFileArb, encodingArb, chunkSizesArb, (file, encoding, sizes) => {
        const differences = compareOutcomes(decodeAndScan(encode(file.text, encoding), sizes), referenceOutcome(file.text));
        expect(differences, `${encoding} ${JSON.stringify(file.text.slice(0, 400))}`).toEqual([]);
      }),
      settings,
    );
  }, 600_000);

  it('reads every well-formed file without a problem', () => {
    fc.assert(
      fc.property(wellFormedCsvArb, chunkSizesArb, (file, sizes) => {
        expect(scanChunks(cut(file.text, sizes)).problem).toBeNull();
      }),
      { ...settings, numRuns: Math.ceil(runs / 5) },
    );
  }, 600_000);
});

describe('regressions and documented differences', () => {
  it('a UTF-16 byte order mark split across the first two chunks (found by the fuzzer)', () => {
    // The decoder chose UTF-8 on a first chunk of one byte (0xFF) and failed on valid UTF-16.
    for (const encoding of ['utf16le-bom', 'utf16be-bom'] as const) {
      const counterexample = '"","';
      expect(compareOutcomes(decodeAndScan(encode(counterexample, encoding), [1, 2]), referenceOutcome(counterexample)), encoding).toEqual([]);
      expect(decodeAndScan(encode('a,é\nb,c\n', encoding), [1]).records, encoding).toEqual([
        { line: 1, fields: ['a', 'é'] },
        { line: 2, fields: ['b', 'c'] },
      ]);
    }
  });

  it('a final CR ends the last record (csv-parse would keep it as data)', () => {
    expect(scanChunks(['a,b\r']).records).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(scanChunks(['"a"\r']).records).toEqual([{ line: 1, fields: ['a'] }]);
  });

  it('a lone CR elsewhere is data, as in csv-parse with record_delimiter [LF, CRLF]', () => {
    const text = 'a,b\rc\n"x\ry",z\r\n';
    expect(compareOutcomes(scanChunks(cut(text, [1])), referenceOutcome(text))).toEqual([]);
    expect(scanChunks([text]).records.map((r) => r.fields)).toEqual([
      ['a', 'b\rc'],
      ['x\ry', 'z'],
    ]);
  });
});
