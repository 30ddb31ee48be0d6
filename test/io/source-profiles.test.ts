// How each source profile turns rows into lines (docs/sources.md): small exports written from each system's
// header list, read through the real reader; expected lines worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { readLines } from '../helpers/read-lines.js';
import { TimeZone } from '../../src/model/time-zone.js';

describe('stripe subscriptions', () => {
  const header = 'id,Customer ID,Plan,Quantity,Currency,Interval,Amount,Status,Start Date (UTC),Current Period Start (UTC),Current Period End (UTC),Trial End (UTC),Canceled At (UTC),Ended At (UTC),Cancel At Period End,tier (metadata)';

  it('MRR = Amount × Quantity ÷ months of Interval; weeks on the 365.25-day year', async () => {
    const { lines, result } = await readLines(csv`
      ${header}
      sub_1,cus_1,team,5,usd,month,50.00,active,2024-01-01 00:00,2024-06-01 00:00,2024-07-01 00:00,,,,false,gold
      sub_2,cus_2,annual,1,eur,year,1200.00,active,2024-01-01 00:00,2024-01-01 00:00,2025-01-01 00:00,,,,false,
      sub_3,cus_3,weekly,1,usd,week,70.00,past_due,2024-01-01 00:00,2024-06-24 00:00,2024-07-01 00:00,,,,false,
    `);
    expect(result.readings[0]?.detection.profile.name).toBe('stripe');
    // 5 × 50.00 = 250.00; 1200 EUR a year = 100 EUR = 110.00 USD; 70 a week × 1461 / 336 = 304.375 → 304.38 (half-even: …37.5 → …38).
    expect(lines.map((l) => l.mrr)).toEqual([25000, 11000, 30438]);
    expect(lines.map((l) => [l.contract, l.product, l.end])).toEqual([
      ['sub_1', 'team', null],
      ['sub_2', 'annual', null],
      ['sub_3', 'weekly', null],
    ]);
  });

  it('cancellations: Ended At first; else Canceled At, moved to the period end when Cancel At Period End is true', async () => {
    const { lines } = await readLines(csv`
      ${header}
      sub_1,cus_1,pro,1,usd,month,10,canceled,2024-01-01 00:00,2024-06-01 00:00,2024-07-01 00:00,,2024-06-12 10:14,2024-07-01 00:00,true,
      sub_2,cus_2,pro,1,usd,month,10,active,2024-01-01 00:00,2024-06-01 00:00,2024-07-01 00:00,,2024-06-12 10:14,,true,
      sub_3,cus_3,pro,1,usd,month,10,canceled,2024-01-01 00:00,2024-06-01 00:00,2024-07-01 00:00,,2024-06-12 10:14,,false,
      sub_4,cus_4,pro,1,usd,month,10,active,2024-01-01 00:00,2024-06-01 00:00,2024-07-01 00:00,,,,false,
    `);
    // cancel_date is the first day without service: Ended At; the period end (not the request day); the request day; none.
    expect(lines.map((l) => l.cancel)).toEqual(['2024-07-01', '2024-07-01', '2024-06-12', null]);
  });

  it('a trial: service and MRR start at Trial End; a trial cancelled by then is excluded; incomplete and trialing rows too', async () => {
    const { lines, result } = await readLines(csv`
      ${header}
      sub_1,cus_1,pro,1,usd,month,10,active,2024-01-18 00:00,2024-06-01 00:00,2024-07-01 00:00,2024-02-01 00:00,,,false,
      sub_2,cus_2,pro,1,usd,month,10,canceled,2024-05-01 00:00,2024-05-01 00:00,2024-05-15 00:00,2024-05-15 00:00,2024-05-10 18:20,2024-05-10 18:20,false,
      sub_3,cus_3,pro,1,usd,month,10,trialing,2025-06-20 00:00,2025-06-20 00:00,2025-07-04 00:00,2025-07-04 00:00,,,false,
      sub_4,cus_4,pro,1,usd,month,10,incomplete_expired,2025-03-03 00:00,2025-03-03 00:00,2025-04-03 00:00,,,,false,
      sub_5,cus_5,pro,1,usd,month,10,incomplete,2025-03-03 00:00,2025-03-03 00:00,2025-04-03 00:00,,,,false,
    `);
    expect(lines.map((l) => [l.customer, l.start])).toEqual([['cus_1', '2024-02-01']]);
    expect(result.accounting).toMatchObject({ rows: 5, used: 1, rejected: 0, excluded: { 'trial cancelled before it converted': 1, 'in trial (not paying yet)': 1, 'incomplete (never paid)': 2 } });
  });

  it('`<key> (metadata)` columns are dimensions reachable as `<key>`', async () => {
    const { result } = await readLines(csv`
      ${header}
      sub_1,cus_1,team,5,usd,month,50.00,active,2024-01-01 00:00,2024-06-01 00:00,2024-07-01 00:00,,,,false,gold
    `, { dimensions: ['tier'] });
    const store = result.store;
    expect(store.dimensionValues[0]!.value(store.dimensions[0]![0]!)).toBe('gold');
  });

  it('naive (UTC) date-times are UTC: --timezone moves them to the local day', async () => {
    const { lines } = await readLines(csv`
      ${header}
      sub_1,cus_1,pro,1,usd,month,10,canceled,2024-01-01 03:00,2024-06-01 00:00,2024-07-01 00:00,,,2024-07-01 02:30,false,
    `, { timeZone: new TimeZone('America/New_York') });
    // 2024-01-01 03:00 UTC = 2023-12-31 22:00 EST; 2024-07-01 02:30 UTC = 2024-06-30 22:30 EDT.
    expect(lines.map((l) => [l.start, l.cancel])).toEqual([['2023-12-31', '2024-06-30']]);
  });
});

describe('salesforce opportunity products', () => {
  const header = 'Opportunity ID,Account ID,Account Name,Type,Stage,Close Date,Contract Start Date,Contract End Date,Contract Term (months),Product Name,Quantity,Sales Price,Discount,Total Price,Opportunity Currency,Charge Type';

  it('a term is Contract Start … End (or start + Contract Term − 1 day); the amount covers the term; Close Date is booked', async () => {
    const { lines, result } = await readLines(csv`
      ${header}
      006A,001A,Acme,New Business,Closed Won,2/15/2023,3/1/2023,2/29/2024,12,pro,1,,,"1,200.00",USD,Recurring
      006B,001B,Birch,New Business,Closed Won,1/20/2023,2/1/2023,,9,starter,1,,,720.00,USD,Recurring
      006C,001C,Cobalt,Renewal,Closed Won,4/17/2024,5/1/2024,4/30/2025,12,team,5,625.00,4,,EUR,Recurring
    `);
    expect(result.readings[0]?.detection.profile.name).toBe('salesforce');
    expect(result.readings[0]?.dateLayout).toMatchObject({ layout: 'MM/DD/YYYY', value: '2/29/2024', line: 2 });
    expect(lines.map((l) => [l.customer, l.start, l.end, l.booked, l.mrr])).toEqual([
      ['001A', '2023-03-01', '2024-02-29', '2023-02-15', 10000], // 1,200 over 12 whole months
      ['001B', '2023-02-01', '2023-10-31', '2023-01-20', 8000], // 2023-02-01 + 9 months − 1 day; 720 / 9
      ['001C', '2024-05-01', '2025-04-30', '2024-04-17', 27500], // 5 × 625 × (1 − 4 %) = 3,000 EUR / 12 = 250 EUR = 275.00 USD
    ]);
  });

  it('closed-lost and open deals and one-time charges are excluded and counted', async () => {
    const { lines, result } = await readLines(csv`
      ${header}
      006A,001A,Acme,New Business,Closed Won,2/15/2023,3/1/2023,2/29/2024,12,pro,1,,,"1,200.00",USD,Recurring
      006B,001A,Acme,Renewal,Closed Lost,2/15/2024,3/1/2024,2/28/2025,12,pro,1,,,"1,200.00",USD,Recurring
      006C,001A,Acme,Add-On,Negotiation/Review,2/15/2024,3/1/2024,2/28/2025,12,addon,1,,,600.00,USD,Recurring
      006D,001A,Acme,New Business,Closed Won,2/15/2023,3/1/2023,3/1/2023,,setup,1,,,"5,000.00",USD,One-Time
    `);
    expect(lines).toHaveLength(1);
    expect(result.accounting.excluded).toEqual({ 'closed-lost deal': 1, 'open deal (not closed won)': 1, 'one-time charge': 1 });
  });

  it('an amount over a span that is not whole months: days ÷ (365.25 ÷ 12)', async () => {
    const { lines } = await readLines(csv`
      ${header}
      006A,001A,Acme,New Business,Closed Won,7/15/2023,8/1/2023,12/15/2023,,starter,1,,,405.09,USD,Recurring
    `);
    // 2023-08-01 … 2023-12-15 is 137 days = 137 × 48 / 1461 months; 405.09 × 1461 / 6576 = 89.9995 → 90.00.
    expect(lines[0]?.mrr).toBe(9000);
  });
});

describe('hubspot deals', () => {
  it('Closed Won deals only; Close Date is the start when no contract dates are given (then the amount needs --billing-period)', async () => {
    const { lines, result } = await readLines(csv`
      Record ID,Deal Name,Deal Stage,Pipeline,Deal Type,Amount,Currency,Close Date,Associated Company IDs,Associated Company,Is Closed Won
      91,Acme new,Closed Won,Sales Pipeline,New Business,1200,USD,2024-03-01,7301,Acme,true
      92,Birch new,Closed Lost,Sales Pipeline,New Business,900,USD,2024-03-05,7302,Birch,false
      93,Cobalt new,Contract sent,Sales Pipeline,New Business,600,USD,2024-03-09,7303,Cobalt,false
    `, { defaultBillingMonths: 12 });
    expect(result.readings[0]?.detection.profile.name).toBe('hubspot');
    expect(lines.map((l) => [l.customer, l.start, l.booked, l.mrr])).toEqual([['7301', '2024-03-01', '2024-03-01', 10000]]);
    expect(result.accounting.excluded).toEqual({ 'closed-lost deal': 1, 'open deal (not closed won)': 1 });
  });
});

describe('chargebee subscriptions', () => {
  const header = 'id,customer_id,plan_id,status,billing_period,billing_period_unit,plan_quantity,plan_unit_price,plan_amount,mrr,currency_code,started_at,activated_at,current_term_start,current_term_end,cancelled_at,cancel_reason_code';

  it('amounts in minor units of the row currency, per billing_period × billing_period_unit', async () => {
    const { lines, result } = await readLines(csv`
      ${header}
      s1,c1,pro,active,3,month,1,13500,13500,4500,USD,2024-01-01T00:00:00Z,2024-01-01T00:00:00Z,,,,
      s2,c2,team,cancelled,1,year,2,60000,120000,0,EUR,2024-01-01T00:00:00Z,2024-02-01T00:00:00Z,,,2025-02-01T00:00:00Z,Budget
      s3,c3,pro,active,1,month,3,400,1200,1200,JPY,2024-01-01T00:00:00Z,2024-01-01T00:00:00Z,,,,
      s4,c4,pro,in_trial,1,month,1,10000,10000,0,USD,2025-06-20T00:00:00Z,,,,,
    `, { fx: new Map([['EUR', { num: 110, den: 100 }], ['JPY', { num: 1, den: 100 }]]) });
    expect(result.readings[0]?.detection.profile.name).toBe('chargebee');
    expect(lines.map((l) => [l.customer, l.start, l.cancel, l.reason, l.mrr])).toEqual([
      ['c1', '2024-01-01', null, '', 4500], // 13500 cents a quarter = 45.00 a month
      // activated_at (after the trial); 120000 EUR cents a year = 100 EUR a month = 110.00 USD; mrr 0 is not used: plan_amount comes first.
      ['c2', '2024-02-01', '2025-02-01', 'Budget', 11000],
      ['c3', '2024-01-01', null, '', 1200], // JPY has no minor unit: 1200 = ¥1,200 a month × 0.01 USD = 12.00 USD
    ]);
    expect(result.accounting.excluded).toEqual({ 'in trial (not paying yet)': 1 });
  });
});

describe('recurly subscriptions', () => {
  it('the billing period is the current period; a cancellation runs to the period end; expires_at wins', async () => {
    const { lines } = await readLines(csv`
      uuid,account_code,plan_code,state,quantity,unit_amount,total_recurring_amount,currency,activated_at,canceled_at,expires_at,current_period_started_at,current_period_ends_at
      u1,a1,annual,active,1,2400.00,2400.00,USD,2024-04-10T00:00:00Z,,,2025-04-10T00:00:00Z,2026-04-10T00:00:00Z
      u2,a2,pro,canceled,2,50.00,,EUR,2024-10-01T00:00:00Z,2025-06-05T14:30:00Z,2025-07-01T00:00:00Z,2025-06-01T00:00:00Z,2025-07-01T00:00:00Z
      u3,a3,pro,expired,1,100.00,100.00,USD,2024-01-01T00:00:00Z,2025-01-20T16:40:00Z,,2025-01-01T00:00:00Z,2025-02-01T00:00:00Z
    `);
    expect(lines.map((l) => [l.customer, l.cancel, l.mrr])).toEqual([
      ['a1', null, 20000], // 2,400 over 2025-04-10 → 2026-04-10 = 12 months
      ['a2', '2025-07-01', 11000], // 2 × 50 EUR a month = 110.00 USD; expires_at
      ['a3', '2025-02-01', 10000], // canceled_at, at the current period end
    ]);
  });
});

describe('generic layout', () => {
  it('a trial flag excludes only rows whose money is zero', async () => {
    const { lines, result } = await readLines(csv`
      customer_id,start_date,mrr,is_trial
      A,2024-01-01,0,true
      B,2024-01-01,50,true
      C,2024-01-01,0,false
    `);
    expect(lines.map((l) => [l.customer, l.mrr])).toEqual([
      ['B', 5000],
      ['C', 0],
    ]);
    expect(result.accounting.excluded).toEqual({ 'trial at zero amount': 1 });
  });
});
