// Reads every input file (or stdin) once, streaming, into one LineStore. Collects diagnostics and the
// row accounting of METRICS.md §8: read = used + excluded + rejected, blank rows apart.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineStore } from '../model/line-store.js';
import type { RowAccounting } from '../model/row-accounting.js';
import { mapColumns, type CanonicalColumn, type ColumnMap } from './column-map.js';
import type { CsvRecord } from './csv-record.js';
import { CsvScanner, type CsvSink, type CsvSyntaxProblem } from './csv-scanner.js';
import { DateLayoutGate, HOLD_LIMIT } from './date-layout-gate.js';
import { countNewlines, TextDecoderForCsv } from './decode-text.js';
import { detectSource, type SourceDetection } from './detect-source.js';
import { joinSideFiles, providedDimensions, readSideFiles, type SideFileOptions } from './join-side-files.js';
import { RowParser } from './row-parser.js';
import { ParseOutcome, type RejectedRow, type RowPolicy } from './row-policy.js';
import type { SourceName } from './source-profiles.js';

export interface ReadOptions extends RowPolicy, SideFileOptions {
  columns: ReadonlyMap<CanonicalColumn, string>;
  /** Dimension headers to keep (for --by); other unmapped columns are not interned. */
  dimensions: readonly string[];
  /** --source: the profile to apply instead of detecting one from the headers. */
  source?: SourceName | undefined;
  /** Keep each line's currency (retain check). */
  keepCurrency?: boolean;
}

/** How one input file was understood: its source profile and column map (for retain inspect). */
export interface FileReading {
  file: string;
  detection: SourceDetection;
  map: ColumnMap | undefined;
  /** The layout of slashed dates decided from the file (auto), and the value that decided it. */
  dateLayout: { layout: string; line: number; value: string } | undefined;
}

export interface ReadResult {
  store: LineStore;
  accounting: RowAccounting;
  /** Errors of rejected rows, in file/line order. */
  rowErrors: Diagnostic[];
  /** Problems that make the input unusable whatever --skip-invalid says (missing file, bad header…). */
  fatal: Diagnostic[];
  warnings: Diagnostic[];
  rejects: RejectedRow[];
  /** Headers of the first file, for the rejects file. */
  headers: readonly string[];
  /** One entry per file whose header row was read. */
  readings: FileReading[];
}

export const STDIN_NAME = '<stdin>';

/** `paths` are opened; `names` (the paths as the user wrote them) appear in messages and reports. */
export async function readInputs(paths: readonly string[], options: ReadOptions, stdin: Readable, names: readonly string[] = paths): Promise<ReadResult> {
  const store = new LineStore(options.dimensions, options.unitPricing);
  if (options.keepCurrency) store.keepCurrency();
  const result: ReadResult = {
    store,
    accounting: { files: [], rows: 0, used: 0, excluded: {}, rejected: 0, blank: 0 },
    rowErrors: [],
    fatal: [],
    warnings: [],
    rejects: [],
    headers: [],
    readings: [],
  };
  const side = await readSideFiles(options, options.dateFormat);
  for (const d of side.problems) (d.severity === 'error' ? result.fatal : result.warnings).push(d);
  const provided = providedDimensions(side);
  for (const [index, path] of paths.entries()) {
    const name = path === '-' ? STDIN_NAME : (names[index] ?? path);
    result.accounting.files.push(name);
    store.files.push(name);
    let stream: Readable;
    if (path === '-') stream = stdin;
    else {
      const problem = await checkFile(path, name);
      if (problem) {
        result.fatal.push(problem);
        continue;
      }
      // 64 KiB chunks: decoded strings stay small young objects; 1 MiB strings land in V8's large-object
      // space and pile up until a full GC (measured: 311 → 259 MiB peak RSS at 1M rows).
      stream = createReadStream(path, { highWaterMark: 1 << 16 });
    }
    await readOne(name, stream, options, result, provided);
  }
  if (result.fatal.length === 0) result.warnings.push(...joinSideFiles(store, side, options.graceDays ?? 30));
  const missingFx = missingCurrencies(result.rowErrors);
  if (missingFx.length > 0) {
    result.rowErrors.push(
      error('UNKNOWN_CURRENCY', `no FX rate for ${missingFx.join(', ')} (every currency without a rate)`, undefined, `give --fx ${missingFx.map((c) => `${c}=<rate>`).join(',')} or --fx-file`),
    );
  }
  return result;
}

async function checkFile(path: string, name: string): Promise<Diagnostic | undefined> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return error('FILE_UNREADABLE', `${name} is a directory, not a CSV file`, { file: name }, 'name a CSV file');
    return undefined;
  } catch {
    return error('FILE_NOT_FOUND', `cannot read ${name}: no such file`, { file: name }, 'check the path');
  }
}

/** Every currency code named by an UNKNOWN_CURRENCY row error, sorted, so one message lists them all. */
function missingCurrencies(errors: readonly Diagnostic[]): string[] {
  const codes = new Set<string>();
  for (const d of errors) {
    const m = d.code === 'UNKNOWN_CURRENCY' ? /^no FX rate for ([A-Z]{3}) / .exec(d.message) : null;
    if (m?.[1]) codes.add(m[1]);
  }
  return [...codes].sort();
}

class FileSink implements CsvSink {
  map: ColumnMap | undefined;
  parser: RowParser | undefined;
  headerSeen = false;
  stopped = false;
  rows = 0;
  /** Holds rows while the layout of slashed dates is undecided (--date-format auto). */
  private gate: DateLayoutGate | undefined;
  private reading: FileReading | undefined;

  constructor(
    private readonly name: string,
    private readonly options: ReadOptions,
    private readonly result: ReadResult,
    private readonly provided: ReadonlySet<string>,
  ) {}

  record(scanner: CsvScanner, line: number): void {
    if (this.stopped) return;
    if (!this.headerSeen) {
      if (isBlank(scanner)) return;
      this.header(scanner, line);
      return;
    }
    const accounting = this.result.accounting;
    if (isBlank(scanner)) {
      accounting.blank++;
      return;
    }
    accounting.rows++;
    this.rows++;
    const map = this.map;
    if (!map || !this.parser) return;
    if (scanner.count !== map.headers.length) {
      const fields: string[] = [];
      for (let f = 0; f < scanner.count; f++) fields.push(scanner.field(f));
      this.rejectRow({
        file: this.name,
        line,
        fields,
        diagnostics: [error('CSV_FIELD_COUNT', `the row has ${scanner.count} fields, the header has ${map.headers.length}`, { file: this.name, line }, 'check for an unquoted comma or a missing field')],
      });
      return;
    }
    const gate = this.gate;
    if (gate !== undefined && gate.layout === undefined && !gate.settled) {
      const verdict = gate.inspect(scanner, line);
      if (verdict === 'decided') this.decideLayout(gate);
      else if (verdict === 'ambiguous' || gate.held.length > 0) {
        if (!gate.hold(scanner, line)) this.ambiguous(gate, true);
        return;
      }
    }
    this.count(this.parser.parse(scanner, line));
  }

  private count(outcome: ParseOutcome): void {
    const accounting = this.result.accounting;
    if (outcome === ParseOutcome.Used) accounting.used++;
    else if (outcome === ParseOutcome.Excluded) {
      const reason = this.parser!.excludedReason;
      accounting.excluded[reason] = (accounting.excluded[reason] ?? 0) + 1;
    }
  }

  /** The layout is known: parse the rows held so far, in order. */
  private decideLayout(gate: DateLayoutGate): void {
    const parser = this.parser!;
    parser.setDateFormat(gate.layout!);
    if (this.reading && gate.decidedBy) this.reading.dateLayout = { layout: gate.layout!, line: gate.decidedBy.line, value: gate.decidedBy.value };
    for (const held of gate.held) this.count(parser.parse(held, held.line));
    gate.held.length = 0;
  }

  /** End of file (or too many rows held) with every slashed date fitting both readings: an error, not a guess. */
  private ambiguous(gate: DateLayoutGate, overflow: boolean): void {
    const example = gate.firstAmbiguous;
    const column = example ? (this.map?.headers[example.position] ?? '') : '';
    const scope = overflow ? `the first ${HOLD_LIMIT} rows with dates` : 'every row';
    this.result.fatal.push(
      error('AMBIGUOUS_DATE', `dates such as "${example?.value ?? ''}" read as both month/day and day/month in ${scope}; retain will not guess`, example ? { file: this.name, line: example.line, column: example.position + 1, columnName: column } : { file: this.name }, 'give --date-format MM/DD/YYYY or --date-format DD/MM/YYYY'),
    );
    this.result.accounting.rejected += gate.held.length;
    gate.held.length = 0;
    this.stopped = true;
  }

  /** Called once the file has been read. */
  finish(): void {
    if (this.gate !== undefined && this.gate.layout === undefined && this.gate.held.length > 0) this.ambiguous(this.gate, false);
  }

  problem(problem: CsvSyntaxProblem): void {
    const source = { file: this.name, line: problem.line, column: problem.column, columnName: this.map?.headers[problem.column - 1] ?? '' };
    if (problem.kind === 'unclosed-quote') {
      this.result.fatal.push(error('CSV_UNCLOSED_QUOTE', 'a quoted field opens here and is never closed', source, 'close the quote or double the quotes inside the field ("")'));
      return;
    }
    const diagnostic = error('CSV_BAD_QUOTE', `malformed quoting: ${problem.detail}`, source, 'quote the whole field and double the quotes inside it ("")');
    if (!this.headerSeen) {
      this.result.fatal.push(diagnostic);
      this.stopped = true;
      return;
    }
    this.result.accounting.rows++;
    this.rejectRow({ file: this.name, line: problem.line, fields: [], diagnostics: [diagnostic] });
  }

  private rejectRow(row: RejectedRow): void {
    this.result.accounting.rejected++;
    this.result.rowErrors.push(...row.diagnostics);
    this.result.rejects.push(row);
  }

  private header(scanner: CsvScanner, line: number): void {
    this.headerSeen = true;
    const headers: string[] = [];
    for (let f = 0; f < scanner.count; f++) headers.push(scanner.field(f).trim());
    // Records end at LF or CRLF; a file with CR-only line ends (old Mac exports) reads as one long record.
    const cr = headers.findIndex((h) => /\r(?!\n)/.test(h));
    if (cr >= 0) {
      this.result.fatal.push(error('CR_LINE_ENDINGS', 'the header row holds a line break made of a lone CR: the file uses CR-only line ends', { file: this.name, line, column: cr + 1 }, 'save it again with LF or CRLF line ends (e.g. tr "\\r" "\\n")'));
      this.stopped = true;
      return;
    }
    if (line !== 1) {
      this.result.warnings.push(warning('HEADER_NOT_FIRST', `the header row is on line ${line}; blank lines above it were skipped`, { file: this.name, line }, 'remove the blank lines above the header'));
    }
    const detection = detectSource(headers, this.options.source);
    const defaults = { billingPeriod: this.options.defaultBillingMonths !== undefined, billingSpan: this.options.billingSpan ?? false, amountUnit: this.options.amountUnit };
    const mapped = mapColumns(headers, this.options.columns, this.name, defaults, detection.profile);
    this.reading = { file: this.name, detection, map: Array.isArray(mapped) ? undefined : mapped, dateLayout: undefined };
    this.result.readings.push(this.reading);
    if (Array.isArray(mapped)) {
      this.result.fatal.push(...mapped);
      this.stopped = true;
      return;
    }
    // Dimensions that --accounts provides need not be columns of the main file.
    const missingDimensions = this.options.dimensions.filter((d) => !mapped.dimensions.has(d) && !this.provided.has(d));
    if (missingDimensions.length > 0) {
      this.result.fatal.push(
        error('MISSING_COLUMN', `no column ${missingDimensions.map((d) => `"${d}"`).join(', ')} to segment by; unmapped columns are: ${[...mapped.dimensions.keys()].join(', ') || '(none)'}`, { file: this.name, line: 1 }, 'name a column of the file in --by'),
      );
      this.stopped = true;
      return;
    }
    if (this.result.headers.length === 0) this.result.headers = headers;
    this.map = mapped;
    this.parser = new RowParser(this.result.store, mapped, this.options, this.name, (row) => this.rejectRow(row));
    if (this.options.dateFormat === 'auto') this.gate = new DateLayoutGate(datePositions(mapped));
  }
}

/** Every field position the row parser reads as a date. */
function datePositions(map: ColumnMap): number[] {
  const ix = map.index;
  const plan = map.plan;
  const positions = [ix.start_date, ix.end_date, ix.cancel_date, ix.booked_date, plan?.trialEnd, plan?.cancelAtPeriodEnd?.requested, plan?.cancelAtPeriodEnd?.periodEnd, plan?.periodSpan?.from, plan?.periodSpan?.to];
  for (const column of ['start_date', 'end_date', 'cancel_date', 'booked_date'] as const) positions.push(...(plan?.alternates[column] ?? []));
  return [...new Set(positions.filter((p): p is number => p !== undefined && p >= 0))];
}

function isBlank(scanner: CsvRecord): boolean {
  for (let f = 0; f < scanner.count; f++) if (!scanner.isEmpty(f)) return false;
  return true;
}

async function readOne(name: string, stream: Readable, options: ReadOptions, result: ReadResult, provided: ReadonlySet<string>): Promise<void> {
  const sink = new FileSink(name, options, result, provided);
  const scanner = new CsvScanner(sink);
  const decoder = new TextDecoderForCsv();
  let linesBefore = 0; // LF bytes in earlier chunks, to place an encoding problem on its line
  let sawBytes = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (bytes.length > 0) sawBytes = true;
      const text = decoder.decode(bytes, false);
      if (typeof text !== 'string') {
        const line = linesBefore + countNewlines(bytes, text.byteOffsetInChunk) + 1;
        const diagnostic =
          text.kind === 'nul-byte'
            ? error('NUL_BYTE', 'the file contains a NUL byte (binary data, or UTF-16 without a byte order mark)', { file: name, line }, 'export the file as UTF-8 CSV')
            : error('INVALID_UTF8', 'the file is not valid UTF-8 here', { file: name, line }, 'export the file as UTF-8 (or UTF-16 with a byte order mark)');
        result.fatal.push(diagnostic);
        stream.destroy();
        return;
      }
      linesBefore += countNewlines(bytes, bytes.length);
      scanner.push(text);
      if (sink.stopped) {
        stream.destroy();
        break;
      }
    }
  } catch (cause) {
    result.fatal.push(error('FILE_UNREADABLE', `cannot read ${name}: ${(cause as Error).message}`, { file: name }));
    return;
  }
  const tail = decoder.decode(new Uint8Array(0), true);
  if (typeof tail === 'string' && tail.length > 0) scanner.push(tail);
  scanner.end();
  sink.finish();
  if (!sawBytes || !sink.headerSeen) {
    result.fatal.push(error('EMPTY_FILE', 'the file is empty: no header row', { file: name }, 'export the file again with its header row'));
  } else if (sink.parser && sink.rows === 0) {
    result.warnings.push(warning('HEADER_ONLY', 'the file has a header row and no data rows', { file: name, line: 1 }, 'check that the export is complete'));
  }
}
