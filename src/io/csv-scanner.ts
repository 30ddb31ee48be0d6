// A streaming RFC 4180 record scanner over decoded text. It finds field boundaries without making an
// object per record: the sink reads fields through the scanner (field(i)) while the record is current.
// Line numbers are physical lines (1-based); a record is reported at the line where it starts.
// Records end at LF or CRLF; a lone CR is data (as in a quoted field), never a line break. Fields are
// separated by a comma unless the file's delimiter (detect-delimiter.ts or --delimiter) is another character.

export type CsvSyntaxProblem =
  | { kind: 'unclosed-quote'; line: number; column: number }
  | { kind: 'bad-quote'; line: number; column: number; detail: string };

export interface CsvSink {
  /** Called once per record; fields are valid only during the call. */
  record(scanner: CsvScanner, line: number): void;
  /** A syntax problem in the record starting at `line`; scanning resumes at the next physical line. */
  problem(problem: CsvSyntaxProblem): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvScanner {
  private text = '';
  private pending = '';
  private line = 1;
  private stopped = false;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);
  /** Number of fields in the current record. */
  count = 0;

  private readonly delimiter: string;
  private readonly delimiterCode: number;

  constructor(
    private readonly sink: CsvSink,
    delimiter = ',',
  ) {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  push(chunk: string): void {
    if (this.stopped) return;
    this.scan(this.pending.length > 0 ? this.pending + chunk : chunk, false);
  }

  end(): void {
    if (this.stopped) return;
    this.scan(this.pending, true);
    this.pending = '';
  }

  field(i: number): string {
    const value = this.text.slice(this.starts[i], this.ends[i]);
    return this.escaped[i] === 1 ? value.replaceAll('""', '"') : value;
  }

  /** The text the current record's field offsets point into (valid during record()). */
  get source(): string {
    return this.text;
  }

  fieldStart(i: number): number {
    return this.starts[i]!;
  }

  fieldEnd(i: number): number {
    return this.ends[i]!;
  }

  /** True when the field holds doubled quotes, so its raw range is not its value (use field(i)). */
  isEscaped(i: number): boolean {
    return this.escaped[i] === 1;
  }

  /** True when field i is empty (cheaper than field(i) === ''). */
  isEmpty(i: number): boolean {
    return this.starts[i] === this.ends[i];
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const escaped = new Uint8Array(size);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  private scan(text: string, final: boolean): void {
    this.text = text;
    const len = text.length;
    let pos = 0;
    let nextQuote = text.indexOf('"');
    while (pos < len) {
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      const newline = text.indexOf('\n', pos);
      if (newline >= 0 && (nextQuote < 0 || nextQuote > newline)) {
        pos = this.scanPlainRecord(text, pos, newline);
        continue;
      }
      const result = this.scanRecord(text, pos, final);
      if (result < 0) break; // incomplete: wait for more text
      pos = result;
      if (this.stopped) return;
    }
    this.pending = pos < len ? text.slice(pos) : '';
  }

  /** A record with no quote before its LF: fields split with indexOf, the common case by far. */
  private scanPlainRecord(text: string, pos: number, newline: number): number {
    const end = newline > pos && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
    let count = 0;
    let i = pos;
    for (;;) {
      if (count === this.starts.length) this.grow();
      let comma = text.indexOf(this.delimiter, i);
      if (comma < 0 || comma > end) comma = end;
      this.starts[count] = i;
      this.ends[count] = comma;
      this.escaped[count] = 0;
      count++;
      if (comma === end) break;
      i = comma + 1;
    }
    return this.finish(count, this.line, 0, newline + 1, 1);
  }

  /** Scans one record starting at pos; returns the position after it, or −1 when more text is needed. */
  private scanRecord(text: string, pos: number, final: boolean): number {
    const len = text.length;
    const recordLine = this.line;
    let newlinesInside = 0;
    let count = 0;
    let i = pos;
    for (;;) {
      if (count === this.starts.length) this.grow();
      if (i < len && text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let escaped = 0;
        let close = -1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0 || (q + 1 >= len && !final)) break;
          if (q + 1 < len && text.charCodeAt(q + 1) === QUOTE) {
            escaped = 1;
            j = q + 2;
            continue;
          }
          close = q;
          break;
        }
        if (close < 0) {
          if (!final) return -1;
          this.sink.problem({ kind: 'unclosed-quote', line: recordLine + newlinesInside, column: count + 1 });
          this.stopped = true;
          return len;
        }
        for (let n = text.indexOf('\n', i); n >= 0 && n < close; n = text.indexOf('\n', n + 1)) newlinesInside++;
        this.starts[count] = i + 1;
        this.ends[count] = close;
        this.escaped[count] = escaped;
        count++;
        i = close + 1;
        if (i >= len) {
          if (!final) return -1;
          return this.finish(count, recordLine, newlinesInside, len, 0);
        }
        const c = text.charCodeAt(i);
        if (c === this.delimiterCode) {
          i++;
          continue;
        }
        if (c === LF) return this.finish(count, recordLine, newlinesInside, i + 1, 1);
        if (c === CR && i + 1 >= len && !final) return -1;
        if (c === CR && (i + 1 >= len || text.charCodeAt(i + 1) === LF)) return this.finish(count, recordLine, newlinesInside, i + 2, 1);
        return this.badQuote(text, pos, i, final, recordLine, newlinesInside, count, 'text after a closing quote');
      }
      let j = i;
      let c = 0;
      while (j < len) {
        c = text.charCodeAt(j);
        if (c === this.delimiterCode || c === LF || c === QUOTE) break;
        if (c === CR && (j + 1 >= len || text.charCodeAt(j + 1) === LF)) break; // CRLF (or CR at the very end)
        j++;
      }
      if (j >= len) {
        if (!final) return -1;
        this.starts[count] = i;
        this.ends[count] = len;
        this.escaped[count] = 0;
        count++;
        return this.finish(count, recordLine, newlinesInside, len, 0);
      }
      if (c === QUOTE) return this.badQuote(text, pos, j, final, recordLine, newlinesInside, count + 1, 'a quote inside an unquoted field');
      this.starts[count] = i;
      this.ends[count] = j;
      this.escaped[count] = 0;
      count++;
      if (c === this.delimiterCode) {
        i = j + 1;
        continue;
      }
      if (c === LF) return this.finish(count, recordLine, newlinesInside, j + 1, 1);
      if (j + 1 >= len && !final) return -1;
      return this.finish(count, recordLine, newlinesInside, j + 2, 1);
    }
  }

  private finish(count: number, recordLine: number, newlinesInside: number, next: number, terminators: number): number {
    this.count = count;
    this.line = recordLine + newlinesInside + terminators;
    this.sink.record(this, recordLine);
    return next;
  }

  private badQuote(
    text: string,
    pos: number,
    at: number,
    final: boolean,
    recordLine: number,
    newlinesInside: number,
    column: number,
    detail: string,
  ): number {
    const newline = text.indexOf('\n', at);
    if (newline < 0 && !final) return -1;
    this.sink.problem({ kind: 'bad-quote', line: recordLine + newlinesInside, column, detail });
    // Resume at the next physical line; newlines inside earlier quoted fields of this record count too.
    let lines = 0;
    for (let n = text.indexOf('\n', pos); n >= 0 && n <= newline; n = text.indexOf('\n', n + 1)) lines++;
    this.line = recordLine + lines;
    return newline < 0 ? text.length : newline + 1;
  }
}
