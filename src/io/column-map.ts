// CRM and billing headers → the canonical columns of METRICS.md §1. Names are compared without case,
// spaces or punctuation ("Customer ID" = "customer_id" = "customerid"); explicit --column maps win.
// Every header not mapped stays available as a dimension for segments.
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildRowPlan, planHasPeriod, type PlanDefaults, type RowPlan } from './row-plan.js';
import { profileNamed, type SourceProfile } from './source-profiles.js';

export const canonicalColumns = [
  'customer_id',
  'contract_id',
  'product',
  'start_date',
  'end_date',
  'cancel_date',
  'mrr',
  'arr',
  'amount',
  'billing_period',
  'quantity',
  'unit_price',
  'discount',
  'currency',
  'churn_reason',
  'booked_date',
  'renews',
] as const;

export type CanonicalColumn = (typeof canonicalColumns)[number];

/** Aliases in priority order, after the canonical name itself. */
export const columnAliases: Record<CanonicalColumn, readonly string[]> = {
  customer_id: ['customer', 'customer id', 'account id', 'account', 'account code', 'customer code', 'client id', 'company id', 'organization id'],
  contract_id: ['contract', 'contract id', 'contract number', 'subscription id', 'subscription', 'agreement id'],
  product: ['product', 'product name', 'product code', 'sku', 'plan', 'plan code', 'plan id', 'item'],
  start_date: ['start', 'start date', 'contract start date', 'service start', 'service start date', 'period start', 'term start', 'subscription start', 'valid from'],
  end_date: ['end', 'end date', 'contract end date', 'service end', 'service end date', 'period end', 'term end', 'subscription end', 'valid to'],
  cancel_date: ['cancel date', 'cancelled at', 'canceled at', 'cancellation date', 'cancelled on', 'canceled on', 'cancel at'],
  mrr: ['mrr', 'mrr amount', 'monthly amount', 'monthly recurring revenue', 'monthly value', 'monthly fee'],
  arr: ['arr', 'arr amount', 'annual recurring revenue', 'annual amount', 'annual value'],
  amount: ['amount', 'price', 'line amount', 'net amount', 'total amount', 'invoice amount'],
  billing_period: ['billing period', 'billing frequency', 'billing interval', 'billing cycle', 'interval', 'frequency'],
  quantity: ['quantity', 'qty', 'seats', 'units', 'licenses', 'licences'],
  unit_price: ['unit price', 'list price', 'sales price', 'unit amount', 'price per unit'],
  discount: ['discount', 'discount rate', 'discount pct', 'discount percent', 'discount percentage'],
  currency: ['currency', 'currency code', 'curr'],
  churn_reason: ['churn reason', 'cancel reason', 'cancellation reason', 'reason code', 'expiration reason', 'reason'],
  booked_date: ['booked date', 'booking date', 'close date', 'signed date', 'order date'],
  renews: ['renews', 'renews contract', 'renewal of', 'renewed from', 'previous contract', 'previous contract id'],
};

export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface ColumnMap {
  /** Field position (0-based) of each mapped canonical column. */
  index: Partial<Record<CanonicalColumn, number>>;
  headers: readonly string[];
  /** Headers not mapped to a canonical column, by position. */
  dimensions: ReadonlyMap<string, number>;
  /** The discount column holds percentages (its name says pct/percent/%). */
  discountIsPercent: boolean;
  /** The source profile's per-file decisions (row-plan.ts); absent = the generic layout. */
  plan?: RowPlan;
}

export function isCanonicalColumn(name: string): name is CanonicalColumn {
  return (canonicalColumns as readonly string[]).includes(name);
}

/**
 * Maps a header row. `explicit` is --column canonical=Header. Returns the map or the diagnostics
 * (duplicate headers, an explicit mapping naming no header, a missing required column).
 */
export function mapColumns(
  headers: readonly string[],
  explicit: ReadonlyMap<CanonicalColumn, string>,
  file: string,
  defaults: { billingPeriod: boolean } & Partial<PlanDefaults>,
  profile: SourceProfile = profileNamed('generic'),
): ColumnMap | Diagnostic[] {
  const problems: Diagnostic[] = [];
  const normalized = headers.map(normalizeHeader);
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalized[i] ?? '';
    const first = seen.get(key);
    if (first !== undefined && key !== '') {
      problems.push(
        error('DUPLICATE_HEADER', `header "${h}" (column ${i + 1}) repeats "${headers[first]}" (column ${first + 1})`, { file, line: 1, column: i + 1, columnName: h }, 'rename one of the columns'),
      );
    } else seen.set(key, i);
  });
  const index: Partial<Record<CanonicalColumn, number>> = {};
  const used = new Set<number>();
  const unmapped = new Set<CanonicalColumn>();
  for (const [canonical, header] of explicit) {
    if (header === '') {
      unmapped.add(canonical); // --column currency=: no column for it, not even by alias
      continue;
    }
    const position = normalized.indexOf(normalizeHeader(header));
    if (position < 0) {
      problems.push(
        error('UNKNOWN_COLUMN_MAPPING', `--column ${canonical}="${header}" names no header; headers are: ${headers.join(', ')}`, { file, line: 1 }, 'use one of the headers listed'),
      );
      continue;
    }
    index[canonical] = position;
    used.add(position);
  }
  const find = (name: string): number => normalized.indexOf(normalizeHeader(name));
  const plan = buildRowPlan(profile, headers, find, { billingSpan: defaults.billingSpan ?? false, amountUnit: defaults.amountUnit });
  // The profile's own candidates first (a header may feed two columns, e.g. Close Date → start and booked),
  // then the generic aliases for the columns the profile leaves to them, never on a header the profile reads.
  const alternates: Partial<Record<CanonicalColumn, number[]>> = {};
  for (const canonical of canonicalColumns) {
    if (index[canonical] !== undefined || unmapped.has(canonical)) continue;
    const present = (profile.columns[canonical] ?? []).map(find).filter((p) => p >= 0);
    const [primary, ...rest] = present;
    if (primary === undefined) continue;
    index[canonical] = primary;
    for (const p of present) used.add(p);
    if (rest.length > 0 && profile.coalesce.includes(canonical)) alternates[canonical] = rest;
  }
  plan.alternates = alternates;
  for (const canonical of canonicalColumns) {
    if (index[canonical] !== undefined || unmapped.has(canonical)) continue;
    if (profile.aliasFallback !== 'all' && !profile.aliasFallback.includes(canonical)) continue;
    for (const candidate of [canonical, ...columnAliases[canonical]]) {
      const position = find(candidate);
      if (position >= 0 && !used.has(position) && !plan.auxiliary.has(position)) {
        index[canonical] = position;
        used.add(position);
        break;
      }
    }
  }
  const missing = (what: string, flag: string): void => {
    problems.push(
      error('MISSING_COLUMN', `no column for ${what}; headers are: ${headers.join(', ')}`, { file, line: 1 }, `map one with ${flag}`),
    );
  };
  if (index.customer_id === undefined) missing('customer_id', '--column customer_id="Account ID"');
  if (index.start_date === undefined) missing('start_date', '--column start_date="Start Date"');
  const hasUnitPricing = index.quantity !== undefined && index.unit_price !== undefined;
  if (index.mrr === undefined && index.arr === undefined && index.amount === undefined && !hasUnitPricing) {
    missing('mrr, arr or amount', '--column mrr="Monthly Value"');
  }
  if (index.mrr === undefined && index.arr === undefined && index.billing_period === undefined && !defaults.billingPeriod && !planHasPeriod(plan)) {
    missing('billing_period (amounts need one)', '--column billing_period="Interval", or give --billing-period month');
  }
  if (problems.length > 0) return problems;
  const dimensions = new Map<string, number>();
  const suffix = profile.dimensionSuffix;
  headers.forEach((h, i) => {
    if (used.has(i) || h === '') return;
    dimensions.set(h, i);
    // Stripe `plan_tier (metadata)` is also reachable as `plan_tier`.
    if (suffix !== undefined && h.endsWith(suffix) && h.length > suffix.length) {
      const short = h.slice(0, -suffix.length).trim();
      if (!dimensions.has(short)) dimensions.set(short, i);
    }
  });
  const discountHeader = index.discount === undefined ? '' : (headers[index.discount] ?? '');
  return { index, headers, dimensions, discountIsPercent: plan.discountIsPercent || /pct|percent|%/i.test(discountHeader), plan };
}
