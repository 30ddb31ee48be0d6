// A CSV scanner whose delimiter is decided from the head of the file (detect-delimiter.ts): text is held until
// the first records are in (or the file ends), then the real scanner starts on it with the decided delimiter.
import { CsvScanner, type CsvSink } from './csv-scanner.js';
import { DELIMITER_SAMPLE_RECORDS } from './detect-delimiter.js';

/** Text held before the delimiter is decided: enough for the sample records, bounded for very long lines. */
const HEAD_CHARS = 1 << 16;

export class DelimiterDecidingScanner {
  private scanner: CsvScanner | undefined;
  private head = '';
  private stopped = false;

  /** `decide(head, final)`: the delimiter, or undefined to read nothing (the sink has said why). */
  constructor(
    private readonly sink: CsvSink,
    private readonly decide: (head: string, final: boolean) => string | undefined,
  ) {}

  push(text: string): void {
    if (this.scanner !== undefined) {
      this.scanner.push(text);
      return;
    }
    if (this.stopped) return;
    this.head += text;
    if (this.head.length >= HEAD_CHARS || countLines(this.head) > DELIMITER_SAMPLE_RECORDS) this.start(false);
  }

  end(): void {
    if (this.scanner === undefined && !this.stopped) this.start(true);
    this.scanner?.end();
  }

  private start(final: boolean): void {
    const delimiter = this.decide(this.head, final);
    if (delimiter === undefined) this.stopped = true;
    else {
      this.scanner = new CsvScanner(this.sink, delimiter);
      this.scanner.push(this.head);
    }
    this.head = '';
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
