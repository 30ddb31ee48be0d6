// The renewal split (METRICS.md §7), worked by hand: n = unit price per month × (1 − discount);
// quantity (q1 − q0) × n0, list price q1 × (u1 − u0) × (1 − d0), discount q1 × u1 × (d0 − d1), product churn,
// cross-sell, and unattributed for what has no quantity and price and for rounding; the parts sum to the change.
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { renewalsJson, unit } from './renewal-helpers.js';

const header = 'customer_id,contract_id,product,start_date,end_date,billing_period,amount,currency,quantity,unit_price,discount';
const args = ['--as-of', '2025-06-30', '--detail'];
const zero = { quantity: '0.00', listPrice: '0.00', discount: '0.00', crossSell: '0.00', productChurn: '0.00', unattributed: '0.00' };

describe('renewal split', () => {
  it('reproduces the worked example of METRICS.md §7 (50,000 → 51,300)', async () => {
    // Old: A 100 seats at 500, 25% off = 37,500; B 8,000; C 4,500. New: A 120 seats at 500, 22% off = 46,800; C 4,500.
    // A: quantity (120 − 100) × 375 = +7,500; list price 0; discount 120 × 500 × (0.25 − 0.22) = +1,800.
    // B is only in the old term: product churn −8,000. C has no quantity and price: unattributed, 0.
    const r = await renewalsJson(csv`
      ${header}
      X,X-1,A,2024-01-01,2024-12-31,month,37500,USD,100,500,25%
      X,X-1,B,2024-01-01,2024-12-31,month,8000,USD,,,
      X,X-1,C,2024-01-01,2024-12-31,month,4500,USD,,,
      X,X-1,A,2025-01-01,2025-12-31,month,46800,USD,120,500,22%
      X,X-1,C,2025-01-01,2025-12-31,month,4500,USD,,,
    `, args);
    const u = unit(r, 'X', '2024-12-31');
    expect(u).toMatchObject({ outcome: 'upgraded', expiring: '50000.00', successor: '51300.00', change: '1300.00' });
    expect(u.split).toEqual({ ...zero, quantity: '7500.00', discount: '1800.00', productChurn: '-8000.00' });
  });

  it('splits a product whose quantity, list price and discount all change', async () => {
    // Old 10 × 100, 10% off = 900; new 12 × 110, 20% off = 1,056; change +156.
    // quantity (12 − 10) × 90 = +180; list 12 × (110 − 100) × 0.9 = +108; discount 12 × 110 × (0.1 − 0.2) = −132.
    const r = await renewalsJson(csv`
      ${header}
      X,X-1,A,2024-01-01,2024-12-31,month,900,USD,10,100,0.10
      X,X-1,A,2025-01-01,2025-12-31,month,1056,USD,12,110,0.20
    `, args);
    expect(unit(r, 'X', '2024-12-31').split).toEqual({ ...zero, quantity: '180.00', listPrice: '108.00', discount: '-132.00' });
  });

  it('compares monthly prices across billing periods and currencies', async () => {
    // Y: 10 seats at 1,200 a year (100 a month) → 12 seats at 110 a month: quantity +200, list +120.
    // Z: EUR at 1.10: 10 × 100 EUR (1,100 USD) → 11 × 100 EUR (1,210 USD): quantity +110 USD.
    const r = await renewalsJson(csv`
      ${header}
      Y,Y-1,A,2024-01-01,2024-12-31,year,12000,USD,10,1200,0
      Y,Y-1,A,2025-01-01,2025-12-31,month,1320,USD,12,110,0
      Z,Z-1,A,2024-01-01,2024-12-31,month,1000,EUR,10,100,0
      Z,Z-1,A,2025-01-01,2025-12-31,month,1100,EUR,11,100,0
    `, [...args, '--fx', 'EUR=1.10']);
    expect(unit(r, 'Y', '2024-12-31').split).toEqual({ ...zero, quantity: '200.00', listPrice: '120.00' });
    expect(unit(r, 'Z', '2024-12-31')).toMatchObject({ expiring: '1100.00', successor: '1210.00' });
    expect(unit(r, 'Z', '2024-12-31').split).toEqual({ ...zero, quantity: '110.00' });
  });

  it('puts the rounding of line MRRs into unattributed, so the parts sum to the cent', async () => {
    // 1 × 1,000 a year = 83.33 a month (83.333… rounded); 2 × 1,000 a year = 166.67. Change 83.34; the
    // quantity effect (2 − 1) × 83.333… rounds to 83.33, and the last cent is unattributed.
    const r = await renewalsJson(csv`
      ${header}
      X,X-1,A,2024-01-01,2024-12-31,year,1000,USD,1,1000,0
      X,X-1,A,2025-01-01,2025-12-31,year,2000,USD,2,1000,0
    `, args);
    expect(unit(r, 'X', '2024-12-31')).toMatchObject({ change: '83.34' });
    expect(unit(r, 'X', '2024-12-31').split).toEqual({ ...zero, quantity: '83.33', unattributed: '0.01' });
  });

  it('leaves a product with several prices, or without quantity and price, unattributed; a new product is cross-sell', async () => {
    // A has two lines at different prices in the old term: its whole change (+50) is unattributed.
    // B has no quantity/price: its change (+20) is unattributed. C is new: cross-sell +70.
    const r = await renewalsJson(csv`
      ${header}
      X,X-1,A,2024-01-01,2024-12-31,month,100,USD,1,100,0
      X,X-1,A,2024-01-01,2024-12-31,month,150,USD,1,150,0
      X,X-1,B,2024-01-01,2024-12-31,month,80,USD,,,
      X,X-1,A,2025-01-01,2025-12-31,month,300,USD,2,150,0
      X,X-1,B,2025-01-01,2025-12-31,month,100,USD,,,
      X,X-1,C,2025-01-01,2025-12-31,month,70,USD,1,70,0
    `, args);
    const u = unit(r, 'X', '2024-12-31');
    expect(u.change).toBe('140.00');
    expect(u.split).toEqual({ ...zero, crossSell: '70.00', unattributed: '70.00' });
  });

  it('sums the quantities of several lines of one product at one price', async () => {
    // Old: two lines of A, 3 and 2 seats at 100 = 500; new: one line of 8 seats = 800: quantity +300.
    const r = await renewalsJson(csv`
      ${header}
      X,X-1,A,2024-01-01,2024-12-31,month,300,USD,3,100,0
      X,X-1,A,2024-01-01,2024-12-31,month,200,USD,2,100,0
      X,X-1,A,2025-01-01,2025-12-31,month,800,USD,8,100,0
    `, args);
    expect(unit(r, 'X', '2024-12-31').split).toEqual({ ...zero, quantity: '300.00' });
  });
});
