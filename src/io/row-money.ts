// The money fields of a row (METRICS.md §2): the first non-empty of mrr, arr, amount ÷ billing period, then
// quantity × unit price × (1 − discount), converted with the row currency's FX rate and rounded half-even
// once to reporting minor units; plus the quantity/price/discount kept for the renewal split.
import { error } from '../diagnostics/diagnostic.js';
import { billingPeriodHelp, billingPeriodMonths, billingPeriodRatio, spanMonths, type MonthsRatio } from '../model/billing-period.js';
import type { Day } from '../model/calendar.js';
import { Interner } from '../model/interner.js';
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import { decimalToRatio, isCurrencyCode, minorDigits, parseDecimalAt, roundQuotient, type Ratio, type ScaledDecimal } from '../model/money.js';
import type { CanonicalColumn, ColumnMap } from './column-map.js';
import type { CsvRecord } from './csv-record.js';
import { RowFields } from './row-fields.js';
import type { RejectedRow, RowPolicy } from './row-policy.js';
import type { MoneySource } from './source-profiles.js';

const pow10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];
const UNKNOWN = -1;
const DEFAULT_MONEY_ORDER: readonly MoneySource[] = ['mrr', 'arr', 'amount', 'unit'];
const ONE: ScaledDecimal = { mantissa: 1, scale: 0 };

export abstract class RowMoney extends RowFields {
  protected readonly reportingDigits: number;
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
  private readonly moneyOrder: readonly MoneySource[];

  constructor(store: LineStore, map: ColumnMap, policy: RowPolicy, file: string, onReject: (row: RejectedRow) => void) {
    super(store, map, policy, file, onReject);
    this.reportingDigits = minorDigits(policy.currency);
    this.moneyOrder = map.plan?.moneyOrder ?? DEFAULT_MONEY_ORDER;
  }

  /** A money field (loaded): a decimal, or with --amount-unit minor an integer count of minor units. */
  protected moneyDecimal(column: CanonicalColumn): ScaledDecimal | undefined {
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
  protected period(scanner: CsvRecord, start: Day | undefined, end: Day | undefined, numerators: (number | bigint)[], denominators: number[]): boolean {
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
  protected loadedPeriod(position: number): MonthsRatio | undefined {
    const id = this.internLoaded(this.periodRatioTexts);
    if (id === this.periodRatios.length) this.periodRatios.push(billingPeriodRatio(this.loadedText()));
    const months = this.periodRatios[id];
    if (months === undefined) {
      this.problems.push(error('UNKNOWN_BILLING_PERIOD', `billing_period "${this.loadedText()}" is not a billing period (expected ${billingPeriodHelp}, week or day)`, this.source(position), 'write one of those; --billing-period only fills empty cells'));
    }
    return months;
  }

  /** The row's MRR in reporting minor units (METRICS.md §2), from the first non-empty money column. */
  protected money(scanner: CsvRecord, start: Day | undefined, end: Day | undefined): number | undefined {
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
  protected discountFactor(scanner: CsvRecord): Ratio | undefined {
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

  protected fxRate(scanner: CsvRecord): Ratio | undefined {
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
  protected unitPricing(scanner: CsvRecord, i: number): void {
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
  protected pricingMonths(scanner: CsvRecord): number {
    if (!this.load(scanner, this.map.index.billing_period)) {
      if (this.policy.billingSpan === true) return 0; // the price covers the line's own span: no whole month count
      return this.policy.defaultBillingMonths ?? 1;
    }
    const id = this.internLoaded(this.periodTexts);
    if (id === this.periodMonths.length) this.periodMonths.push(billingPeriodMonths(this.loadedText()) ?? UNKNOWN);
    const months = this.periodMonths[id]!;
    return months === UNKNOWN ? 0 : months;
  }

  /** The row's currency as an id in store.currencies (upper case; '' when the row names none). */
  protected lineCurrency(scanner: CsvRecord): number {
    const currencies = this.store.currencies;
    if (!this.load(scanner, this.map.index.currency)) return currencies.id('');
    return currencies.id(this.loadedText().toUpperCase());
  }
}
