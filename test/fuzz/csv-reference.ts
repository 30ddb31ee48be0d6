// The two sides of the CSV differential test (test/io/csv-differential.test.ts): our streaming reader
// (TextDecoderForCsv + CsvScanner, fed in arbitrary chunks) and csv-parse as the reference. Both are
// reduced to the same outcome: the records up to the first syntax problem, each with the physical line
// (1-based, LF-counted) on which it starts, and that first problem.
//
// csv-parse is configured to the scanner's documented choice (records end at LF or CRLF; a lone CR is
// data): record_delimiter ['\n', '\r\n'], relax_column_count, bom. Two documented differences are
// bridged here rather than hidden:
// - a CR that is the very last character of the input ends the record in our reader (a CRLF cut short);
//   csv-parse keeps it as data, so the reference reads such an input with an LF appended;
// - csv-parse counts a CR inside a quoted field as a line in its error positions, so the line of a
//   quoting problem is compared only for inputs without CR (record lines are always compared, from the
//   byte offsets csv-parse reports, never from its line counter).
import { parse } from 'csv-parse/sync';
import { CsvScanner, type CsvSyntaxProblem } from '../../src/io/csv-scanner.js';
import { TextDecoderForCsv } from '../../src/io/decode-text.js';

export interface ScannedRecord {
  line: number;
  fields: string[];
}

export interface Outcome {
  records: ScannedRecord[];
  problem: { kind: CsvSyntaxProblem['kind']; line: number } | null;
}

/** Feeds `chunks` to a CsvScanner; keeps what it reports up to and including the first problem. */
export function scanChunks(chunks: readonly string[]): Outcome {
  const outcome: Outcome = { records: [], problem: null };
  const scanner = new CsvScanner({
    record(s, line) {
      if (outcome.problem) return;
      const fields: string[] = [];
      for (let i = 0; i < s.count; i++) fields.push(s.field(i));
      outcome.records.push({ line, fields });
    },
    problem(p) {
      if (!outcome.problem) outcome.problem = { kind: p.kind, line: p.line };
    },
  });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return outcome;
}

/** Decodes `bytes` in chunks of the given sizes (cycled) as read-inputs.ts does, then scans the text. */
export function decodeAndScan(bytes: Uint8Array, sizes: readonly number[]): Outcome {
  const decoder = new TextDecoderForCsv();
  const chunks: string[] = [];
  let at = 0;
  const scale = Math.max(1, Math.ceil(bytes.length / 2000));
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes.length === 0 ? bytes.length : Math.max(1, sizes[k % sizes.length]!) * scale;
    const text = decoder.decode(bytes.subarray(at, at + size), false);
    if (typeof text !== 'string') throw new Error(`decoder problem ${text.kind} on line ${text.line}`);
    chunks.push(text);
    at += size;
  }
  const tail = decoder.decode(new Uint8Array(0), true);
  if (typeof tail !== 'string') throw new Error(`decoder problem ${tail.kind} at the end`);
  chunks.push(tail);
  return scanChunks(chunks);
}

/**
 * Cuts `text` into pieces of the given sizes (cycled). Pieces grow with long texts (at most ~2,000 of
 * them): a record waiting for its end is rescanned on every push, as with real 64 KiB reads, and tiny
 * pieces of a 70,000-character field would only measure that.
 */
export function cut(text: string, sizes: readonly number[]): string[] {
  if (sizes.length === 0) return [text];
  const scale = Math.max(1, Math.ceil(text.length / 2000));
  const pieces: string[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!) * scale;
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return pieces;
}

const problemKinds: Record<string, CsvSyntaxProblem['kind']> = {
  CSV_QUOTE_NOT_CLOSED: 'unclosed-quote',
  INVALID_OPENING_QUOTE: 'bad-quote',
  CSV_INVALID_CLOSING_QUOTE: 'bad-quote',
};

/** csv-parse's reading of UTF-8 `text` (a BOM is allowed), reduced to an Outcome. */
export function referenceOutcome(text: string): Outcome {
  const input = Buffer.from(text.endsWith('\r') ? `${text}\n` : text);
  const outcome: Outcome = { records: [], problem: null };
  let start = 0;
  try {
    parse(input, {
      record_delimiter: ['\n', '\r\n'],
      relax_column_count: true,
      bom: true,
      on_record: (record: string[], context: { bytes: number }) => {
        outcome.records.push({ line: 1 + countLf(input, start), fields: record });
        start = context.bytes;
        return record;
      },
    });
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? '';
    const kind = problemKinds[code];
    if (kind === undefined) throw cause;
    const lines = (cause as { lines: number }).lines;
    outcome.problem = { kind, line: kind === 'bad-quote' && !text.includes('\r') ? lines : -1 };
  }
  return outcome;
}

function countLf(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** Differences between our outcome and the reference's, as readable lines (empty = identical). */
export function compareOutcomes(ours: Outcome, reference: Outcome): string[] {
  const out: string[] = [];
  const n = Math.max(ours.records.length, reference.records.length);
  for (let i = 0; i < n && out.length < 5; i++) {
    const a = ours.records[i];
    const b = reference.records[i];
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`record ${i}: ours ${JSON.stringify(a)} reference ${JSON.stringify(b)}`);
  }
  const p = ours.problem;
  const q = reference.problem;
  if ((p === null) !== (q === null) || (p && q && (p.kind !== q.kind || (q.line >= 0 && p.line !== q.line)))) {
    out.push(`problem: ours ${JSON.stringify(p)} reference ${JSON.stringify(q)}`);
  }
  if (p?.kind === 'unclosed-quote') {
    // The line where the quoted field opens: after every record read, within the input.
    const after = ours.records.at(-1)?.line ?? 1;
    if (p.line < after) out.push(`unclosed quote reported on line ${p.line}, before the last record (line ${after})`);
  }
  return out;
}
