// The columnar store of input lines (METRICS.md §1): one slot per used row, typed arrays per column,
// strings interned. Nothing else keeps per-row data, so 5M rows fit in Node's default heap.
import { Interner } from './interner.js';

/** end/cancel value of an open-ended line: no end date (evergreen) or no cancellation. */
export const OPEN_DAY = 2_000_000_000;
/** booked value of a line without booked_date. */
export const NO_DAY = -2_000_000_000;
/** renews value of a line without a renews link. */
export const NO_LINK = -1;

export interface Provenance {
  file: string;
  line: number;
}

export class LineStore {
  length = 0;
  private capacity: number;
  customer: Int32Array;
  contract: Int32Array;
  product: Int32Array;
  start: Int32Array;
  end: Int32Array;
  cancel: Int32Array;
  booked: Int32Array;
  renews: Int32Array;
  reason: Int32Array;
  /** Monthly recurring revenue in integer minor units of the reporting currency (exact integers). */
  mrr: Float64Array;
  /**
   * For the renewal split: quantity, unit price per billing period (converted to the reporting currency,
   * major units) and discount fraction; NaN when unknown. billingMonths = months of that billing period
   * (0 when unknown).
   */
  quantity: Float64Array;
  unitPrice: Float64Array;
  discount: Float64Array;
  billingMonths: Uint8Array;
  fileIndex: Uint16Array;
  lineNumber: Int32Array;
  dimensions: Int32Array[];
  /** Currency of each line as written (id in `currencies`; '' = the reporting currency); only after keepCurrency(). */
  currency: Int32Array = new Int32Array(0);
  keepsCurrency = false;
  readonly currencies = new Interner();

  readonly customers = new Interner();
  /** Contract ids and the ids that `renews` names share one table, so links are plain integers. */
  readonly contracts = new Interner();
  readonly products = new Interner();
  readonly reasons = new Interner();
  readonly dimensionValues: Interner[];
  readonly files: string[] = [];
  /** Names of the interned dimension columns, in the order of `dimensions`. */
  readonly dimensionNames: string[];

  constructor(
    dimensionNames: readonly string[],
    /** Whether quantity, unitPrice and discount are kept (only the renewal split needs them). */
    readonly unitPricing = false,
    initialCapacity = 1024,
  ) {
    this.capacity = initialCapacity;
    this.customer = new Int32Array(initialCapacity);
    this.contract = new Int32Array(initialCapacity);
    this.product = new Int32Array(initialCapacity);
    this.start = new Int32Array(initialCapacity);
    this.end = new Int32Array(initialCapacity);
    this.cancel = new Int32Array(initialCapacity);
    this.booked = new Int32Array(initialCapacity);
    this.renews = new Int32Array(initialCapacity);
    this.reason = new Int32Array(initialCapacity);
    this.mrr = new Float64Array(initialCapacity);
    const pricingCapacity = unitPricing ? initialCapacity : 0;
    this.quantity = new Float64Array(pricingCapacity);
    this.unitPrice = new Float64Array(pricingCapacity);
    this.discount = new Float64Array(pricingCapacity);
    this.billingMonths = new Uint8Array(pricingCapacity);
    this.fileIndex = new Uint16Array(initialCapacity);
    this.lineNumber = new Int32Array(initialCapacity);
    this.dimensionNames = [...dimensionNames];
    this.dimensions = dimensionNames.map(() => new Int32Array(initialCapacity));
    this.dimensionValues = dimensionNames.map(() => new Interner());
    this.reasons.id('');
  }

  /** Keeps each line's currency from now on (for the audit of `retain check`); call before the first append. */
  keepCurrency(): void {
    this.keepsCurrency = true;
    this.currency = new Int32Array(this.capacity);
  }

  /**
   * Adds a dimension computed after reading (one value per line), e.g. a churn class derived from
   * churn_reason, so segments treat it like an input column.
   */
  addDimension(name: string, valueOfLine: (line: number) => string): void {
    const values = new Interner();
    const column = new Int32Array(Math.max(this.length, 1));
    for (let i = 0; i < this.length; i++) column[i] = values.id(valueOfLine(i));
    this.dimensionNames.push(name);
    this.dimensions.push(column);
    this.dimensionValues.push(values);
  }

  /** Reserves the next slot and returns its index; the caller fills every column. */
  append(): number {
    if (this.length === this.capacity) this.grow();
    return this.length++;
  }

  provenance(index: number): Provenance {
    return { file: this.files[this.fileIndex[index] ?? 0] ?? '', line: this.lineNumber[index] ?? 0 };
  }

  private grow(): void {
    const size = this.capacity * 2;
    const grow32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.customer = grow32(this.customer);
    this.contract = grow32(this.contract);
    this.product = grow32(this.product);
    this.start = grow32(this.start);
    this.end = grow32(this.end);
    this.cancel = grow32(this.cancel);
    this.booked = grow32(this.booked);
    this.renews = grow32(this.renews);
    this.reason = grow32(this.reason);
    this.mrr = grow64(this.mrr);
    if (this.unitPricing) {
      this.quantity = grow64(this.quantity);
      this.unitPrice = grow64(this.unitPrice);
      this.discount = grow64(this.discount);
      const months = new Uint8Array(size);
      months.set(this.billingMonths);
      this.billingMonths = months;
    }
    const files = new Uint16Array(size);
    files.set(this.fileIndex);
    this.fileIndex = files;
    this.lineNumber = grow32(this.lineNumber);
    this.dimensions = this.dimensions.map(grow32);
    if (this.keepsCurrency) this.currency = grow32(this.currency);
    this.capacity = size;
  }
}
