// What the row parser is told (RowPolicy), and what it says of each row: used, excluded on purpose by a
// profile rule, or rejected with its diagnostics and original fields (METRICS.md §8 row accounting).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AmountSyntax, Ratio } from '../model/money.js';
import type { DateFormat } from '../model/parse-date.js';
import type { TimeZone } from '../model/time-zone.js';

export interface RowPolicy {
  dateFormat: DateFormat;
  endExclusive: boolean;
  /** Months per billing period when the row has none; undefined = required per row. */
  defaultBillingMonths: number | undefined;
  currency: string;
  /** Reporting units per one foreign unit, by currency code. */
  fx: ReadonlyMap<string, Ratio>;
  amountSyntax: AmountSyntax;
  /** Keep quantity, unit price and discount per line (for the renewal split). */
  unitPricing: boolean;
  /** --timezone: the zone date-times are converted to; absent = UTC. */
  timeZone?: TimeZone | undefined;
  /** --billing-period span: an amount without a billing period covers the line's own span. */
  billingSpan?: boolean;
  /** --amount-unit; absent = the source profile's (major units unless the profile says minor). */
  amountUnit?: 'major' | 'minor' | undefined;
}

/** What became of a row: a line, left out on purpose (a profile rule), or rejected with diagnostics. */
export const ParseOutcome = { Rejected: 0, Used: 1, Excluded: 2 } as const;
export type ParseOutcome = (typeof ParseOutcome)[keyof typeof ParseOutcome];

export interface RejectedRow {
  file: string;
  line: number;
  diagnostics: Diagnostic[];
  fields: string[];
}
