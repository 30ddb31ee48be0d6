// The renewal split (METRICS.md §7): successor − expiring MRR of one renewal, product by product, into
// quantity effect (q1 − q0) × n0, list-price effect q1 × (u1 − u0) × (1 − d0), discount effect q1 × u1 × (d0 − d1),
// product churn (a product only in the old term, −its MRR), cross-sell (only in the new term, +its MRR) and
// `unattributed` (products without quantity and unit price, several prices of one product, and rounding).
// u is the unit price per month in reporting minor units; n = u × (1 − d). Invariant: the parts are integers
// of minor units and sum exactly to the change of the rounded line MRRs.
import type { LineStore } from '../model/line-store.js';

export const splitParts = ['quantity', 'listPrice', 'discount', 'crossSell', 'productChurn', 'unattributed'] as const;
export type SplitPart = (typeof splitParts)[number];
export const PART_COUNT = splitParts.length;
const QUANTITY = 0;
const LIST_PRICE = 1;
const DISCOUNT = 2;
const CROSS_SELL = 3;
const PRODUCT_CHURN = 4;
const UNATTRIBUTED = 5;

/** Quantity and monthly unit price of one product on one side, when every line has the same price. */
interface Priced {
  quantity: number;
  unitMonthly: number;
  discount: number;
}

export class RenewalSplitter {
  private oldLines: Int32Array = new Int32Array(64);
  private newLines: Int32Array = new Int32Array(64);
  private oldCount = 0;
  private newCount = 0;
  private readonly priced: [Priced, Priced] = [
    { quantity: 0, unitMonthly: 0, discount: 0 },
    { quantity: 0, unitMonthly: 0, discount: 0 },
  ];
  private readonly minorPerMajor: number;

  constructor(
    private readonly store: LineStore,
    currencyDigits: number,
  ) {
    this.minorPerMajor = 10 ** currencyDigits;
  }

  reset(): void {
    this.oldCount = 0;
    this.newCount = 0;
  }

  addOld(line: number): void {
    if (this.oldCount === this.oldLines.length) this.oldLines = grow(this.oldLines);
    this.oldLines[this.oldCount++] = line;
  }

  addNew(line: number): void {
    if (this.newCount === this.newLines.length) this.newLines = grow(this.newLines);
    this.newLines[this.newCount++] = line;
  }

  /** Writes the six parts into parts[0..6). */
  split(parts: Float64Array): void {
    parts.fill(0);
    const { product, mrr } = this.store;
    sortByProduct(this.oldLines, this.oldCount, product);
    sortByProduct(this.newLines, this.newCount, product);
    let i = 0;
    let j = 0;
    while (i < this.oldCount || j < this.newCount) {
      const po = i < this.oldCount ? product[this.oldLines[i]!]! : Infinity;
      const pn = j < this.newCount ? product[this.newLines[j]!]! : Infinity;
      const p = Math.min(po, pn);
      const i0 = i;
      const j0 = j;
      let oldSum = 0;
      let newSum = 0;
      while (i < this.oldCount && product[this.oldLines[i]!] === p) oldSum += mrr[this.oldLines[i++]!]!;
      while (j < this.newCount && product[this.newLines[j]!] === p) newSum += mrr[this.newLines[j++]!]!;
      if (j === j0) parts[PRODUCT_CHURN]! -= oldSum;
      else if (i === i0) parts[CROSS_SELL]! += newSum;
      else this.splitProduct(parts, this.oldLines, i0, i, this.newLines, j0, j, newSum - oldSum);
    }
  }

  private splitProduct(parts: Float64Array, oldLines: Int32Array, i0: number, i1: number, newLines: Int32Array, j0: number, j1: number, change: number): void {
    const before = this.price(oldLines, i0, i1, 0);
    const after = this.price(newLines, j0, j1, 1);
    if (before === undefined || after === undefined) {
      parts[UNATTRIBUTED]! += change;
      return;
    }
    const n0 = before.unitMonthly * (1 - before.discount);
    const quantity = roundHalfEven((after.quantity - before.quantity) * n0);
    const listPrice = roundHalfEven(after.quantity * (after.unitMonthly - before.unitMonthly) * (1 - before.discount));
    const discount = roundHalfEven(after.quantity * after.unitMonthly * (before.discount - after.discount));
    parts[QUANTITY]! += quantity;
    parts[LIST_PRICE]! += listPrice;
    parts[DISCOUNT]! += discount;
    parts[UNATTRIBUTED]! += change - quantity - listPrice - discount;
  }

  /** Quantity (summed) and the common monthly unit price and discount of lines[from, to), or undefined. */
  private price(lines: Int32Array, from: number, to: number, side: 0 | 1): Priced | undefined {
    const { quantity, unitPrice, discount, billingMonths } = this.store;
    if (!this.store.unitPricing) return undefined;
    const result = this.priced[side];
    result.quantity = 0;
    for (let k = from; k < to; k++) {
      const line = lines[k]!;
      const q = quantity[line]!;
      const d = discount[line]!;
      const months = billingMonths[line]!;
      if (!Number.isFinite(q) || !Number.isFinite(unitPrice[line]!) || !Number.isFinite(d) || months === 0) return undefined;
      const unitMonthly = (unitPrice[line]! * this.minorPerMajor) / months;
      if (k === from) {
        result.unitMonthly = unitMonthly;
        result.discount = d;
      } else if (unitMonthly !== result.unitMonthly || d !== result.discount) return undefined;
      result.quantity += q;
    }
    return result;
  }
}

/** Half-even rounding of a float to an integer; the tiny float noise of a product never decides a tie. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x) + 0; // + 0 turns −0 into 0
}

function sortByProduct(lines: Int32Array, n: number, product: Int32Array): void {
  if (n > 32) {
    const part = Array.from(lines.subarray(0, n));
    part.sort((a, b) => product[a]! - product[b]! || a - b);
    lines.set(part);
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = lines[i]!;
    const px = product[x]!;
    let j = i - 1;
    while (j >= 0 && product[lines[j]!]! > px) {
      lines[j + 1] = lines[j]!;
      j--;
    }
    lines[j + 1] = x;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
