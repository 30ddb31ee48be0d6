// Source detection from the header row alone (src/io/detect-source.ts): the header lists are the ones of
// ../shared/docs/DOMAIN.md §4 as exported by each system.
import { describe, expect, it } from 'vitest';
import { detectSource } from '../../src/io/detect-source.js';
import { mapColumns } from '../../src/io/column-map.js';
import { profileNamed } from '../../src/io/source-profiles.js';

const headerLists: [string, string[]][] = [
  ['stripe', ['id', 'Customer ID', 'Customer Name', 'Customer Email', 'Plan', 'Product', 'Quantity', 'Currency', 'Interval', 'Amount', 'Status', 'Cancellation Reason', 'Created (UTC)', 'Start (UTC)', 'Current Period Start (UTC)', 'Current Period End (UTC)', 'Trial Start (UTC)', 'Trial End (UTC)', 'Canceled At (UTC)', 'Ended At (UTC)', 'service (metadata)']],
  ['salesforce', ['Opportunity Name', 'Opportunity Owner', 'Opportunity ID', 'Account Name', 'Type', 'Stage', 'Probability (%)', 'Forecast Category', 'Fiscal Period', 'Lead Source', 'Created Date', 'Close Date', 'Amount', 'Opportunity Currency']],
  ['salesforce', ['Account Name', 'Contract Number', 'Contract Start Date', 'Contract End Date', 'Contract Term (months)', 'Status', 'ARR']],
  ['hubspot', ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Deal owner', 'Deal probability', 'Deal Type', 'Amount', 'Amount in company currency', 'Currency', 'Create Date', 'Close Date', 'Associated Company', 'Is Closed Won']],
  ['chargebee', ['id', 'customer_id', 'status', 'billing_period', 'billing_period_unit', 'activated_at', 'cancelled_at', 'cancel_reason', 'cancel_reason_code', 'current_term_start', 'current_term_end', 'mrr', 'currency_code']],
  ['recurly', ['uuid', 'account_code', 'email', 'plan_code', 'state', 'auto_renew', 'currency', 'quantity', 'unit_amount', 'add_on_amount', 'total_recurring_amount', 'activated_at', 'canceled_at', 'expired_at', 'expiration_reason']],
  ['generic', ['customer_id', 'contract_id', 'start_date', 'end_date', 'mrr', 'currency']],
  // A canonical file that shares some names with Chargebee (customer_id, mrr, cancelled_at, currency_code) is still generic:
  // Chargebee's signature is made of the columns only Chargebee writes.
  ['generic', ['customer_id', 'start_date', 'cancelled_at', 'mrr', 'currency_code']],
  // Stripe-like names without the (UTC) columns: generic (the Stripe profile would not find a start date).
  ['generic', ['Customer ID', 'Plan', 'Interval', 'Status', 'Amount', 'Start Date']],
];

describe('detectSource', () => {
  it.each(headerLists)('detects %s from its export headers', (name, headers) => {
    const detection = detectSource(headers);
    expect(detection.profile.name).toBe(name);
    expect(detection.forced).toBe(false);
    if (name !== 'generic') expect(detection.reason).toMatch(new RegExp(`^\\d+ ${name} signature headers: `));
  });

  it('compares headers without case, spaces or punctuation', () => {
    expect(detectSource(['created_utc', 'CURRENT PERIOD END UTC', 'canceled-at-utc', 'customer id']).profile.name).toBe('stripe');
  });

  it('says why, and names the runner-up', () => {
    const d = detectSource(['Created (UTC)', 'Start Date (UTC)', 'Ended At (UTC)', 'Customer ID', 'Amount', 'Interval']);
    expect(d.reason).toBe('3 stripe signature headers: Created (UTC), Start Date (UTC), Ended At (UTC)');
    const generic = detectSource(['customer_id', 'start_date', 'mrr', 'Stage', 'Close Date']);
    expect(generic.profile.name).toBe('generic');
    expect(generic.reason).toBe('no source signature matched enough headers (best: salesforce, 2 of 3 needed); canonical names and aliases apply');
    expect(generic.runnerUp).toEqual({ name: 'salesforce', score: 2 });
  });

  it('--source forces a profile whatever the headers', () => {
    const d = detectSource(['customer_id', 'start_date', 'mrr'], 'chargebee');
    expect(d.profile.name).toBe('chargebee');
    expect(d).toMatchObject({ forced: true, reason: '--source chargebee' });
  });
});

describe('mapColumns with a profile', () => {
  it('maps the profile candidates, keeps coalesced fallbacks, and leaves rule columns as dimensions', () => {
    const headers = ['id', 'Customer ID', 'Plan', 'Quantity', 'Interval', 'Amount', 'Status', 'Created (UTC)', 'Start Date (UTC)', 'Current Period End (UTC)', 'Canceled At (UTC)', 'Ended At (UTC)', 'Cancel At Period End', 'tier (metadata)'];
    const map = mapColumns(headers, new Map(), 'f.csv', { billingPeriod: false }, profileNamed('stripe'));
    if (Array.isArray(map)) throw new Error(map.map((d) => d.message).join('; '));
    expect(map.index).toMatchObject({ customer_id: 1, contract_id: 0, product: 2, quantity: 3, billing_period: 4, amount: 5, start_date: 8, cancel_date: 11 });
    expect(map.plan?.alternates.start_date).toEqual([7]); // Created (UTC) when Start Date (UTC) is empty
    expect(map.plan?.cancelAtPeriodEnd).toEqual({ requested: 10, flag: 12, periodEnd: 9 });
    expect([...map.dimensions.keys()]).toEqual(['Status', 'Current Period End (UTC)', 'Canceled At (UTC)', 'Cancel At Period End', 'tier (metadata)', 'tier']);
  });

  it('an explicit --column wins over the profile, and CANONICAL= maps nothing (not even by alias)', () => {
    const headers = ['customer_id', 'start_date', 'amount', 'billing_period', 'currency', 'AUD'];
    const map = mapColumns(headers, new Map([['amount', 'AUD'], ['currency', '']]), 'f.csv', { billingPeriod: false });
    if (Array.isArray(map)) throw new Error('mapping failed');
    expect(map.index.amount).toBe(5);
    expect(map.index.currency).toBeUndefined();
    expect(map.dimensions.has('currency')).toBe(true);
  });
});
