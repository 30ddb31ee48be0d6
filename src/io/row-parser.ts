// The field parsers of the hot path: one CSV record → one line in the store, or diagnostics naming
// file:line:column and the header. These parsers are the row validation (no schema library per row).
// Fields are read as ranges of the scanner's text (RowFields); money is RowMoney's; this class adds the
// row itself: dates of the term, profile rules (exclusions, contract terms, cancel at period end, trials).
import { error } from '../diagnostics/diagnostic.js';
import { addMonths, type Day } from '../model/calendar.js';
import { NO_DAY, NO_LINK, OPEN_DAY, type LineStore } from '../model/line-store.js';
import { parseDecimalAt } from '../model/money.js';
import type { ColumnMap } from './column-map.js';
import type { CsvRecord } from './csv-record.js';
import { ExclusionTable } from './row-exclusions.js';
import { RowMoney } from './row-money.js';
import type { RowPlan } from './row-plan.js';
import { ParseOutcome, type RejectedRow, type RowPolicy } from './row-policy.js';



export class RowParser extends RowMoney {
  private readonly dimensionPositions: number[];
  private readonly fileIndex: number;
  private readonly exclusions: ExclusionTable | undefined;
  /** Why the last row was excluded (valid after parse() returned Excluded). */
  excludedReason = '';
  // Set by excluded(): the reason of a rule that excludes only rows whose money is zero.
  private zeroReason = '';

  constructor(store: LineStore, map: ColumnMap, policy: RowPolicy, file: string, onReject: (row: RejectedRow) => void) {
    super(store, map, policy, file, onReject);
    this.dimensionPositions = store.dimensionNames.map((name) => map.dimensions.get(name) ?? -1);
    this.fileIndex = store.files.indexOf(file);
    this.exclusions = map.plan && map.plan.exclusions.length > 0 ? new ExclusionTable(map.plan.exclusions) : undefined;
  }

  /** Parses the current record of the scanner into a line, or says why it was excluded or rejected. */
  parse(scanner: CsvRecord, line: number): ParseOutcome {
    this.problems.length = 0;
    this.line = line;
    const ix = this.map.index;
    const plan = this.plan;
    let zeroReason = '';
    if (this.exclusions !== undefined) {
      const reason = this.excluded(scanner);
      if (reason !== '') return this.exclude(reason);
      zeroReason = this.zeroReason;
    }
    const customerPresent = this.load(scanner, ix.customer_id);
    if (!customerPresent) this.missing(ix.customer_id ?? 0, 'customer_id');
    let start = this.date(scanner, 'start_date', true);
    let end = this.date(scanner, 'end_date', false);
    if (end !== undefined && end !== OPEN_DAY && this.policy.endExclusive) end -= 1;
    if (end === OPEN_DAY && start !== undefined && plan?.termMonths !== undefined) end = this.termEnd(scanner, plan.termMonths, start);
    let cancel = this.date(scanner, 'cancel_date', false);
    if (cancel === OPEN_DAY && plan?.cancelAtPeriodEnd !== undefined) cancel = this.requestedCancel(scanner, plan.cancelAtPeriodEnd);
    if (plan?.trialEnd !== undefined && start !== undefined) {
      // Service is paid from the end of the trial; a cancellation by then means the trial never converted.
      const trialEnd = this.dateAt(scanner, plan.trialEnd, 'start_date');
      if (trialEnd !== undefined && trialEnd !== OPEN_DAY && trialEnd > start) {
        if (cancel !== undefined && cancel !== OPEN_DAY && cancel <= trialEnd && this.problems.length === 0) return this.exclude('trial cancelled before it converted');
        start = trialEnd;
      }
    }
    const booked = this.date(scanner, 'booked_date', false);
    if (start !== undefined && end !== undefined && end !== OPEN_DAY && end < start) {
      const position = ix.end_date ?? 0;
      this.problems.push(
        error('END_BEFORE_START', `end_date "${scanner.field(position).trim()}" is before start_date "${scanner.field(ix.start_date ?? 0).trim()}"${this.policy.endExclusive ? ' (ends are exclusive)' : ''}`, this.source(position), 'fix the dates, or check --end-exclusive'),
      );
    }
    const mrr = this.money(scanner, start, end);
    if (this.problems.length > 0 || !customerPresent || start === undefined || end === undefined || cancel === undefined || booked === undefined || mrr === undefined) {
      this.reject(scanner);
      return ParseOutcome.Rejected;
    }
    if (zeroReason !== '' && mrr === 0) return this.exclude(zeroReason);
    const store = this.store;
    const i = store.append();
    store.customer[i] = this.intern(scanner, ix.customer_id, store.customers);
    store.contract[i] = this.load(scanner, ix.contract_id) ? this.internLoaded(store.contracts) : this.intern(scanner, ix.customer_id, store.contracts);
    store.product[i] = this.intern(scanner, ix.product, store.products);
    store.start[i] = start;
    store.end[i] = end;
    store.cancel[i] = cancel;
    store.booked[i] = booked === OPEN_DAY ? NO_DAY : booked;
    store.mrr[i] = mrr;
    store.renews[i] = this.load(scanner, ix.renews) ? this.internLoaded(store.contracts) : NO_LINK;
    store.reason[i] = this.intern(scanner, ix.churn_reason, store.reasons);
    if (this.policy.unitPricing) this.unitPricing(scanner, i);
    store.fileIndex[i] = this.fileIndex;
    store.lineNumber[i] = line;
    for (let d = 0; d < this.dimensionPositions.length; d++) {
      const position = this.dimensionPositions[d]!;
      store.dimensions[d]![i] = this.intern(scanner, position < 0 ? undefined : position, store.dimensionValues[d]!);
    }
    if (store.keepsCurrency) store.currency[i] = this.lineCurrency(scanner);
    return ParseOutcome.Used;
  }

  private exclude(reason: string): ParseOutcome {
    this.excludedReason = reason;
    return ParseOutcome.Excluded;
  }

  /** The first unconditional exclusion reason of the row, or ''; the reason of a zero-money rule goes to zeroReason. */
  private excluded(scanner: CsvRecord): string {
    const table = this.exclusions!;
    this.zeroReason = '';
    for (let k = 0; k < table.rules.length; k++) {
      const rule = table.rules[k]!;
      if (!this.load(scanner, rule.position)) continue;
      const reason = table.decide(k, this.text, this.start, this.end);
      if (reason === '') continue;
      if (!rule.rule.onlyWhenZero) return reason;
      if (this.zeroReason === '') this.zeroReason = reason;
    }
    return '';
  }

  /** end = start + N months − 1 day (Salesforce Contract Term); OPEN_DAY when the term is empty. */
  private termEnd(scanner: CsvRecord, position: number, start: Day): Day | undefined {
    if (!this.load(scanner, position)) return OPEN_DAY;
    const value = parseDecimalAt(this.text, this.start, this.end);
    const months = value === undefined || value.scale > 0 && Number(value.mantissa) % 10 ** value.scale !== 0 ? NaN : Number(value.mantissa) / 10 ** value.scale;
    if (!(months >= 1 && months <= 1200)) {
      this.problems.push(error('INVALID_TERM', `term "${this.loadedText()}" is not a whole number of months 1–1200`, this.source(position), 'fill the end date, or write the term in months'));
      return undefined;
    }
    return addMonths(start, months) - 1;
  }

  /** A requested cancellation: effective on the requested day, or at the period end when the flag says so. */
  private requestedCancel(scanner: CsvRecord, rule: NonNullable<RowPlan['cancelAtPeriodEnd']>): Day | undefined {
    const requested = this.dateAt(scanner, rule.requested, 'cancel_date');
    if (requested === undefined || requested === OPEN_DAY || rule.periodEnd < 0) return requested;
    const atPeriodEnd = rule.flag === 'always' || (rule.flag >= 0 && this.load(scanner, rule.flag) && isTrue(this.loadedText()));
    if (!atPeriodEnd) return requested;
    const periodEnd = this.dateAt(scanner, rule.periodEnd, 'cancel_date');
    return periodEnd === OPEN_DAY ? requested : periodEnd;
  }
}

function isTrue(text: string): boolean {
  const t = text.toLowerCase();
  return t === 'true' || t === 'yes' || t === '1' || t === 'y' || t === 't';
}
