// What each column of a file holds, for `retain inspect`: value kinds seen (date, date-time, number, …),
// non-empty count, the most frequent values and the first rows. Reads the whole file once with the
// streaming scanner; per column at most MAX_DISTINCT values are counted.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parseDecimal } from '../model/money.js';
import { CsvScanner, type CsvSink } from './csv-scanner.js';
import { TextDecoderForCsv } from './decode-text.js';

export const valueKinds = ['date', 'date-time', 'slashed date', 'integer', 'decimal', 'boolean', 'text'] as const;
export type ValueKind = (typeof valueKinds)[number];

export interface ColumnScan {
  header: string;
  nonEmpty: number;
  kinds: Partial<Record<ValueKind, number>>;
  /** Values by count (at most MAX_DISTINCT tracked); `moreDistinct` when others were seen. */
  values: Map<string, number>;
  moreDistinct: boolean;
}

export interface FileScan {
  headers: string[];
  rows: number;
  columns: ColumnScan[];
  /** The first data rows, as read. */
  samples: string[][];
}

const MAX_DISTINCT = 1000;
const SAMPLE_ROWS = 3;

export function kindOf(value: string): ValueKind {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return 'date-time';
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{4}\b/.test(value)) return 'slashed date';
  if (/^(true|false|yes|no)$/i.test(value)) return 'boolean';
  const number = parseDecimal(value);
  if (number !== undefined) return number.scale === 0 ? 'integer' : 'decimal';
  return 'text';
}

class ScanSink implements CsvSink {
  readonly scan: FileScan = { headers: [], rows: 0, columns: [], samples: [] };

  record(scanner: CsvScanner): void {
    if (this.scan.headers.length === 0) {
      for (let f = 0; f < scanner.count; f++) this.scan.headers.push(scanner.field(f).trim());
      this.scan.columns = this.scan.headers.map((header) => ({ header, nonEmpty: 0, kinds: {}, values: new Map(), moreDistinct: false }));
      return;
    }
    let blank = true;
    for (let f = 0; f < scanner.count; f++) if (!scanner.isEmpty(f)) blank = false;
    if (blank) return;
    this.scan.rows++;
    const fields: string[] = [];
    for (let f = 0; f < scanner.count; f++) {
      const value = scanner.field(f).trim();
      fields.push(value);
      const column = this.scan.columns[f];
      if (column === undefined || value === '') continue;
      column.nonEmpty++;
      const kind = kindOf(value);
      column.kinds[kind] = (column.kinds[kind] ?? 0) + 1;
      const count = column.values.get(value);
      if (count !== undefined) column.values.set(value, count + 1);
      else if (column.values.size < MAX_DISTINCT) column.values.set(value, 1);
      else column.moreDistinct = true;
    }
    if (this.scan.samples.length < SAMPLE_ROWS) this.scan.samples.push(fields);
  }

  problem(): void {
    // Syntax problems are reported by the real reader; the scan only describes what it can read.
  }
}

export async function scanColumns(stream: Readable, delimiter = ','): Promise<FileScan> {
  const sink = new ScanSink();
  const scanner = new CsvScanner(sink, delimiter);
  const decoder = new TextDecoderForCsv();
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const text = decoder.decode(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, false);
    if (typeof text !== 'string') break; // invalid bytes: the real reader reports where
    scanner.push(text);
  }
  const tail = decoder.decode(new Uint8Array(0), true);
  if (typeof tail === 'string' && tail.length > 0) scanner.push(tail);
  scanner.end();
  return sink.scan;
}

/** Scans a file by path, or bytes already read (standard input, kept by the caller). */
export function scanFile(source: string | Buffer, delimiter = ','): Promise<FileScan> {
  return scanColumns(typeof source === 'string' ? createReadStream(source) : Readable.from([source]), delimiter);
}
