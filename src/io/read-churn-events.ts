// --churn-events FILE: one row per churn event (customer id, date, reason), joined onto the lines by
// join-churn-events.ts (METRICS.md §7). Columns are found by name: the customer id aliases; a date column
// (churn_date, churned_at, date, …); a reason column (reason_code, reason, churn_reason, …).
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Day } from '../model/calendar.js';
import { parseDateAt, type DateFormat } from '../model/parse-date.js';
import type { TimeZone } from '../model/time-zone.js';
import { normalizeHeader } from './column-map.js';
import { findCustomerKey, readSideCsv } from './read-accounts.js';

export interface ChurnEvent {
  customer: string;
  day: Day;
  reason: string;
  line: number;
}

export interface ChurnEvents {
  file: string;
  events: ChurnEvent[];
}

const dateCandidates = ['churn_date', 'churned_at', 'churned at', 'churn date', 'event_date', 'date', 'cancel_date', 'cancelled_at', 'canceled_at', 'ended_at', 'expired_at'];
const reasonCandidates = ['reason_code', 'reason', 'churn_reason', 'cancel_reason', 'cancellation_reason', 'cancel_reason_code', 'expiration_reason'];

function find(headers: readonly string[], candidates: readonly string[]): number {
  const normalized = headers.map(normalizeHeader);
  for (const c of candidates) {
    const position = normalized.indexOf(normalizeHeader(c));
    if (position >= 0) return position;
  }
  return -1;
}

/** Dates are read like the main file's: the same layout, and date-times converted to --timezone. */
export async function readChurnEvents(path: string, shown: string, dateFormat: DateFormat, timeZone?: TimeZone): Promise<{ events: ChurnEvents | undefined; problems: Diagnostic[] }> {
  const csv = await readSideCsv(path, shown, '--churn-events file');
  if (!('headers' in csv)) return { events: undefined, problems: [csv] };
  const customer = findCustomerKey(csv.headers);
  const date = find(csv.headers, dateCandidates);
  const reason = find(csv.headers, reasonCandidates);
  const missing = [customer < 0 ? 'a customer id' : '', date < 0 ? 'a churn date' : '', reason < 0 ? 'a reason' : ''].filter((m) => m !== '');
  if (missing.length > 0) {
    return {
      events: undefined,
      problems: [error('MISSING_COLUMN', `the --churn-events file has no column for ${missing.join(', ')}; headers are: ${csv.headers.join(', ')}`, { file: shown, line: 1 }, 'name the columns customer_id, churn_date and reason')],
    };
  }
  const events: ChurnEvent[] = [];
  const problems: Diagnostic[] = [];
  for (const { fields, line } of csv.records) {
    const id = fields[customer] ?? '';
    const text = fields[date] ?? '';
    if (id === '' || text === '') continue;
    const day = parseDateAt(text, 0, text.length, dateFormat, timeZone);
    if (day === undefined) {
      problems.push(error('INVALID_DATE', `churn date "${text}" is not a date (expected YYYY-MM-DD or an ISO date-time)`, { file: shown, line, column: date + 1, columnName: csv.headers[date] ?? '' }, 'see --date-format'));
      continue;
    }
    events.push({ customer: id, day, reason: fields[reason] ?? '', line });
  }
  return { events: { file: shown, events }, problems };
}
