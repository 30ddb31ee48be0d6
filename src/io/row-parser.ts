// The field parsers of the hot path: one CSV record → one line in the store, or diagnostics naming
// file:line:column and the header. These parsers are the row validation (no schema library per row).
// Fields are read as ranges of the scanner's text: a valid row allocates almost nothing.
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { billingPeriodHelp, billingPeriodMonths, billingPeriodRatio, spanMonths, type MonthsRatio } from '../model/billing-period.js';
import { addMonths, type Day } from '../model/calendar.js';
import { Interner } from '../model/interner.js';
import { LineStore, NO_DAY, NO_LINK, OPEN_DAY } from '../model/line-store.js';
import { decimalToRatio, isCurrencyCode, minorDigits, parseDecimalAt, roundQuotient, type AmountSyntax, type Ratio, type ScaledDecimal } from '../model/money.js';
import { parseDateAt, type DateFormat } from '../model/parse-date.js';
import type { TimeZone } from '../model/time-zone.js';
import type { CanonicalColumn, ColumnMap } from './column-map.js';
import type { CsvRecord } from './csv-record.js';
import { ExclusionTable } from './row-exclusions.js';
import type { RowPlan } from './row-plan.js';
import type { MoneySource } from './source-profiles.js';

type CsvScanner = CsvRecord;

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
  /** --timezone: the zone date-times are converted to; absent = UTC. */
  timeZone?: TimeZone | undefined;
  /** --billing-period span: an amount without a billing period covers the line's own span. */
  billingSpan?: boolean;
  /** --amount-unit; absent = the source profile's (major units unless the profile says minor). */
  amountUnit?: 'major' | 'minor' | undefined;
}

/** What became of a row: a line, left out on purpose (a profile rule), or rejected with diagnostics. */
export const ParseOutcome = { Rejected: 0, Used: 1, Excluded: 2 } as const;
export type ParseOutcome = (typeof ParseOutcome)[keyof typeof ParseOutcome];

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
  private currencyDigits: number[] = [];
  /** Minor-unit digits of the current row's currency (set by fxRate). */
  private rowDigits = 2;
  private readonly periodRatioTexts = new Interner();
  private periodRatios: (MonthsRatio | undefined)[] = [];
  private readonly plan: RowPlan | undefined;
  private readonly exclusions: ExclusionTable | undefined;
  /** Layout of non-ISO dates; starts as the policy's and is decided per file in auto mode. */
  private dateFormat: DateFormat;
  private readonly moneyOrder: readonly MoneySource[];
  private readonly hasAlternates: boolean;
  private readonly utcColumns: Uint8Array;
  /** Why the last row was excluded (valid after parse() returned Excluded). */
  excludedReason = '';
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
    this.plan = map.plan;
    this.exclusions = map.plan && map.plan.exclusions.length > 0 ? new ExclusionTable(map.plan.exclusions) : undefined;
    this.dateFormat = policy.dateFormat;
    this.moneyOrder = map.plan?.moneyOrder ?? DEFAULT_MONEY_ORDER;
    this.hasAlternates = map.plan !== undefined && Object.keys(map.plan.alternates).length > 0;
    this.utcColumns = map.plan?.utcColumns ?? new Uint8Array(map.headers.length);
  }

  /** Fixes the layout of slashed dates once the file has shown which one it uses (auto mode). */
  setDateFormat(format: DateFormat): void {
    this.dateFormat = format;
  }

  /** Parses the current record of the scanner into a line, or says why it was excluded or rejected. */
  parse(scanner: CsvScanner, line: number): ParseOutcome {
    this.problems.length = 0;
    this.line = line;
    const ix = this.map.index;
    const plan = this.plan;
    let zeroReason = '';
    if (this.exclusions !== undefined) {
      const reason = this.excluded(scanner);
      if (reason !== '') return this.exclude(reason);
      zeroReason = this.zeroReason;
    }
    const customerPresent = this.load(scanner, ix.customer_id);
    if (!customerPresent) this.missing(ix.customer_id ?? 0, 'customer_id');
    let start = this.date(scanner, 'start_date', true);
    let end = this.date(scanner, 'end_date', false);
    if (end !== undefined && end !== OPEN_DAY && this.policy.endExclusive) end -= 1;
    if (end === OPEN_DAY && start !== undefined && plan?.termMonths !== undefined) end = this.termEnd(scanner, plan.termMonths, start);
    let cancel = this.date(scanner, 'cancel_date', false);
    if (cancel === OPEN_DAY && plan?.cancelAtPeriodEnd !== undefined) cancel = this.requestedCancel(scanner, plan.cancelAtPeriodEnd);
    if (plan?.trialEnd !== undefined && start !== undefined) {
      // Service is paid from the end of the trial; a cancellation by then means the trial never converted.
      const trialEnd = this.dateAt(scanner, plan.trialEnd, 'start_date');
      if (trialEnd !== undefined && trialEnd !== OPEN_DAY && trialEnd > start) {
        if (cancel !== undefined && cancel !== OPEN_DAY && cancel <= trialEnd && this.problems.length === 0) return this.exclude('trial cancelled before it converted');
        start = trialEnd;
      }
    }
    const booked = this.date(scanner, 'booked_date', false);
    if (start !== undefined && end !== undefined && end !== OPEN_DAY && end < start) {
      const position = ix.end_date ?? 0;
      this.problems.push(
        error('END_BEFORE_START', `end_date "${scanner.field(position).trim()}" is before start_date "${scanner.field(ix.start_date ?? 0).trim()}"${this.policy.endExclusive ? ' (ends are exclusive)' : ''}`, this.source(position), 'fix the dates, or check --end-exclusive'),
      );
    }
    const mrr = this.money(scanner, start, end);
    if (this.problems.length > 0 || !customerPresent || start === undefined || end === undefined || cancel === undefined || booked === undefined || mrr === undefined) {
      this.reject(scanner);
      return ParseOutcome.Rejected;
    }
    if (zeroReason !== '' && mrr === 0) return this.exclude(zeroReason);
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
    if (store.keepsCurrency) store.currency[i] = this.lineCurrency(scanner);
    return ParseOutcome.Used;
  }

  /** The row's currency as an id in store.currencies (upper case; '' when the row names none). */
  private lineCurrency(scanner: CsvScanner): number {
    const currencies = this.store.currencies;
    if (!this.load(scanner, this.map.index.currency)) return currencies.id('');
    return currencies.id(this.loadedText().toUpperCase());
  }

  private exclude(reason: string): ParseOutcome {
    this.excludedReason = reason;
    return ParseOutcome.Excluded;
  }

  // Set by excluded(): the reason of a rule that excludes only rows whose money is zero.
  private zeroReason = '';

  /** The first unconditional exclusion reason of the row, or ''; the reason of a zero-money rule goes to zeroReason. */
  private excluded(scanner: CsvScanner): string {
    const table = this.exclusions!;
    this.zeroReason = '';
    for (let k = 0; k < table.rules.length; k++) {
      const rule = table.rules[k]!;
      if (!this.load(scanner, rule.position)) continue;
      const reason = table.decide(k, this.text, this.start, this.end);
      if (reason === '') continue;
      if (!rule.rule.onlyWhenZero) return reason;
      if (this.zeroReason === '') this.zeroReason = reason;
    }
    return '';
  }

  /** end = start + N months − 1 day (Salesforce Contract Term); OPEN_DAY when the term is empty. */
  private termEnd(scanner: CsvScanner, position: number, start: Day): Day | undefined {
    if (!this.load(scanner, position)) return OPEN_DAY;
    const value = parseDecimalAt(this.text, this.start, this.end);
    const months = value === undefined || value.scale > 0 && Number(value.mantissa) % 10 ** value.scale !== 0 ? NaN : Number(value.mantissa) / 10 ** value.scale;
    if (!(months >= 1 && months <= 1200)) {
      this.problems.push(error('INVALID_TERM', `term "${this.loadedText()}" is not a whole number of months 1–1200`, this.source(position), 'fill the end date, or write the term in months'));
      return undefined;
    }
    return addMonths(start, months) - 1;
  }

  /** A requested cancellation: effective on the requested day, or at the period end when the flag says so. */
  private requestedCancel(scanner: CsvScanner, rule: NonNullable<RowPlan['cancelAtPeriodEnd']>): Day | undefined {
    const requested = this.dateAt(scanner, rule.requested, 'cancel_date');
    if (requested === undefined || requested === OPEN_DAY || rule.periodEnd < 0) return requested;
    const atPeriodEnd = rule.flag === 'always' || (rule.flag >= 0 && this.load(scanner, rule.flag) && isTrue(this.loadedText()));
    if (!atPeriodEnd) return requested;
    const periodEnd = this.dateAt(scanner, rule.periodEnd, 'cancel_date');
    return periodEnd === OPEN_DAY ? requested : periodEnd;
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
  private dateAt(scanner: CsvScanner, position: number, column: CanonicalColumn): Day | undefined {
    return this.load(scanner, position) ? this.loadedDate(column, position) : OPEN_DAY;
  }

  private loadedDate(column: CanonicalColumn, position: number): Day | undefined {
    const day = parseDateAt(this.text, this.start, this.end, this.dateFormat, this.policy.timeZone, this.utcColumns[position] === 1);
    if (day === undefined) {
      const format = this.dateFormat;
      const expected = format === 'YYYY-MM-DD' || format === 'auto' ? 'YYYY-MM-DD or an ISO date-time' : `${format === 'excel' ? 'an Excel serial day number' : format} or YYYY-MM-DD`;
      this.problems.push(error('INVALID_DATE', `${column} "${this.loadedText()}" is not a date (expected ${expected})`, this.source(position), 'see --date-format'));
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

  /** A money field (loaded): a decimal, or with --amount-unit minor an integer count of minor units. */
  private moneyDecimal(column: CanonicalColumn): ScaledDecimal | undefined {
    const value = this.decimal(column);
    if (value !== undefined && value.scale > 0 && this.plan?.amountMinor) {
      this.problems.push(error('INVALID_AMOUNT', `${column} "${this.loadedText()}" is not a whole number of minor units`, this.source(this.map.index[column] ?? 0), 'amounts are integer minor units (cents) here; give --amount-unit major for 12.50-style amounts'));
      return undefined;
    }
    return value;
  }

  /**
   * Pushes the row's billing period as months (amount ÷ months): the billing_period field (× its count), else
   * the span of the profile's period columns, else --billing-period, else the line's own span.
   */
  private period(scanner: CsvScanner, start: Day | undefined, end: Day | undefined, numerators: (number | bigint)[], denominators: number[]): boolean {
    const plan = this.plan;
    const position = this.map.index.billing_period;
    let months: MonthsRatio | undefined;
    if (this.load(scanner, position)) {
      months = this.loadedPeriod(position!);
      if (months === undefined) return false;
      if (plan?.periodCount !== undefined && this.load(scanner, plan.periodCount)) {
        const count = /^\d{1,3}$/.test(this.loadedText()) ? Number(this.loadedText()) : 0;
        if (count < 1) {
          this.problems.push(error('UNKNOWN_BILLING_PERIOD', `billing period count "${this.loadedText()}" is not a whole number 1–999`, this.source(plan.periodCount), 'write a whole number of periods'));
          return false;
        }
        months = { num: months.num * count, den: months.den };
      }
    } else if (plan?.periodSpan !== undefined && this.load(scanner, plan.periodSpan.from) && this.load(scanner, plan.periodSpan.to)) {
      const from = this.dateAt(scanner, plan.periodSpan.from, 'billing_period');
      const to = this.dateAt(scanner, plan.periodSpan.to, 'billing_period');
      if (from === undefined || to === undefined) return false;
      months = spanMonths(from, to);
    } else if (this.policy.defaultBillingMonths !== undefined) {
      months = { num: this.policy.defaultBillingMonths, den: 1 };
    } else if (plan?.lineSpan || this.policy.billingSpan) {
      if (start === undefined || end === undefined) return false;
      if (end === OPEN_DAY) {
        this.problems.push(error('NO_BILLING_PERIOD', 'the amount covers the line’s span (--billing-period span), but the line has no end date', this.source(this.map.index.end_date ?? this.map.index.amount ?? 0), 'fill end_date, or give --billing-period'));
        return false;
      }
      months = spanMonths(start, end + 1);
    } else {
      this.problems.push(error('NO_BILLING_PERIOD', 'the amount has no billing_period', this.source(position ?? this.map.index.amount ?? 0), 'fill billing_period or give --billing-period'));
      return false;
    }
    if (months === undefined || months.num <= 0) {
      this.problems.push(error('NO_BILLING_PERIOD', 'the billing period is empty (it ends on or before its start)', this.source(plan?.periodSpan?.to ?? this.map.index.end_date ?? 0), 'check the period dates'));
      return false;
    }
    if (months.den !== 1) numerators.push(months.den);
    denominators.push(months.num);
    return true;
  }

  /** The loaded billing_period text as months (month, year, 3, week…), cached per distinct text. */
  private loadedPeriod(position: number): MonthsRatio | undefined {
    const id = this.internLoaded(this.periodRatioTexts);
    if (id === this.periodRatios.length) this.periodRatios.push(billingPeriodRatio(this.loadedText()));
    const months = this.periodRatios[id];
    if (months === undefined) {
      this.problems.push(error('UNKNOWN_BILLING_PERIOD', `billing_period "${this.loadedText()}" is not a billing period (expected ${billingPeriodHelp}, week or day)`, this.source(position), 'write one of those; --billing-period only fills empty cells'));
    }
    return months;
  }

  private loadDecimal(scanner: CsvScanner, column: CanonicalColumn): ScaledDecimal | undefined {
    this.load(scanner, this.map.index[column]);
    return this.decimal(column);
  }

  /** The row's MRR in reporting minor units (METRICS.md §2), from the first non-empty money column. */
  private money(scanner: CsvScanner, start: Day | undefined, end: Day | undefined): number | undefined {
    const ix = this.map.index;
    const fx = this.fxRate(scanner);
    const numerators: (number | bigint)[] = [];
    const denominators: number[] = [];
    let used = false;
    const order = this.moneyOrder;
    for (let k = 0; k < order.length; k++) {
      const source = order[k]!;
      if (source === 'mrr' || source === 'arr') {
        if (!this.load(scanner, source === 'mrr' ? ix.mrr : ix.arr)) continue;
        const value = this.moneyDecimal(source);
        if (value === undefined) return undefined;
        numerators.push(value.mantissa);
        denominators.push(10 ** value.scale, source === 'arr' ? 12 : 1);
      } else if (source === 'amount') {
        if (!this.load(scanner, ix.amount)) continue;
        const value = this.moneyDecimal('amount');
        const quantity = this.plan?.amountPerUnit && this.load(scanner, ix.quantity) ? this.decimal('quantity') : ONE;
        // The period is read even after a bad amount, so that every problem of the row is reported at once.
        if (!this.period(scanner, start, end, numerators, denominators) || value === undefined || quantity === undefined) return undefined;
        numerators.push(value.mantissa);
        denominators.push(10 ** value.scale);
        if (quantity !== ONE) {
          numerators.push(quantity.mantissa);
          denominators.push(10 ** quantity.scale);
        }
      } else {
        if (!(this.load(scanner, ix.quantity) && this.load(scanner, ix.unit_price))) continue;
        const quantity = this.loadDecimal(scanner, 'quantity');
        this.load(scanner, ix.unit_price);
        const price = this.moneyDecimal('unit_price');
        const discount = this.discountFactor(scanner);
        if (!this.period(scanner, start, end, numerators, denominators) || quantity === undefined || price === undefined || discount === undefined) return undefined;
        numerators.push(quantity.mantissa, price.mantissa, discount.num);
        denominators.push(10 ** quantity.scale, 10 ** price.scale, discount.den);
      }
      used = true;
      break;
    }
    if (!used) {
      const position = ix.mrr ?? ix.arr ?? ix.amount ?? 0;
      this.problems.push(error('NO_MONEY', 'the row has no mrr, arr, amount, or quantity and unit_price', this.source(position), 'fill one money column'));
      return undefined;
    }
    if (fx === undefined) return undefined;
    if (this.plan?.amountMinor) denominators.push(pow10[this.rowDigits] ?? 100);
    numerators.push(pow10[this.reportingDigits] ?? 100, fx.num);
    denominators.push(fx.den);
    try {
      return roundQuotient(numerators, denominators);
    } catch {
      this.problems.push(error('INVALID_AMOUNT', 'the amount is too large (limit: 10^13 per line)', this.source(ix.mrr ?? ix.arr ?? ix.amount ?? 0), 'check the unit (minor vs major units) and the decimal mark'));
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

  private fxRate(scanner: CsvScanner): Ratio | undefined {
    const position = this.map.index.currency;
    this.rowDigits = this.reportingDigits;
    if (!this.load(scanner, position)) return { num: 1, den: 1 };
    const id = this.internLoaded(this.currencyTexts);
    if (id === this.currencyRates.length) {
      const code = this.loadedText().toUpperCase();
      this.currencyRates.push(code === this.policy.currency ? { num: 1, den: 1 } : this.policy.fx.get(code));
      this.currencyDigits.push(minorDigits(code));
    }
    this.rowDigits = this.currencyDigits[id]!;
    const rate = this.currencyRates[id];
    if (rate === undefined) {
      const code = this.loadedText().toUpperCase();
      const known = isCurrencyCode(code) ? `no FX rate for ${code}` : `"${code}" is not an ISO currency code`;
      this.problems.push(error('UNKNOWN_CURRENCY', `${known} (reporting currency ${this.policy.currency})`, this.source(position ?? 0), isCurrencyCode(code) ? `give --fx ${code}=<${this.policy.currency} per 1 unit>` : 'write an ISO 4217 code such as EUR or GBP'));
    }
    return rate;
  }

  /**
   * Quantity, unit price (converted to the reporting currency, still per billing period) and discount, with
   * the months the price covers, for the renewal split; NaN (months 0) when unknown.
   */
  private unitPricing(scanner: CsvScanner, i: number): void {
    const store = this.store;
    store.quantity[i] = NaN;
    store.unitPrice[i] = NaN;
    store.discount[i] = NaN;
    store.billingMonths[i] = 0;
    const quantity = this.load(scanner, this.map.index.quantity) ? parseDecimalAt(this.text, this.start, this.end) : undefined;
    const price = this.load(scanner, this.map.index.unit_price) ? parseDecimalAt(this.text, this.start, this.end, this.policy.amountSyntax) : undefined;
    const fx = this.fxRate(scanner); // known: the row was accepted
    if (quantity === undefined || price === undefined || fx === undefined) return;
    store.quantity[i] = Number(quantity.mantissa) / 10 ** quantity.scale;
    // Prices in minor units (a profile's amountMinor) scale like the amounts: by the row currency's digits.
    const minorScale = this.plan?.amountMinor ? 10 ** this.rowDigits : 1;
    store.unitPrice[i] = ((Number(price.mantissa) / 10 ** price.scale / minorScale) * fx.num) / fx.den;
    store.billingMonths[i] = this.pricingMonths(scanner);
    const factor = this.discountFactor(scanner);
    store.discount[i] = factor === undefined ? NaN : 1 - factor.num / factor.den;
  }

  /** Months a unit price covers: the row's billing period, else --billing-period, else a month (METRICS.md §7); 0 when unknown. */
  private pricingMonths(scanner: CsvScanner): number {
    if (!this.load(scanner, this.map.index.billing_period)) {
      if (this.policy.billingSpan === true) return 0; // the price covers the line's own span: no whole month count
      return this.policy.defaultBillingMonths ?? 1;
    }
    const id = this.internLoaded(this.periodTexts);
    if (id === this.periodMonths.length) this.periodMonths.push(billingPeriodMonths(this.loadedText()) ?? UNKNOWN);
    const months = this.periodMonths[id]!;
    return months === UNKNOWN ? 0 : months;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

const DEFAULT_MONEY_ORDER: readonly MoneySource[] = ['mrr', 'arr', 'amount', 'unit'];
const ONE: ScaledDecimal = { mantissa: 1, scale: 0 };

function isTrue(text: string): boolean {
  const t = text.toLowerCase();
  return t === 'true' || t === 'yes' || t === '1' || t === 'y' || t === 't';
}
