// The data-quality audit of `retain check` (METRICS.md §1, §8): rules on the line store that flag what would
// make a number untrustworthy before any number is trusted. Pure: lines and contract keys in, findings out,
// each finding a Diagnostic with the rows involved. Line rules here; term rules in data-checks-terms.ts.
import { warning } from '../diagnostics/diagnostic.js';
import { formatDay, type Day } from '../model/calendar.js';
import type { ContractKeys } from '../model/contract-keys.js';
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import { minorToDecimalString } from '../model/money.js';
import { findingAt, type Finding } from './data-check-finding.js';
import { checkTerms } from './data-checks-terms.js';

export interface DataCheckOptions {
  asOf: Day;
  graceDays: number;
  /** Minor-unit digits of the reporting currency, for amounts in messages. */
  digits: number;
  currency: string;
}

export function runDataChecks(store: LineStore, keys: ContractKeys, options: DataCheckOptions): Finding[] {
  const findings: Finding[] = [...lineFindings(store, options), ...currencyFindings(store, options), ...checkTerms(store, keys, options.graceDays)];
  for (const d of keys.diagnostics) {
    findings.push({ diagnostic: d, rows: d.source?.line === undefined ? [] : [{ file: d.source.file, line: d.source.line }] });
  }
  return findings;
}

function lineFindings(store: LineStore, options: DataCheckOptions): Finding[] {
  const findings: Finding[] = [];
  const money = (minor: number): string => `${minorToDecimalString(minor, options.digits)} ${options.currency}`;
  for (let i = 0; i < store.length; i++) {
    const start = store.start[i]!;
    const end = store.end[i]!;
    const cancel = store.cancel[i]!;
    const mrr = store.mrr[i]!;
    if (mrr === 0) {
      findings.push(findingAt(store, i, warning('ZERO_AMOUNT', 'the line’s MRR is 0: it is used, but makes nobody active', undefined, 'drop free lines from the export, or check the amount')));
    } else if (mrr < 0) {
      findings.push(findingAt(store, i, warning('NEGATIVE_AMOUNT', `the line’s MRR is ${money(mrr)}: a credit, counted in its term’s MRR`, undefined, 'check that the credit belongs to this term')));
    }
    if (cancel !== OPEN_DAY && cancel <= start) {
      findings.push(findingAt(store, i, warning('CANCEL_NOT_AFTER_START', `cancel_date ${formatDay(cancel)} is on or before start_date ${formatDay(start)}: the line is never active`, undefined, 'check the dates')));
    } else if (cancel !== OPEN_DAY && end !== OPEN_DAY && cancel > end + 1) {
      findings.push(findingAt(store, i, warning('CANCEL_OUTSIDE_TERM', `cancel_date ${formatDay(cancel)} is after the term ends (${formatDay(end)}): it changes nothing`, undefined, 'check which term the cancellation belongs to')));
    }
    if (start > options.asOf) {
      findings.push(findingAt(store, i, warning('START_AFTER_AS_OF', `start_date ${formatDay(start)} is after as-of ${formatDay(options.asOf)}: reports ignore the line until then`, undefined, 'expected for signed future terms; otherwise check --as-of or the date')));
    }
  }
  return findings;
}

/** A customer billed in several currencies: FX turns currency moves into expansion or contraction. */
function currencyFindings(store: LineStore, options: DataCheckOptions): Finding[] {
  if (!store.keepsCurrency) return [];
  const reportingId = store.currencies.id(options.currency);
  const emptyId = store.currencies.id('');
  const firstLineOf = new Map<number, Map<number, number>>(); // customer → currency → first line
  for (let i = 0; i < store.length; i++) {
    let currency = store.currency[i]!;
    if (currency === emptyId) currency = reportingId;
    const customer = store.customer[i]!;
    let byCurrency = firstLineOf.get(customer);
    if (byCurrency === undefined) firstLineOf.set(customer, (byCurrency = new Map()));
    if (!byCurrency.has(currency)) byCurrency.set(currency, i);
  }
  const findings: Finding[] = [];
  for (const [customer, byCurrency] of firstLineOf) {
    if (byCurrency.size < 2) continue;
    const lines = [...byCurrency.values()].sort((a, b) => a - b);
    const codes = [...byCurrency.keys()].map((c) => store.currencies.value(c)).sort();
    findings.push(
      findingAt(store, lines[1]!, warning('MIXED_CURRENCY', `customer ${store.customers.value(customer)} is billed in ${codes.join(' and ')}: with constant FX rates a currency switch shows as expansion or contraction`, undefined, 'check the currency of the lines, or report per currency'), lines.filter((l) => l !== lines[1])),
    );
  }
  return findings;
}
