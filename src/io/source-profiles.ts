// Source profiles: how the exports of common billing and CRM systems become lines (METRICS.md §1, §8).
// A profile is data, never a code path: candidate headers per canonical column, the headers that identify
// the source, the unit of its amounts, and the per-column rules (status → exclude, cancel at period end, …)
// that row-plan.ts turns into field positions once per file. docs/sources.md explains each reading.
import type { CanonicalColumn } from './column-map.js';

export const sourceNames = ['stripe', 'salesforce', 'hubspot', 'chargebee', 'recurly', 'generic'] as const;
export type SourceName = (typeof sourceNames)[number];

/** Rows left out by the value of one column; values compare by normalized prefix ("Closed Lost (Sales)" → closedlost…). */
export interface ExclusionRule {
  column: readonly string[];
  /** Normalized value prefix → reason the row is excluded; '' as a reason keeps the row. First match wins. */
  values: readonly (readonly [prefix: string, reason: string])[];
  /** Reason for a non-empty value that no prefix matches (undefined: keep). */
  otherwise?: string;
  /** Exclude only when the row's money is zero (trials at 0). */
  onlyWhenZero?: boolean;
}

export type MoneySource = 'mrr' | 'arr' | 'amount' | 'unit';

export interface SourceProfile {
  name: SourceName;
  title: string;
  /** Headers whose presence identifies the source; the best-scoring profile with at least `minimumScore` wins. */
  signature: readonly string[];
  minimumScore: number;
  /** Candidate headers per canonical column, in priority order. */
  columns: Partial<Record<CanonicalColumn, readonly string[]>>;
  /** Canonical columns read from the first non-empty of their present candidates, row by row. */
  coalesce: readonly CanonicalColumn[];
  /** Canonical columns still looked up by the generic aliases when no candidate is present. */
  aliasFallback: readonly CanonicalColumn[] | 'all';
  /** Money columns in the order a row tries them (first non-empty wins). */
  moneyOrder: readonly MoneySource[];
  amountUnit: 'major' | 'minor';
  /** `amount` is per unit: multiplied by quantity (empty quantity = 1). */
  amountPerUnit: boolean;
  /** Discount column holds percentages (25 = 25 %). */
  discountIsPercent: boolean;
  /** Billing period = count column × unit column (the unit mapped to billing_period). */
  periodCount?: readonly string[];
  /** Billing period = the span between these two date columns (end exclusive), when the row has none. */
  periodSpan?: { from: readonly string[]; to: readonly string[] };
  /** Amounts with no billing period cover the line's own span (as --billing-period span). */
  spanByDefault: boolean;
  /** end_date = start + N months − 1 day when the end is empty (Salesforce Contract Term). */
  termMonths?: readonly string[];
  /** A cancellation requested at `requested` takes effect at `periodEnd` when `flag` is true (or always). */
  cancelAtPeriodEnd?: { requested: readonly string[]; flag: readonly string[] | 'always'; periodEnd: readonly string[] };
  /** Service (and MRR) starts when the trial ends; a cancellation on or before that day excludes the row. */
  trialEnd?: readonly string[];
  /** Naive date-times in headers containing this text are UTC (converted to --timezone). */
  utcMarker?: string;
  /** Dimension name = header without this suffix (Stripe `plan_tier (metadata)` → `plan_tier`). */
  dimensionSuffix?: string;
  exclusions: readonly ExclusionRule[];
  /** How rows become lines, one sentence each (printed by `retain inspect`, restated in docs/sources.md). */
  notes: readonly string[];
}

/** An exclusion on a boolean trial flag, only for rows whose money is zero. */
const trialAtZero = (column: readonly string[]): ExclusionRule => ({
  column,
  values: ['true', 'yes', '1'].map((v) => [v, 'trial at zero amount'] as const),
  onlyWhenZero: true,
});
const chargeType: ExclusionRule = {
  column: ['Charge Type', 'charge_type', 'SBQQ__ChargeType__c'],
  values: [['onetime', 'one-time charge'], ['usage', 'usage charge'], ['recurring', '']],
};
const wonStage = (column: readonly string[]): ExclusionRule => ({
  column,
  values: [['closedwon', ''], ['closedlost', 'closed-lost deal']],
  otherwise: 'open deal (not closed won)',
});

export const sourceProfiles: readonly SourceProfile[] = [
  {
    name: 'stripe',
    title: 'Stripe subscriptions export',
    signature: ['Created (UTC)', 'Start (UTC)', 'Start Date (UTC)', 'Current Period Start (UTC)', 'Current Period End (UTC)', 'Canceled At (UTC)', 'Ended At (UTC)', 'Cancel At Period End', 'Trial Start (UTC)', 'Trial End (UTC)'],
    minimumScore: 3,
    columns: {
      customer_id: ['Customer ID', 'Customer'],
      contract_id: ['id', 'Subscription ID'],
      product: ['Plan', 'Product'],
      start_date: ['Start Date (UTC)', 'Start (UTC)', 'Created (UTC)'],
      cancel_date: ['Ended At (UTC)'],
      amount: ['Amount'],
      billing_period: ['Interval'],
      quantity: ['Quantity'],
      currency: ['Currency'],
      churn_reason: ['Cancellation Reason'],
    },
    coalesce: ['start_date'],
    aliasFallback: ['renews', 'booked_date'],
    moneyOrder: ['amount'],
    amountUnit: 'major',
    amountPerUnit: true,
    discountIsPercent: false,
    periodCount: ['Interval Count'],
    spanByDefault: false,
    cancelAtPeriodEnd: { requested: ['Canceled At (UTC)'], flag: ['Cancel At Period End'], periodEnd: ['Current Period End (UTC)'] },
    trialEnd: ['Trial End (UTC)'],
    utcMarker: '(UTC)',
    dimensionSuffix: ' (metadata)',
    exclusions: [{ column: ['Status'], values: [['incompleteexpired', 'incomplete (never paid)'], ['incomplete', 'incomplete (never paid)'], ['trialing', 'in trial (not paying yet)']] }],
    notes: [
      'one row per subscription; the line runs from Start Date (or Start, or Created), or from Trial End when later, with no end date (evergreen) until cancelled',
      'MRR = Amount × Quantity ÷ months of Interval (× Interval Count); Amount is the plan price per unit per interval, in major units',
      'cancel_date = Ended At; else Canceled At, moved to Current Period End when Cancel At Period End is true (service runs to the period end)',
      'Status incomplete, incomplete_expired and trialing rows are excluded; a subscription cancelled before its trial ended is excluded',
      '`<key> (metadata)` columns are dimensions named `<key>`',
    ],
  },
  {
    name: 'salesforce',
    title: 'Salesforce opportunity, contract or CPQ subscription report',
    signature: ['Opportunity Name', 'Opportunity ID', 'Opportunity Owner', 'Account ID', 'Stage', 'Close Date', 'Probability (%)', 'Fiscal Period', 'Forecast Category', 'Opportunity Currency', 'Contract Start Date', 'Contract End Date', 'Contract Term (months)', 'Contract Number', 'Sales Price', 'List Price', 'Total Price', 'Net Price', 'Subscription Start Date', 'Subscription End Date', 'Charge Type'],
    minimumScore: 3,
    columns: {
      customer_id: ['Account ID', 'Account Name', 'Account'],
      contract_id: ['Contract Number', 'Contract ID', 'Contract'],
      product: ['Product Name', 'Product', 'Product Code'],
      start_date: ['Contract Start Date', 'Subscription Start Date', 'Start Date', 'Service Date', 'Close Date'],
      end_date: ['Contract End Date', 'Subscription End Date', 'End Date'],
      cancel_date: ['Terminated Date', 'Cancellation Date'],
      arr: ['ARR', 'Annual Recurring Revenue'],
      mrr: ['MRR', 'Monthly Recurring Revenue'],
      amount: ['Total Price', 'Net Total', 'Amount'],
      quantity: ['Quantity'],
      unit_price: ['Sales Price', 'Net Price', 'Customer Price'],
      discount: ['Discount', 'Additional Disc. (%)'],
      currency: ['Opportunity Currency', 'Currency', 'Currency ISO Code'],
      booked_date: ['Close Date'],
      churn_reason: ['Churn Reason', 'Loss Reason', 'Closed Lost Reason'],
    },
    coalesce: ['start_date'],
    aliasFallback: ['renews'],
    moneyOrder: ['mrr', 'arr', 'amount', 'unit'],
    amountUnit: 'major',
    amountPerUnit: false,
    discountIsPercent: true,
    spanByDefault: true,
    termMonths: ['Contract Term (months)', 'Contract Term', 'Subscription Term'],
    exclusions: [wonStage(['Stage']), chargeType],
    notes: [
      'one row per opportunity, opportunity product, contract or CPQ subscription; customer = Account ID (or Account Name)',
      'the line runs from Contract Start Date (else Subscription Start Date, Start Date, Service Date, Close Date) to Contract End Date, or start + Contract Term (months) − 1 day',
      'money: MRR, else ARR ÷ 12, else Total Price / Amount, else Quantity × Sales Price × (1 − Discount %); an amount covers the line’s own span unless --billing-period says otherwise',
      'booked_date = Close Date; Type (New Business / Renewal / Add-On) stays a dimension',
      'Stage Closed Lost and open stages are excluded; Charge Type One-Time and Usage are excluded',
    ],
  },
  {
    name: 'hubspot',
    title: 'HubSpot deals export (English labels)',
    signature: ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Deal owner', 'Deal Type', 'Create Date', 'Associated Company', 'Associated Company IDs', 'Is Closed Won', 'Is closed lost', 'Amount in company currency', 'Deal probability', 'Last Modified Date'],
    minimumScore: 3,
    columns: {
      customer_id: ['Associated Company IDs (Primary)', 'Associated Company IDs', 'Associated Company (Primary)', 'Associated Company', 'Company name', 'Company'],
      product: ['Product', 'Line item', 'Plan'],
      start_date: ['Contract Start Date', 'Subscription start date', 'Start Date', 'Close Date'],
      end_date: ['Contract End Date', 'Subscription end date', 'End Date'],
      cancel_date: ['Cancelled at', 'Canceled at', 'Cancellation date'],
      mrr: ['Monthly recurring revenue'],
      arr: ['Annual recurring revenue'],
      amount: ['Amount'],
      currency: ['Currency', 'Deal currency code'],
      booked_date: ['Close Date'],
      churn_reason: ['Churn reason', 'Cancellation reason'],
    },
    coalesce: ['start_date'],
    aliasFallback: ['contract_id', 'renews', 'billing_period'],
    moneyOrder: ['mrr', 'arr', 'amount'],
    amountUnit: 'major',
    amountPerUnit: false,
    discountIsPercent: false,
    spanByDefault: true,
    termMonths: ['Contract Term (months)', 'Contract length (months)', 'Term (months)'],
    exclusions: [wonStage(['Deal Stage']), { column: ['Is Closed Won'], values: [['true', ''], ['false', 'not closed won']] }],
    notes: [
      'one row per deal; customer = Associated Company IDs (or Associated Company name)',
      'the line runs from Contract Start Date (else Start Date, else Close Date) to Contract End Date, or start + Contract Term (months) − 1 day',
      'money: Monthly recurring revenue, else Annual recurring revenue ÷ 12, else Amount over the line’s own span',
      'booked_date = Close Date; Deal Type (New Business / Existing Business) stays a dimension',
      'Deal Stage Closed Lost and open stages (or Is Closed Won = false) are excluded',
    ],
  },
  {
    name: 'chargebee',
    title: 'Chargebee subscriptions export',
    signature: ['billing_period', 'billing_period_unit', 'current_term_start', 'current_term_end', 'cancel_reason_code', 'plan_quantity', 'plan_unit_price', 'plan_amount', 'due_invoices_count', 'auto_collection', 'remaining_billing_cycles'],
    minimumScore: 3,
    columns: {
      customer_id: ['customer_id'],
      contract_id: ['id', 'subscription_id'],
      product: ['plan_id', 'item_price_id', 'plan_name'],
      start_date: ['activated_at', 'started_at', 'start_date', 'created_at', 'current_term_start'],
      cancel_date: ['cancelled_at'],
      amount: ['plan_amount'],
      mrr: ['mrr'],
      quantity: ['plan_quantity'],
      unit_price: ['plan_unit_price'],
      billing_period: ['billing_period_unit'],
      currency: ['currency_code'],
      churn_reason: ['cancel_reason_code', 'cancel_reason'],
    },
    coalesce: ['start_date'],
    aliasFallback: ['renews'],
    moneyOrder: ['amount', 'unit', 'mrr'],
    amountUnit: 'minor',
    amountPerUnit: false,
    discountIsPercent: false,
    periodCount: ['billing_period'],
    spanByDefault: false,
    exclusions: [{ column: ['status'], values: [['intrial', 'in trial (not paying yet)']] }],
    notes: [
      'one row per subscription; the line runs from activated_at (the end of any trial; else started_at, created_at, current_term_start), evergreen until cancelled_at',
      'money in minor units (cents), as Chargebee exports it: plan_amount per billing_period × billing_period_unit, else plan_quantity × plan_unit_price, else mrr',
      'status in_trial rows are excluded',
    ],
  },
  {
    name: 'recurly',
    title: 'Recurly subscriptions or churned-subscriptions export',
    signature: ['uuid', 'account_code', 'plan_code', 'state', 'unit_amount', 'total_recurring_amount', 'expires_at', 'expired_at', 'expiration_reason', 'current_period_started_at', 'current_period_ends_at', 'add_on_amount', 'auto_renew'],
    minimumScore: 4,
    columns: {
      customer_id: ['account_code'],
      contract_id: ['uuid', 'subscription_uuid', 'subscription_id'],
      product: ['plan_code', 'plan_name'],
      start_date: ['activated_at', 'created_at'],
      cancel_date: ['expires_at', 'expired_at'],
      amount: ['total_recurring_amount'],
      quantity: ['quantity'],
      unit_price: ['unit_amount'],
      billing_period: ['plan_interval_unit'],
      currency: ['currency'],
      churn_reason: ['expiration_reason'],
    },
    coalesce: ['start_date', 'cancel_date'],
    aliasFallback: ['renews'],
    moneyOrder: ['amount', 'unit'],
    amountUnit: 'major',
    amountPerUnit: false,
    discountIsPercent: false,
    periodCount: ['plan_interval_length'],
    periodSpan: { from: ['current_period_started_at'], to: ['current_period_ends_at'] },
    spanByDefault: false,
    cancelAtPeriodEnd: { requested: ['canceled_at'], flag: 'always', periodEnd: ['current_period_ends_at'] },
    exclusions: [{ column: ['state'], values: [['intrial', 'in trial (not paying yet)']] }],
    notes: [
      'one row per subscription; the line runs from activated_at, evergreen until expires_at (or expired_at)',
      'a subscription canceled but not yet expired runs to current_period_ends_at (Recurly cancels at renewal)',
      'money: total_recurring_amount (unit × quantity + add-ons), else unit_amount × quantity, per plan interval, else per the current period (current_period_started_at → current_period_ends_at)',
      'state in_trial rows are excluded',
    ],
  },
  {
    name: 'generic',
    title: 'canonical layout (customer_id, start_date, mrr, … or their aliases)',
    signature: [],
    minimumScore: 0,
    columns: {},
    coalesce: [],
    aliasFallback: 'all',
    moneyOrder: ['mrr', 'arr', 'amount', 'unit'],
    amountUnit: 'major',
    amountPerUnit: false,
    discountIsPercent: false,
    spanByDefault: false,
    utcMarker: '(UTC)',
    exclusions: [trialAtZero(['is_trial', 'trial', 'is trial']), chargeType],
    notes: [
      'headers matched to canonical columns by name and aliases (README, Input columns)',
      'rows flagged is_trial with zero money are excluded; Charge Type One-Time and Usage rows are excluded',
    ],
  },
];

export function profileNamed(name: SourceName): SourceProfile {
  const profile = sourceProfiles.find((p) => p.name === name);
  if (!profile) throw new RangeError(`no source profile ${name}`);
  return profile;
}
