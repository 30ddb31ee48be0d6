import { describe, expect, it } from 'vitest';
import { divideHalfEven, minorToDecimalString, minorToDisplayString, parseDecimal, Rate, roundQuotient, roundQuotientBig } from '../../src/model/money.js';

describe('parseDecimal keeps every digit exactly', () => {
  it.each([
    ['1200', 1200, 0],
    ['1200.50', 120050, 2],
    ['-1,200.50', -120050, 2],
    ['$1,200.50', 120050, 2],
    ['-$5', -5, 0],
    ['$-5', -5, 0],
    ['(1,200.00)', -120000, 2],
    ['  42.1 ', 421, 1],
    ['€ 9.99', 999, 2],
    ['0.005', 5, 3],
    ['1,234,567.89', 123456789, 2],
  ])('%s', (text, mantissa, scale) => {
    expect(parseDecimal(text)).toEqual({ mantissa, scale });
  });

  it.each(['', '-', 'abc', '1e5', 'NaN', '12.3.4', '1,20', '12,34.5', '1,2345', 'Infinity', '--5', '5-'])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('reads a decimal comma only when asked', () => {
    expect(parseDecimal('1.200,50', { decimalComma: true })).toEqual({ mantissa: 120050, scale: 2 });
    expect(parseDecimal('1 200,50 €', { decimalComma: true })).toEqual({ mantissa: 120050, scale: 2 });
    expect(parseDecimal('1.200,50')).toBeUndefined();
  });

  it('switches to BigInt past 15 digits', () => {
    expect(parseDecimal('12345678901234567.89')).toEqual({ mantissa: 1234567890123456789n, scale: 2 });
  });
});

describe('half-even rounding, once', () => {
  it.each([
    [5, 2, 2], // 2.5 → 2
    [7, 2, 4], // 3.5 → 4
    [-5, 2, -2],
    [-7, 2, -4],
    [1, 3, 0],
    [2, 3, 1],
    [10, 4, 2], // 2.5 → 2
    [14, 4, 4], // 3.5 → 4
    [0, 7, 0],
  ])('%i / %i = %i', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it('normalizes an annual amount to monthly cents: 1000.00 / 12 = 83.33', () => {
    // 100000 cents ÷ 12 = 8333.33… → 8333
    expect(roundQuotient([100000], [12])).toBe(8333);
  });

  it('1.50 per month in EUR at 1.10 → 1.65 USD; 0.05 at 0.5 → 0.025 → 0.02 (half-even)', () => {
    expect(roundQuotient([150, 110], [100])).toBe(165);
    expect(roundQuotient([5, 5], [10])).toBe(2);
    expect(roundQuotient([15, 5], [10])).toBe(8); // 7.5 → 8
  });

  it('the BigInt path agrees with the Number path', () => {
    for (let n = -5000; n <= 5000; n += 7) {
      for (const d of [1, 2, 3, 12, 36, 100, 1200]) {
        expect(roundQuotientBig([n], [d])).toBe(divideHalfEven(n, d));
      }
    }
    // Past 2^53: 10^13 major units × 100 × an FX rate of 1.2345 (12345 / 10^4).
    const big = roundQuotient([10n ** 13n, 100, 12345], [10000, 12]);
    expect(big).toBe(roundQuotientBig([10n ** 13n * 100n * 12345n], [120000]));
    expect(big).toBe(102875000000000);
  });
});

describe('money to text', () => {
  it('is exact', () => {
    expect(minorToDecimalString(1250000, 2)).toBe('12500.00');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(7, 0)).toBe('7');
    expect(minorToDecimalString(1234, 3)).toBe('1.234');
    expect(minorToDisplayString(123456789, 2)).toBe('1,234,567.89');
    expect(minorToDisplayString(-100000, 2)).toBe('−1,000.00');
  });
});

describe('rates', () => {
  it('are null on a zero denominator', () => {
    expect(Rate.of(5, 0)).toBeNull();
  });
  it('round half-even at display', () => {
    expect(Rate.of(1, 8)!.toFixed(2)).toBe('0.12'); // 0.125 → 0.12
    expect(Rate.of(3, 8)!.toFixed(2)).toBe('0.38'); // 0.375 → 0.38
    expect(Rate.of(2, 3)!.toNumber(6)).toBe(0.666667);
    expect(Rate.of(975, 1000)!.toPercent(1)).toBe('97.5%');
  });
  it('annualize retention as r^n and churn as 1 − (1 − c)^n', () => {
    expect(Rate.of(9, 10)!.annualizeRetention(12).toNumber(6)).toBe(0.282430);
    expect(Rate.of(1, 10)!.annualizeChurn(4).toNumber(6)).toBe(0.3439);
  });
});
