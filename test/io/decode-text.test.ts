// The decoder (src/io/decode-text.ts) never turns bytes it cannot decode into U+FFFD: an unpaired UTF-16
// surrogate, invalid UTF-8 and a character cut off at the end of the file are problems at their line, in
// any chunking, and valid text in either encoding decodes whole however the chunks split it.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TextDecoderForCsv, type EncodingProblem } from '../../src/io/decode-text.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { readInputs } from '../../src/io/read-inputs.js';
import { readOptions } from '../helpers/read-lines.js';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const units = Buffer.from(text, 'utf16le');
  if (order === 'be') units.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), units]);
}

/** Decodes bytes cut every `size` bytes; the text, or the first problem. */
function decodeInChunks(bytes: Uint8Array, size: number): string | EncodingProblem {
  const decoder = new TextDecoderForCsv();
  let text = '';
  for (let at = 0; at < bytes.length; at += size) {
    const piece = decoder.decode(bytes.subarray(at, at + size), false);
    if (typeof piece !== 'string') return piece;
    text += piece;
  }
  const tail = decoder.decode(new Uint8Array(0), true);
  return typeof tail === 'string' ? text + tail : tail;
}

const csv = 'customer_id,start_date,mrr\nA😀,2024-01-01,10\nÉtoile,2024-01-01,20\n';

describe('TextDecoderForCsv', () => {
  it.each(['le', 'be'] as const)('decodes UTF-16 %s with a surrogate pair split at every byte', (order) => {
    const bytes = utf16(csv, order);
    for (let size = 1; size <= bytes.length; size++) expect(decodeInChunks(bytes, size)).toBe(csv);
  });

  it.each(['le', 'be'] as const)('an unpaired high or low surrogate in UTF-16 %s is a problem at its line, in any chunking', (order) => {
    // Line 3 holds "A" + a high surrogate alone, line 4 a low surrogate alone: without the check both would read "A\uFFFD".
    const text = 'customer_id,start_date,mrr\nB,2024-01-01,5\nA\ud800,2024-01-01,10\nA\udc00,2024-01-01,20\n';
    const bytes = utf16(text, order);
    for (let size = 1; size <= bytes.length; size++) expect(decodeInChunks(bytes, size)).toEqual({ kind: 'invalid-utf16', line: 3 });
    const lowOnly = utf16('customer_id\nx\nA\udc00\n', order);
    for (let size = 1; size <= lowOnly.length; size++) expect(decodeInChunks(lowOnly, size)).toEqual({ kind: 'invalid-utf16', line: 3 });
  });

  it('a high surrogate at the very end of a UTF-16 file, or an odd byte, is a problem on the last line', () => {
    const bytes = utf16('customer_id\nA\ud83d', 'le');
    for (let size = 1; size <= bytes.length; size++) expect(decodeInChunks(bytes, size)).toEqual({ kind: 'invalid-utf16', line: 2 });
    const odd = Buffer.concat([utf16('customer_id\nA', 'le'), Buffer.from([0x42])]);
    expect(decodeInChunks(odd, 3)).toEqual({ kind: 'invalid-utf16', line: 2 });
  });

  it('invalid UTF-8 is a problem at its line; a sequence cut off at the end of the file too', () => {
    const latin1 = Buffer.concat([Buffer.from('customer_id,segment\nA,ok\nB,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    for (let size = 1; size <= latin1.length; size++) expect(decodeInChunks(latin1, size)).toEqual({ kind: 'invalid-utf8', line: 3 });
    const cut = Buffer.from('customer_id\nA\nB€').subarray(0, -1); // the euro sign loses its last byte
    for (let size = 1; size <= cut.length; size++) expect(decodeInChunks(cut, size)).toEqual({ kind: 'invalid-utf8', line: 3 });
  });
});

describe('the main input', () => {
  const read = async (bytes: Buffer): Promise<string[]> => {
    const result = await readInputs(['-'], readOptions(), Readable.from([bytes]));
    return result.fatal.map(formatDiagnostic);
  };

  it('UTF-16 with a lone surrogate is INVALID_UTF16 at its line, never two customers merged into one', async () => {
    expect(await read(utf16('customer_id,start_date,mrr\nA\ud800,2024-01-01,10\nA\udbff,2024-01-01,20\n', 'le'))).toEqual([
      'retain: error: <stdin>:2: INVALID_UTF16: the file is not valid UTF-16 here: half of a surrogate pair, or half a character at the end of the file (export the file again as UTF-8 or UTF-16; a text cut in the middle of a character (an emoji, a rare CJK character) is the usual cause)',
    ]);
  });

  it('a UTF-8 file whose last character is cut off is INVALID_UTF8, not read without it', async () => {
    const bytes = Buffer.from('customer_id,start_date,mrr,segment\nA,2024-01-01,10,Caf€').subarray(0, -2);
    expect(await read(bytes)).toEqual(['retain: error: <stdin>:2: INVALID_UTF8: the file is not valid UTF-8 here (export the file as UTF-8 (or UTF-16 with a byte order mark))']);
  });
});

describe('UTF-8 in one-byte chunks', () => {
  it('a four-byte character split over four chunks, then a bad byte, is placed on the bad byte’s line', () => {
    const bytes = Buffer.concat([Buffer.from('id\n😀\n'), Buffer.from([0xff]), Buffer.from('\n')]);
    expect(decodeInChunks(bytes, 1)).toEqual({ kind: 'invalid-utf8', line: 3 });
    expect(decodeInChunks(Buffer.from('id\n😀\nok\n'), 1)).toBe('id\n😀\nok\n');
  });
});
