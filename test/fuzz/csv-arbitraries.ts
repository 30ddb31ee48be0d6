// fast-check arbitraries for the CSV differential test: well-formed files built from records (quotes,
// doubled quotes, CRLF/LF/mixed ends, embedded newlines and commas, empty, long and unicode fields,
// with or without a final newline), "soup" texts that are mostly malformed, and chunkings (the sizes the
// text or bytes are fed in, down to one unit, so every boundary position gets exercised).
import fc from 'fast-check';

/** Pieces fields are made of: plain text, unicode (2-, 3- and 4-byte UTF-8), and every CSV special. */
const piece = fc.constantFrom('a', 'b', 'xyz', '1', ' ', '\t', 'é', '€', '😀', 'ß', ',', '"', '""', '\n', '\r', '\r\n', "'", '=');

const shortField = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

/** Longer than a 64 KiB read chunk: in about one file in twenty, so a field spans chunk boundaries. */
const longField = fc.tuple(fc.integer({ min: 100, max: 70_000 }), fc.constantFrom('L', 'é', ',', '"', '\n')).map(([n, c]) => `x${c.repeat(n)}y`);

export const fieldArb = fc.oneof({ weight: 400, arbitrary: shortField }, { weight: 1, arbitrary: longField });

/** A field as written: quoted when it must be (or by choice), inner quotes doubled. */
function writeField(value: string, quote: boolean): string {
  const needs = /[",\r\n]/.test(value);
  return needs || quote ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface CsvFile {
  text: string;
  /** True when every field is properly quoted, so the file must read without a problem. */
  wellFormed: boolean;
}

const recordArb = fc.array(fc.tuple(fieldArb, fc.boolean()), { minLength: 1, maxLength: 6 });

/** Well-formed files: records with LF, CRLF or mixed ends, quote-free ones included (the fast path). */
export const wellFormedCsvArb: fc.Arbitrary<CsvFile> = fc
  .record({
    records: fc.array(fc.tuple(recordArb, fc.constantFrom('\n', '\r\n')), { minLength: 0, maxLength: 12 }),
    ends: fc.constantFrom('lf', 'crlf', 'mixed'),
    finalNewline: fc.boolean(),
    quoting: fc.constantFrom('needed', 'some', 'all'),
  })
  .map(({ records, ends, finalNewline, quoting }) => {
    let text = '';
    records.forEach(([fields, mixedEnd], i) => {
      // 'needed' leaves special-free fields bare, so many records take the scanner's indexOf path.
      text += fields.map(([value, q]) => writeField(value, quoting === 'all' || (quoting === 'some' && q))).join(',');
      const end = ends === 'lf' ? '\n' : ends === 'crlf' ? '\r\n' : mixedEnd;
      if (i < records.length - 1 || finalNewline) text += end;
    });
    return { text, wellFormed: true };
  });

/** Mostly malformed texts: stray quotes, lone CRs, text after closing quotes, unclosed quotes. */
export const soupCsvArb: fc.Arbitrary<CsvFile> = fc
  .array(fc.constantFrom('a', 'bc', ',', '"', '""', '\n', '\r', '\r\n', 'é', '😀', ' ', '","', '"\n'), { maxLength: 40 })
  .map((parts) => ({ text: parts.join(''), wellFormed: false }));

export const csvFileArb: fc.Arbitrary<CsvFile> = fc.oneof({ weight: 3, arbitrary: wellFormedCsvArb }, { weight: 1, arbitrary: soupCsvArb });

/** Chunk sizes, cycled over the input: [] = one chunk; [1] = one unit at a time. */
export const chunkSizesArb = fc.oneof(
  fc.constant<number[]>([]),
  fc.constant([1]),
  fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
  fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 4 }),
);

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom';
export const encodingArb = fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom');

/** The bytes of `text` in `encoding` (a BOM where the name says so). */
export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
