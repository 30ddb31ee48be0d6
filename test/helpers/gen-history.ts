// fast-check arbitraries of contract histories for the property tests (test/property/): customers with
// one to three contracts, each a run of terms (on time, late within or beyond the grace, overlapping,
// or a renewal under a new contract id with or without a `renews` link), lines of several products
// with zero or credit amounts now and then, cancellations before, inside and after a term, evergreen
// last terms; and the report settings (period kind, fiscal year start, grace days, as-of).
import fc from 'fast-check';
import { centsToString, toDay, toIso, type NaivePeriodKind } from '../reference/naive-bridge.js';

export interface HistoryLine {
  customer: string;
  contract: string;
  product: string;
  start: string;
  /** Inclusive; null = evergreen. */
  end: string | null;
  /** First day without service; null = none. */
  cancel: string | null;
  mrrCents: number;
  region: string;
  /** The contract id this line's contract renews (a new id for a renewal), or null. */
  renews: string | null;
}

export interface History {
  lines: HistoryLine[];
  period: NaivePeriodKind;
  fiscalYearStart: number;
  graceDays: number;
  asOf: string;
}

export interface HistoryOptions {
  /** Allow negative (credit) lines; default true. */
  credits?: boolean;
  /** Period kinds to draw from; default all four. */
  periods?: readonly NaivePeriodKind[];
  /** Grace days to draw from; default 0, 5, 30, 90. */
  graces?: readonly number[];
  /** Allow fiscal years not starting in January; default true. */
  fiscal?: boolean;
}

const FIRST_DAY = toDay('2022-01-01');

const lineArb = (credits: boolean) =>
  fc.record({
    product: fc.constantFrom('core', 'seats', 'sso'),
    mrrCents: fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: 1, max: 500_000 }) },
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: credits ? 2 : 0, arbitrary: fc.integer({ min: -200_000, max: -1 }) },
    ),
  });

const termArb = (credits: boolean) =>
  fc.record({
    length: fc.integer({ min: 3, max: 400 }),
    // Days between this term's end and the next term's start − 1: on time, late, far apart, or overlapping.
    gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: 120 }), fc.integer({ min: -20, max: -1 })),
    lines: fc.array(lineArb(credits), { minLength: 1, maxLength: 3 }),
    // Cancel day relative to the term's start, for some lines: before (never active), inside, after the end.
    cancel: fc.option(fc.integer({ min: -3, max: 420 }), { freq: 5 }),
    cancelAllLines: fc.boolean(),
    newContractId: fc.boolean(),
    linkRenewal: fc.boolean(),
  });

const contractArb = (credits: boolean) =>
  fc.record({
    startOffset: fc.integer({ min: 0, max: 1000 }),
    terms: fc.array(termArb(credits), { minLength: 1, maxLength: 4 }),
    evergreenLast: fc.boolean(),
  });

const customerArb = (credits: boolean) =>
  fc.record({
    region: fc.constantFrom('AMER', 'EMEA', 'APAC'),
    contracts: fc.array(contractArb(credits), { minLength: 1, maxLength: 3 }),
  });

export function historyArb(options: HistoryOptions = {}): fc.Arbitrary<History> {
  const credits = options.credits ?? true;
  return fc
    .record({
      customers: fc.array(customerArb(credits), { minLength: 1, maxLength: 5 }),
      period: fc.constantFrom(...(options.periods ?? (['week', 'month', 'quarter', 'year'] as const))),
      fiscalYearStart: options.fiscal === false ? fc.constant(1) : fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 12 })),
      graceDays: fc.constantFrom(...(options.graces ?? [0, 5, 30, 90])),
      asOfOffset: fc.integer({ min: 20, max: 1500 }),
    })
    .map(({ customers, period, fiscalYearStart, graceDays, asOfOffset }) => {
      const lines: HistoryLine[] = [];
      customers.forEach((customer, c) => {
        customer.contracts.forEach((contract, k) => {
          let id = `C${c}-K${k}`;
          let start = FIRST_DAY + contract.startOffset;
          contract.terms.forEach((term, t) => {
            let renews: string | null = null;
            if (t > 0 && term.newContractId) {
              const previous = id;
              id = `C${c}-K${k}-T${t}`;
              renews = term.linkRenewal ? previous : null;
            }
            const end = start + term.length - 1;
            const evergreen = contract.evergreenLast && t === contract.terms.length - 1;
            term.lines.forEach((line, l) => {
              const cancelled = term.cancel !== null && (term.cancelAllLines || l === 0);
              lines.push({
                customer: `C${c}`,
                contract: id,
                product: line.product,
                start: toIso(start),
                end: evergreen ? null : toIso(end),
                cancel: cancelled ? toIso(start + term.cancel!) : null,
                mrrCents: line.mrrCents,
                region: customer.region,
                renews,
              });
            });
            start = end + 1 + term.gap;
          });
        });
      });
      return { lines, period, fiscalYearStart, graceDays, asOf: toIso(FIRST_DAY + asOfOffset) };
    });
}

export const HISTORY_HEADER = 'customer_id,contract_id,product,start_date,end_date,cancel_date,mrr,region,renews';

export function historyRow(line: HistoryLine): string {
  return [line.customer, line.contract, line.product, line.start, line.end ?? '', line.cancel ?? '', centsToString(line.mrrCents), line.region, line.renews ?? ''].join(',');
}

/** The history as one CSV file, rows in the given order (default: as generated). */
export function historyCsv(lines: readonly HistoryLine[]): string {
  return `${HISTORY_HEADER}\n${lines.map(historyRow).join('\n')}\n`;
}

/** The report flags of a history: period, fiscal year, grace and as-of. */
export function historyFlags(history: History): string[] {
  return ['--period', history.period, '--fiscal-year-start', String(history.fiscalYearStart), '--grace-days', String(history.graceDays), '--as-of', history.asOf];
}

/** The contract key of each contract id at contract level: follow `renews` links to the first contract. */
export function contractKeys(lines: readonly HistoryLine[]): Map<string, string> {
  const parent = new Map<string, string>();
  for (const line of lines) if (line.renews !== null && line.renews !== line.contract) parent.set(line.contract, line.renews);
  const keys = new Map<string, string>();
  for (const line of lines) {
    let key = line.contract;
    while (parent.has(key)) key = parent.get(key)!;
    keys.set(line.contract, key);
  }
  return keys;
}
