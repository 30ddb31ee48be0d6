// Field access of the row parser: loads a field of the current record as a trimmed range of the scanner's
// text (no string unless needed), interns it, parses dates and decimals, and records problems with
// file:line:column and the header name. RowMoney and RowParser build on it.
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Day } from '../model/calendar.js';
import type { Interner } from '../model/interner.js';
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import { parseDecimalAt, type ScaledDecimal } from '../model/money.js';
import { parseDateAt, type DateFormat } from '../model/parse-date.js';
import type { CanonicalColumn, ColumnMap } from './column-map.js';
import type { CsvRecord } from './csv-record.js';
import type { RowPlan } from './row-plan.js';
import type { RejectedRow, RowPolicy } from './row-policy.js';

export abstract class RowFields {
  protected readonly problems: Diagnostic[] = [];
  protected readonly plan: RowPlan | undefined;
  /** Layout of non-ISO dates; starts as the policy's and is decided per file in auto mode. */
  protected dateFormat: DateFormat;
  private readonly hasAlternates: boolean;
  private readonly utcColumns: Uint8Array;
  // The field loaded by load(): text[start, end), trimmed.
  protected text = '';
  protected start = 0;
  protected end = 0;
  protected line = 0;

  constructor(
    protected readonly store: LineStore,
    protected readonly map: ColumnMap,
    protected readonly policy: RowPolicy,
    protected readonly file: string,
    private readonly onReject: (row: RejectedRow) => void,
  ) {
    this.plan = map.plan;
    this.dateFormat = policy.dateFormat;
    this.hasAlternates = map.plan !== undefined && Object.keys(map.plan.alternates).length > 0;
    this.utcColumns = map.plan?.utcColumns ?? new Uint8Array(map.headers.length);
  }

  /** Fixes the layout of slashed dates once the file has shown which one it uses (auto mode). */
  setDateFormat(format: DateFormat): void {
    this.dateFormat = format;
  }

  /** Loads field `position` trimmed into text/start/end; false when absent or empty. */
  protected load(scanner: CsvRecord, position: number | undefined): boolean {
    if (position === undefined) return false;
    if (scanner.isEscaped(position)) {
      this.text = scanner.field(position);
      this.start = 0;
      this.end = this.text.length;
    } else {
      this.text = scanner.source;
      this.start = scanner.fieldStart(position);
      this.end = scanner.fieldEnd(position);
    }
    while (this.start < this.end && isBlank(this.text.charCodeAt(this.start))) this.start++;
    while (this.end > this.start && isBlank(this.text.charCodeAt(this.end - 1))) this.end--;
    return this.end > this.start;
  }

  protected loadedText(): string {
    return this.text.slice(this.start, this.end);
  }

  protected internLoaded(interner: Interner): number {
    return interner.idOfRange(this.text, this.start, this.end);
  }

  /** The interned trimmed value of a field; '' when the column is absent or the field empty. */
  protected intern(scanner: CsvRecord, position: number | undefined, interner: Interner): number {
    if (!this.load(scanner, position)) return interner.id('');
    return this.internLoaded(interner);
  }

  protected reject(scanner: CsvRecord): void {
    const fields: string[] = [];
    for (let f = 0; f < scanner.count; f++) fields.push(scanner.field(f));
    this.onReject({ file: this.file, line: this.line, diagnostics: [...this.problems], fields });
  }

  protected source(position: number): { file: string; line: number; column: number; columnName: string } {
    return { file: this.file, line: this.line, column: position + 1, columnName: this.map.headers[position] ?? '' };
  }

  protected missing(position: number, column: CanonicalColumn): void {
    this.problems.push(error('MISSING_VALUE', `${column} is empty`, this.source(position), `every row needs a ${column}`));
  }

  /** A Day, OPEN_DAY for an empty optional date, or undefined after recording a problem. */
  protected date(scanner: CsvRecord, column: CanonicalColumn, required: boolean): Day | undefined {
    const position = this.map.index[column];
    if (this.load(scanner, position)) return this.loadedDate(column, position!);
    const alternates = this.hasAlternates ? this.plan!.alternates[column] : undefined;
    if (alternates !== undefined) {
      for (let k = 0; k < alternates.length; k++) if (this.load(scanner, alternates[k])) return this.loadedDate(column, alternates[k]!);
    }
    if (!required) return OPEN_DAY;
    this.missing(position ?? 0, column);
    return undefined;
  }

  /** The date at a position the plan names (not a canonical column); OPEN_DAY when empty. */
  protected dateAt(scanner: CsvRecord, position: number, column: CanonicalColumn): Day | undefined {
    return this.load(scanner, position) ? this.loadedDate(column, position) : OPEN_DAY;
  }

  protected loadedDate(column: CanonicalColumn, position: number): Day | undefined {
    const day = parseDateAt(this.text, this.start, this.end, this.dateFormat, this.policy.timeZone, this.utcColumns[position] === 1);
    if (day === undefined) {
      const format = this.dateFormat;
      const expected = format === 'YYYY-MM-DD' || format === 'auto' ? 'YYYY-MM-DD or an ISO date-time' : `${format === 'excel' ? 'an Excel serial day number' : format} or YYYY-MM-DD`;
      this.problems.push(error('INVALID_DATE', `${column} "${this.loadedText()}" is not a date (expected ${expected})`, this.source(position), 'see --date-format'));
    }
    return day;
  }

  /** The loaded field as a decimal, or undefined after recording a problem. */
  protected decimal(column: CanonicalColumn): ScaledDecimal | undefined {
    const value = parseDecimalAt(this.text, this.start, this.end, this.policy.amountSyntax);
    if (value === undefined) {
      const layout = this.policy.amountSyntax.decimalComma ? '1.234,56' : '1234.56 or 1,234.56';
      this.problems.push(
        error('INVALID_AMOUNT', `${column} "${this.loadedText()}" is not an amount (expected ${layout})`, this.source(this.map.index[column] ?? 0), 'amounts are in major units, optionally with a minus sign, a currency symbol and thousands separators'),
      );
    }
    return value;
  }

  protected loadDecimal(scanner: CsvRecord, column: CanonicalColumn): ScaledDecimal | undefined {
    this.load(scanner, this.map.index[column]);
    return this.decimal(column);
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
