// The one module that owns money and rates (METRICS.md §2). Amounts arrive as decimal text and leave as
// integer minor units after ONE half-even rounding per line; every later sum is an exact integer.
// decimal.js is imported here and nowhere else; it serves only the edges (rates, annualisation).
import DecimalModule from 'decimal.js';

// The package's types describe a CommonJS default; at run time the ESM build exports the class as default.
const Decimal = DecimalModule as unknown as typeof import('decimal.js').Decimal;
type Decimal = import('decimal.js').Decimal;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** Integer minor units (cents) held in a Number; exact while |value| ≤ 2^53. */
export type Minor = number;

/**
 * An exact sum of minor units: a number while it is a safe integer, a bigint beyond 2^53 (about 9 × 10^13
 * USD), where the bridge switches to its exact path (metrics/bridge-exact.ts). Always normalised, so a
 * value that fits a number is a number (0 is never 0n).
 */
export type MinorSum = number | bigint;

export function exactMinor(value: bigint): MinorSum {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** Σ plus − Σ minus, exactly: in Number arithmetic when every term is a number, else in BigInt. */
export function combineMinor(plus: readonly MinorSum[], minus: readonly MinorSum[] = []): MinorSum {
  if (plus.every((x) => typeof x === 'number') && minus.every((x) => typeof x === 'number')) {
    let sum = 0;
    for (const x of plus) sum += x as number;
    for (const x of minus) sum -= x as number;
    if (Number.isSafeInteger(sum)) return sum;
  }
  let big = 0n;
  for (const x of plus) big += BigInt(x);
  for (const x of minus) big -= BigInt(x);
  return exactMinor(big);
}

/** A decimal number as an integer mantissa and a count of decimals: 12.50 → {mantissa: 1250, scale: 2}. */
export interface ScaledDecimal {
  mantissa: number | bigint;
  scale: number;
}

export interface AmountSyntax {
  /** `1.200,50`: comma as the decimal mark, dot or space as thousands separator. */
  decimalComma: boolean;
}

const currencySymbols = new Set(['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₫', '₱', '฿', '₴', '₦']);

/**
 * Parses `1200`, `-1,200.50`, `$1,200.50`, `(1,200.00)`, `1 200,50 €` (with decimalComma). Never uses
 * parseFloat: the digits are kept exactly. Returns undefined for anything else (`1e5`, `NaN`, `12.3.4`).
 */
export function parseDecimal(text: string, syntax?: AmountSyntax): ScaledDecimal | undefined {
  return parseDecimalAt(text, 0, text.length, syntax);
}

/** parseDecimal over text[start, end), without slicing. */
export function parseDecimalAt(text: string, start: number, end: number, syntax?: AmountSyntax): ScaledDecimal | undefined {
  const decimalMark = syntax?.decimalComma ? 44 : 46; // ',' or '.'
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  let negative = false;
  if (from < to && text.charCodeAt(from) === 40 && text.charCodeAt(to - 1) === 41) {
    negative = true; // accounting negative: (1,200.00)
    from++;
    to--;
  }
  // Sign and currency symbol may come in either order before the number, or the symbol after it.
  for (let guard = 0; guard < 2 && from < to; guard++) {
    const c = text.charCodeAt(from);
    if ((c === 45 || c === 43) && !negative) {
      negative = c === 45;
      from++;
    } else if (currencySymbols.has(text[from] ?? '')) {
      from++;
    }
    while (from < to && isSpace(text.charCodeAt(from))) from++;
  }
  if (from < to && currencySymbols.has(text[to - 1] ?? '')) {
    to--;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  }
  let mantissa = 0;
  let digitCount = 0;
  let scale = -1;
  let groupLength = -1; // digits since the last thousands separator, −1 before any separator
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digitCount++;
      if (digitCount <= 15) mantissa = mantissa * 10 + (c - 48);
      if (scale >= 0) scale++;
      else if (groupLength >= 0) groupLength++;
    } else if (c === decimalMark && scale < 0) {
      if (groupLength >= 0 && groupLength !== 3) return undefined;
      scale = 0;
    } else if (isThousandsSeparator(c, decimalMark) && scale < 0 && digitCount > 0) {
      if (groupLength >= 0 && groupLength !== 3) return undefined;
      if (groupLength < 0 && digitCount > 3) return undefined;
      groupLength = 0;
    } else {
      return undefined;
    }
  }
  if (digitCount === 0) return undefined;
  if (scale < 0) {
    if (groupLength >= 0 && groupLength !== 3) return undefined;
    scale = 0;
  }
  if (digitCount > 15) {
    const big = BigInt(text.slice(from, to).replace(/\D/g, ''));
    return { mantissa: negative ? -big : big, scale };
  }
  return { mantissa: negative && mantissa !== 0 ? -mantissa : mantissa, scale };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 0x202f;
}

function isThousandsSeparator(c: number, decimalMark: number): boolean {
  if (decimalMark === 46) return c === 44; // 1,200.50
  return c === 46 || c === 32 || c === 160 || c === 0x202f || c === 39; // 1.200,50 · 1 200,50 · 1'200,50
}

/** An exact positive ratio of integers, e.g. an FX rate 1.10 = 110/100 or 1/12 of a year. */
export interface Ratio {
  num: number;
  den: number;
}

export function decimalToRatio(value: ScaledDecimal): Ratio | undefined {
  if (typeof value.mantissa === 'bigint' || value.scale > 15) return undefined;
  return { num: value.mantissa, den: 10 ** value.scale };
}

/**
 * Rounds (Π numerators) ÷ (Π denominators) half-even to an integer. Exact integer arithmetic on Numbers while
 * every product stays below 2^53; otherwise the same computation in BigInt (tested to agree).
 */
export function roundQuotient(numerators: readonly (number | bigint)[], denominators: readonly number[]): Minor {
  let n = 1;
  let d = 1;
  let safe = true;
  for (const x of numerators) {
    if (typeof x === 'bigint') {
      safe = false;
      break;
    }
    n *= x;
    if (!Number.isSafeInteger(n)) {
      safe = false;
      break;
    }
  }
  if (safe) {
    for (const x of denominators) {
      d *= x;
      if (!Number.isSafeInteger(d)) {
        safe = false;
        break;
      }
    }
  }
  if (safe) return divideHalfEven(n, d);
  return roundQuotientBig(numerators, denominators);
}

export function roundQuotientBig(numerators: readonly (number | bigint)[], denominators: readonly number[]): Minor {
  let n = 1n;
  let d = 1n;
  for (const x of numerators) n *= BigInt(x);
  for (const x of denominators) d *= BigInt(x);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  const twiceRemainder = (a % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && q % 2n === 1n)) q += 1n;
  const result = Number(negative ? -q : q);
  if (!Number.isSafeInteger(result)) throw new RangeError('amount out of range');
  return result;
}

/** Half-even n ÷ d for safe integers n and d ≠ 0. */
export function divideHalfEven(n: number, d: number): Minor {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const negative = n < 0;
  const a = negative ? -n : n;
  const r = a % d;
  let q = (a - r) / d;
  const twice = r * 2;
  if (twice > d || (twice === d && q % 2 === 1)) q += 1;
  return negative && q !== 0 ? -q : q;
}

const zeroDecimalCurrencies = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const threeDecimalCurrencies = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Digits of the currency's minor unit (ISO 4217): 2 for USD, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  if (zeroDecimalCurrencies.has(currency)) return 0;
  if (threeDecimalCurrencies.has(currency)) return 3;
  return 2;
}

export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

/** 1234567 minor units, 2 digits → "12345.67"; exact for any safe integer. */
export function minorToDecimalString(minor: MinorSum, digits: number): string {
  const negative = minor < 0;
  const text = String(minor).replace('-', '').padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, text.length - digits);
  const fraction = digits === 0 ? '' : `.${text.slice(text.length - digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** As minorToDecimalString, with thousands separators for people: "12,345.67". */
export function minorToDisplayString(minor: MinorSum, digits: number): string {
  const plain = minorToDecimalString(minor, digits);
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${dot < 0 ? '' : body.slice(dot)}`;
}

/** A rate computed from exact sums; opaque so that only this module decides how it is rounded. */
export class Rate {
  readonly #value: Decimal;
  private constructor(value: Decimal) {
    this.#value = value;
  }
  static of(numerator: MinorSum, denominator: MinorSum): Rate | null {
    if (Number(denominator) === 0) return null;
    return new Rate(new D(String(numerator)).div(String(denominator)));
  }
  /** Retention r over one period → r^n; METRICS.md §5. */
  annualizeRetention(periodsPerYear: number): Rate {
    return new Rate(this.#value.pow(periodsPerYear));
  }
  /** Churn c over one period → 1 − (1 − c)^n; METRICS.md §5. */
  annualizeChurn(periodsPerYear: number): Rate {
    return new Rate(new D(1).minus(new D(1).minus(this.#value).pow(periodsPerYear)));
  }
  /** This rate minus another, exactly (a change between two periods' rates). */
  minus(other: Rate): Rate {
    return new Rate(this.#value.minus(other.#value));
  }
  /** Rounded half-even to `places` decimals, as a JSON/CSV number. */
  toNumber(places: number): number {
    return this.#value.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN).toNumber();
  }
  toFixed(places: number): string {
    return this.#value.toFixed(places, Decimal.ROUND_HALF_EVEN);
  }
  /** "97.5%" with `places` decimals of the percentage. */
  toPercent(places: number): string {
    return `${this.#value.times(100).toFixed(places, Decimal.ROUND_HALF_EVEN)}%`;
  }
  compare(other: number): number {
    return this.#value.comparedTo(other);
  }
}
