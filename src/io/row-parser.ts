// The field parsers of the hot path: one CSV record → one line in the store, or diagnostics naming
// file:line:column and the header. These parsers are the row validation (no schema library per row).
// Fields are read as ranges of the scanner's text: a valid row allocates almost nothing.
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { billingPeriodHelp, billingPeriodMonths } from '../model/billing-period.js';
import type { Day } from '../model/calendar.js';
import { Interner } from '../model/interner.js';
import { LineStore, NO_DAY, NO_LINK, OPEN_DAY } from '../model/line-store.js';
import { decimalToRatio, isCurrencyCode, minorDigits, parseDecimalAt, roundQuotient, type AmountSyntax, type Ratio, type ScaledDecimal } from '../model/money.js';
import { parseDateAt, type DateFormat } from '../model/parse-date.js';
import type { CanonicalColumn, ColumnMap } from './column-map.js';
import type { CsvScanner } from './csv-scanner.js';

export interface RowPolicy {
  dateFormat: DateFormat;
  endExclusive: boolean;
  /** Months per billing period when the row has none; undefined = required per row. */
  defaultBillingMonths: number | undefined;
  currency: string;
  /** Reporting units per one foreign unit, by currency code. */
  fx: ReadonlyMap<string, Ratio>;
  amountSyntax: AmountSyntax;
  /** Keep quantity, unit price and discount per line (for the renewal split). */
  unitPricing: boolean;
}

export interface RejectedRow {
  file: string;
  line: number;
  diagnostics: Diagnostic[];
  fields: string[];
}

const pow10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];
const UNKNOWN = -1;

export class RowParser {
  private readonly problems: Diagnostic[] = [];
  private readonly reportingDigits: number;
  private readonly dimensionPositions: number[];
  private readonly fileIndex: number;
  // Small per-file tables: billing period and currency texts repeat, so each is decoded once.
  private readonly periodTexts = new Interner();
  private periodMonths: number[] = [];
  private readonly currencyTexts = new Interner();
  private currencyRates: (Ratio | undefined)[] = [];
  // The field loaded by load(): text[start, end), trimmed.
  private text = '';
  private start = 0;
  private end = 0;
  private line = 0;

  constructor(
    private readonly store: LineStore,
    private readonly map: ColumnMap,
    private readonly policy: RowPolicy,
    private readonly file: string,
    private readonly onReject: (row: RejectedRow) => void,
  ) {
    this.reportingDigits = minorDigits(policy.currency);
    this.dimensionPositions = store.dimensionNames.map((name) => map.dimensions.get(name) ?? -1);
    this.fileIndex = store.files.indexOf(file);
  }

  /** Parses the current record of the scanner; returns true when it became a line. */
  parse(scanner: CsvScanner, line: number): boolean {
    this.problems.length = 0;
    this.line = line;
    const ix = this.map.index;
    const customerPresent = this.load(scanner, ix.customer_id);
    if (!customerPresent) this.missing(ix.customer_id ?? 0, 'customer_id');
    const start = this.date(scanner, 'start_date', true);
    let end = this.date(scanner, 'end_date', false);
    if (end !== undefined && end !== OPEN_DAY && this.policy.endExclusive) end -= 1;
    const cancel = this.date(scanner, 'cancel_date', false);
    const booked = this.date(scanner, 'booked_date', false);
    if (start !== undefined && end !== undefined && end !== OPEN_DAY && end < start) {
      const position = ix.end_date ?? 0;
      this.problems.push(
        error('END_BEFORE_START', `end_date "${scanner.field(position).trim()}" is before start_date "${scanner.field(ix.start_date ?? 0).trim()}"${this.policy.endExclusive ? ' (ends are exclusive)' : ''}`, this.source(position), 'fix the dates, or check --end-exclusive'),
      );
    }
    const mrr = this.money(scanner);
    if (this.problems.length > 0 || !customerPresent || start === undefined || end === undefined || cancel === undefined || booked === undefined || mrr === undefined) {
      this.reject(scanner);
      return false;
    }
    const store = this.store;
    const i = store.append();
    store.customer[i] = this.intern(scanner, ix.customer_id, store.customers);
    store.contract[i] = this.load(scanner, ix.contract_id) ? this.internLoaded(store.contracts) : this.intern(scanner, ix.customer_id, store.contracts);
    store.product[i] = this.intern(scanner, ix.product, store.products);
    store.start[i] = start;
    store.end[i] = end;
    store.cancel[i] = cancel;
    store.booked[i] = booked === OPEN_DAY ? NO_DAY : booked;
    store.mrr[i] = mrr;
    store.renews[i] = this.load(scanner, ix.renews) ? this.internLoaded(store.contracts) : NO_LINK;
    store.reason[i] = this.intern(scanner, ix.churn_reason, store.reasons);
    if (this.policy.unitPricing) this.unitPricing(scanner, i);
    store.fileIndex[i] = this.fileIndex;
    store.lineNumber[i] = line;
    for (let d = 0; d < this.dimensionPositions.length; d++) {
      const position = this.dimensionPositions[d]!;
      store.dimensions[d]![i] = this.intern(scanner, position < 0 ? undefined : position, store.dimensionValues[d]!);
    }
    return true;
  }

  /** Loads field `position` trimmed into text/start/end; false when absent or empty. */
  private load(scanner: CsvScanner, position: number | undefined): boolean {
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

  private loadedText(): string {
    return this.text.slice(this.start, this.end);
  }

  private internLoaded(interner: Interner): number {
    return interner.idOfRange(this.text, this.start, this.end);
  }

  /** The interned trimmed value of a field; '' when the column is absent or the field empty. */
  private intern(scanner: CsvScanner, position: number | undefined, interner: Interner): number {
    if (!this.load(scanner, position)) return interner.id('');
    return this.internLoaded(interner);
  }

  private reject(scanner: CsvScanner): void {
    const fields: string[] = [];
    for (let f = 0; f < scanner.count; f++) fields.push(scanner.field(f));
    this.onReject({ file: this.file, line: this.line, diagnostics: [...this.problems], fields });
  }

  private source(position: number): { file: string; line: number; column: number; columnName: string } {
    return { file: this.file, line: this.line, column: position + 1, columnName: this.map.headers[position] ?? '' };
  }

  private missing(position: number, column: CanonicalColumn): void {
    this.problems.push(error('MISSING_VALUE', `${column} is empty`, this.source(position), `every row needs a ${column}`));
  }

  /** A Day, OPEN_DAY for an empty optional date, or undefined after recording a problem. */
  private date(scanner: CsvScanner, column: CanonicalColumn, required: boolean): Day | undefined {
    const position = this.map.index[column];
    if (!this.load(scanner, position)) {
      if (!required) return OPEN_DAY;
      this.missing(position ?? 0, column);
      return undefined;
    }
    const day = parseDateAt(this.text, this.start, this.end, this.policy.dateFormat);
    if (day === undefined) {
      const expected = this.policy.dateFormat === 'YYYY-MM-DD' ? 'YYYY-MM-DD or an ISO date-time' : `${this.policy.dateFormat} or YYYY-MM-DD`;
      this.problems.push(error('INVALID_DATE', `${column} "${this.loadedText()}" is not a date (expected ${expected})`, this.source(position ?? 0), 'see --date-format'));
    }
    return day;
  }

  /** The loaded field as a decimal, or undefined after recording a problem. */
  private decimal(column: CanonicalColumn): ScaledDecimal | undefined {
    const value = parseDecimalAt(this.text, this.start, this.end, this.policy.amountSyntax);
    if (value === undefined) {
      const layout = this.policy.amountSyntax.decimalComma ? '1.234,56' : '1234.56 or 1,234.56';
      this.problems.push(
        error('INVALID_AMOUNT', `${column} "${this.loadedText()}" is not an amount (expected ${layout})`, this.source(this.map.index[column] ?? 0), 'amounts are in major units, optionally with a minus sign, a currency symbol and thousands separators'),
      );
    }
    return value;
  }

  private loadDecimal(scanner: CsvScanner, column: CanonicalColumn): ScaledDecimal | undefined {
    this.load(scanner, this.map.index[column]);
    return this.decimal(column);
  }

  /** The row's MRR in reporting minor units (METRICS.md §2), from the first non-empty money column. */
  private money(scanner: CsvScanner): number | undefined {
    const ix = this.map.index;
    const fx = this.fxRate(scanner);
    let numerators: (number | bigint)[];
    let denominators: number[];
    const column = this.load(scanner, ix.mrr) ? 'mrr' : this.load(scanner, ix.arr) ? 'arr' : undefined;
    if (column !== undefined) {
      const value = this.decimal(column);
      if (value === undefined) return undefined;
      numerators = [value.mantissa];
      denominators = [10 ** value.scale, column === 'arr' ? 12 : 1];
    } else {
      if (this.load(scanner, ix.amount)) {
        const value = this.decimal('amount');
        const months = this.months(scanner);
        if (value === undefined || months === undefined) return undefined;
        numerators = [value.mantissa];
        denominators = [10 ** value.scale, months];
      } else if (this.load(scanner, ix.quantity) && this.load(scanner, ix.unit_price)) {
        const quantity = this.loadDecimal(scanner, 'quantity');
        const price = this.loadDecimal(scanner, 'unit_price');
        const discount = this.discountFactor(scanner);
        const months = this.months(scanner);
        if (quantity === undefined || price === undefined || discount === undefined || months === undefined) return undefined;
        numerators = [quantity.mantissa, price.mantissa, discount.num];
        denominators = [10 ** quantity.scale, 10 ** price.scale, discount.den, months];
      } else {
        const position = ix.mrr ?? ix.arr ?? ix.amount ?? 0;
        this.problems.push(error('NO_MONEY', 'the row has no mrr, arr, amount, or quantity and unit_price', this.source(position), 'fill one money column'));
        return undefined;
      }
    }
    if (fx === undefined) return undefined;
    numerators.push(pow10[this.reportingDigits] ?? 100, fx.num);
    denominators.push(fx.den);
    try {
      return roundQuotient(numerators, denominators);
    } catch {
      this.problems.push(error('INVALID_AMOUNT', 'the amount is too large (limit: 10^13 per line)', this.source(ix.mrr ?? ix.arr ?? ix.amount ?? 0)));
      return undefined;
    }
  }

  /** 1 − discount as an exact ratio; discount is a fraction (0.25), "25%", or a percent column's number. */
  private discountFactor(scanner: CsvScanner): Ratio | undefined {
    const position = this.map.index.discount;
    if (!this.load(scanner, position)) return { num: 1, den: 1 };
    const raw = this.loadedText();
    const percentSign = raw.endsWith('%');
    const value = parseDecimalAt(raw, 0, percentSign ? raw.length - 1 : raw.length);
    const ratio = value === undefined ? undefined : decimalToRatio(value);
    const den = ratio === undefined ? 0 : percentSign || this.map.discountIsPercent ? ratio.den * 100 : ratio.den;
    if (ratio === undefined || ratio.num < 0 || ratio.num > den) {
      this.problems.push(error('INVALID_AMOUNT', `discount "${raw}" is not a fraction or a percentage within 0–100%`, this.source(position ?? 0), 'write 0.25 or 25%'));
      return undefined;
    }
    return { num: den - ratio.num, den };
  }

  private months(scanner: CsvScanner): number | undefined {
    const position = this.map.index.billing_period;
    if (!this.load(scanner, position)) {
      if (this.policy.defaultBillingMonths !== undefined) return this.policy.defaultBillingMonths;
      this.problems.push(error('NO_BILLING_PERIOD', 'the amount has no billing_period', this.source(position ?? this.map.index.amount ?? 0), 'fill billing_period or give --billing-period'));
      return undefined;
    }
    const id = this.internLoaded(this.periodTexts);
    if (id === this.periodMonths.length) this.periodMonths.push(billingPeriodMonths(this.loadedText()) ?? UNKNOWN);
    const months = this.periodMonths[id]!;
    if (months === UNKNOWN) {
      this.problems.push(error('UNKNOWN_BILLING_PERIOD', `billing_period "${this.loadedText()}" is not a billing period (expected ${billingPeriodHelp})`, this.source(position ?? 0)));
      return undefined;
    }
    return months;
  }

  private fxRate(scanner: CsvScanner): Ratio | undefined {
    const position = this.map.index.currency;
    if (!this.load(scanner, position)) return { num: 1, den: 1 };
    const id = this.internLoaded(this.currencyTexts);
    if (id === this.currencyRates.length) {
      const code = this.loadedText().toUpperCase();
      this.currencyRates.push(code === this.policy.currency ? { num: 1, den: 1 } : this.policy.fx.get(code));
    }
    const rate = this.currencyRates[id];
    if (rate === undefined) {
      const code = this.loadedText().toUpperCase();
      const known = isCurrencyCode(code) ? `no FX rate for ${code}` : `"${code}" is not an ISO currency code`;
      this.problems.push(error('UNKNOWN_CURRENCY', `${known} (reporting currency ${this.policy.currency})`, this.source(position ?? 0), `give --fx ${isCurrencyCode(code) ? code : 'EUR'}=<${this.policy.currency} per 1 unit>`));
    }
    return rate;
  }

  /** Quantity, unit price and discount as read, for the renewal split; NaN when unknown. */
  private unitPricing(scanner: CsvScanner, i: number): void {
    const store = this.store;
    store.quantity[i] = NaN;
    store.unitPrice[i] = NaN;
    store.discount[i] = NaN;
    const quantity = this.load(scanner, this.map.index.quantity) ? parseDecimalAt(this.text, this.start, this.end) : undefined;
    const price = this.load(scanner, this.map.index.unit_price) ? parseDecimalAt(this.text, this.start, this.end, this.policy.amountSyntax) : undefined;
    if (quantity === undefined || price === undefined) return;
    store.quantity[i] = Number(quantity.mantissa) / 10 ** quantity.scale;
    store.unitPrice[i] = Number(price.mantissa) / 10 ** price.scale;
    const factor = this.discountFactor(scanner);
    store.discount[i] = factor === undefined ? NaN : 1 - factor.num / factor.den;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
