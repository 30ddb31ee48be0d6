// One input file's records → the line store: the header row (column map, source profile, side-file
// columns), blank rows, ragged rows, the date-layout gate of --date-format auto, and each row through the
// row parser, with the row accounting of METRICS.md §8.
import { error, warning } from '../diagnostics/diagnostic.js';
import { mapColumns, type ColumnMap } from './column-map.js';
import type { CsvRecord } from './csv-record.js';
import { CsvScanner, type CsvSink, type CsvSyntaxProblem } from './csv-scanner.js';
import { DateLayoutGate, HOLD_LIMIT } from './date-layout-gate.js';
import { delimiterName, detectDelimiter } from './detect-delimiter.js';
import { detectSource } from './detect-source.js';
import { RowParser } from './row-parser.js';
import { ParseOutcome, type RejectedRow } from './row-policy.js';
import type { FileReading, ReadOptions, ReadResult } from './read-inputs.js';

export class FileSink implements CsvSink {
  map: ColumnMap | undefined;
  parser: RowParser | undefined;
  headerSeen = false;
  stopped = false;
  rows = 0;
  /** Holds rows while the layout of slashed dates is undecided (--date-format auto). */
  private gate: DateLayoutGate | undefined;
  private reading: FileReading | undefined;
  private delimiter = ',';
  /** Decisions taken from the file before its header was mapped (the delimiter), for the reading. */
  private readonly notes: string[] = [];

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

  /** The delimiter of the file from its head; undefined (and the run stops) when two fit equally. */
  decideDelimiter(head: string, final: boolean): string | undefined {
    const decision = detectDelimiter(head, final);
    if (decision.kind === 'ambiguous') {
      const [a, b] = decision.candidates;
      const flags = decision.candidates.map((c) => `--delimiter ${c.delimiter === '\t' ? 'tab' : `'${c.delimiter}'`}`).join(' or ');
      this.result.fatal.push(
        error('AMBIGUOUS_DELIMITER', `fields could be separated by ${delimiterName(a!.delimiter)} (${a!.fields} fields) or by ${delimiterName(b!.delimiter)} (${b!.fields} fields): every record splits evenly by both; retain will not guess`, { file: this.name, line: 1 }, `give ${flags}, or set "delimiter" in retain.config.json`),
      );
      this.stopped = true;
      return undefined;
    }
    this.delimiter = decision.delimiter;
    if (decision.delimiter !== ',') this.notes.push(`fields separated by ${delimiterName(decision.delimiter)}: ${decision.evidence} (--delimiter to choose another)`);
    return decision.delimiter;
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
    this.reading = { file: this.name, detection, map: Array.isArray(mapped) ? undefined : mapped, delimiter: this.options.delimiter ?? this.delimiter, notes: this.notes, dateLayout: undefined };
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

