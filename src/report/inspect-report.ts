// `retain inspect FILE…`: what retain understood of each file before any number is trusted (METRICS.md §1,
// §8): the detected source and why, each header's role (canonical column, fallback, rule input or dimension),
// the kinds of values seen, rows, dates, currencies, billing periods, samples, and the flags that change it.
import { formatDay, type Day } from '../model/calendar.js';
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import type { RowAccounting } from '../model/row-accounting.js';

/** A file as the readers understood it (plain data, so this layer does not depend on io). */
export interface InspectFileInput {
  file: string;
  source: { name: string; title: string; forced: boolean; reason: string; notes: readonly string[]; runnerUp: { name: string; score: number } | undefined };
  rows: number;
  columns: readonly { header: string; nonEmpty: number; kinds: Partial<Record<string, number>>; values: ReadonlyMap<string, number>; moreDistinct: boolean }[];
  samples: readonly (readonly string[])[];
  /** Undefined when the header could not be mapped (the problems say why). */
  mapping: { index: Partial<Record<string, number>>; alternates: Partial<Record<string, readonly number[]>>; auxiliary: ReadonlySet<number>; amountMinor: boolean; lineSpan: boolean } | undefined;
  dateLayout: { layout: string; line: number; value: string } | undefined;
}

export interface InspectColumn {
  position: number;
  header: string;
  /** `customer_id`, `start_date (fallback)`, `rule input`, `dimension`. */
  role: string;
  kinds: string;
  nonEmpty: number;
  examples: string[];
}

export interface InspectFile {
  file: string;
  /** False when the header could not be mapped (nothing was read from the file). */
  mapped: boolean;
  source: InspectFileInput['source'];
  rows: number;
  lines: number;
  columns: InspectColumn[];
  dates: { firstStart: string | null; lastStart: string | null; lastEnd: string | null; evergreen: number; cancelled: number };
  currencies: { code: string; lines: number }[];
  billingPeriods: { value: string; rows: number }[];
  amountUnit: 'major' | 'minor';
  dateLayout: InspectFileInput['dateLayout'];
  samples: Record<string, string>[];
  suggestions: string[];
}

export interface InspectReport {
  files: InspectFile[];
  accounting: RowAccounting;
}

const MAX_EXAMPLES = 3;

function topValues(values: ReadonlyMap<string, number>, n: number): string[] {
  return [...values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([v]) => v);
}

function roleOf(input: InspectFileInput, position: number): string {
  const m = input.mapping;
  if (m === undefined) return 'not read';
  const roles: string[] = [];
  for (const [canonical, p] of Object.entries(m.index)) if (p === position) roles.push(canonical);
  for (const [canonical, list] of Object.entries(m.alternates)) if (list?.includes(position)) roles.push(`${canonical} (fallback)`);
  if (roles.length > 0) return roles.join(', ');
  return m.auxiliary.has(position) ? 'rule input, dimension' : 'dimension';
}

/** Facts of the lines read from file `fileIndex`: date range, open and cancelled lines, currencies. */
function lineFacts(store: LineStore, fileIndex: number): Pick<InspectFile, 'lines' | 'dates' | 'currencies'> {
  let lines = 0;
  let firstStart: Day = OPEN_DAY;
  let lastStart: Day = -OPEN_DAY;
  let lastEnd: Day = -OPEN_DAY;
  let evergreen = 0;
  let cancelled = 0;
  const currencies = new Map<string, number>();
  for (let i = 0; i < store.length; i++) {
    if (store.fileIndex[i] !== fileIndex) continue;
    lines++;
    firstStart = Math.min(firstStart, store.start[i]!);
    lastStart = Math.max(lastStart, store.start[i]!);
    if (store.end[i] === OPEN_DAY) evergreen++;
    else lastEnd = Math.max(lastEnd, store.end[i]!);
    if (store.cancel[i] !== OPEN_DAY) cancelled++;
    if (store.keepsCurrency) {
      const code = store.currencies.value(store.currency[i]!);
      currencies.set(code, (currencies.get(code) ?? 0) + 1);
    }
  }
  const day = (d: Day): string | null => (lines === 0 || Math.abs(d) === OPEN_DAY ? null : formatDay(d));
  return {
    lines,
    dates: { firstStart: day(firstStart), lastStart: day(lastStart), lastEnd: day(lastEnd), evergreen, cancelled },
    currencies: [...currencies].map(([code, n]) => ({ code: code === '' ? '(none: reporting currency)' : code, lines: n })).sort((a, b) => b.lines - a.lines),
  };
}

function suggestions(input: InspectFileInput, columns: readonly InspectColumn[], amountUnit: 'major' | 'minor'): string[] {
  const out: string[] = [];
  const s = input.source;
  if (s.name !== 'generic') out.push(`--source generic: read the headers by their canonical names and aliases instead of the ${s.name} profile`);
  if (s.runnerUp && s.runnerUp.name !== s.name) out.push(`--source ${s.runnerUp.name}: ${s.runnerUp.score} of its signature headers are present`);
  const m = input.mapping;
  if (m === undefined) {
    // The header could not be mapped: name the columns that could play the missing parts.
    const of = (kinds: RegExp): string[] => columns.filter((c) => kinds.test(c.kinds)).map((c) => `"${c.header}"`);
    const [text, dates, numbers] = [of(/text/), of(/date/), of(/integer|decimal/)];
    if (text.length > 0) out.push(`--column customer_id=HEADER: the customer is one of ${text.join(', ')}`);
    if (dates.length > 0) out.push(`--column start_date=HEADER: first days of service, one of ${dates.join(', ')}`);
    if (numbers.length > 0) out.push(`--column mrr=HEADER (monthly), or --column amount=HEADER with --billing-period month|quarter|year|span: money, one of ${numbers.join(', ')}`);
  } else {
    // Profiles leave some columns unmapped on purpose (a Stripe subscription has no end date); only the generic
    // layout gets hints, and only from date columns whose name says what they hold.
    const hints: [string, RegExp][] = [
      ['end_date', /end|until|expir|valid ?to|(^|\W)to(\W|$)/i],
      ['cancel_date', /cancel|churn|terminat/i],
      ['booked_date', /book|sign|close|order/i],
    ];
    const dateLike = s.name === 'generic' ? columns.filter((c) => c.role === 'dimension' && /date/.test(c.kinds)) : [];
    for (const [canonical, hint] of hints) {
      const candidate = dateLike.find((c) => hint.test(c.header));
      if (m.index[canonical] === undefined && candidate !== undefined) out.push(`--column ${canonical}="${candidate.header}": ${canonical} is not mapped, and this column holds dates`);
    }
    if (m.index.contract_id === undefined) out.push('--column contract_id=HEADER: no contract id, so each customer is one contract (--level contract is then the same as customer)');
    if (m.index.amount !== undefined && m.index.billing_period === undefined && !m.lineSpan) out.push('--billing-period month|quarter|year|span: amounts have no billing period column');
  }
  out.push(amountUnit === 'minor' ? '--amount-unit major: amounts are read as integer minor units (cents); use this if they are 12.50-style' : '--amount-unit minor: if amounts are integer cents (retain never guesses from magnitude)');
  if (input.dateLayout) out.push(`--date-format ${input.dateLayout.layout === 'MM/DD/YYYY' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}: slashed dates are read as ${input.dateLayout.layout}, decided by "${input.dateLayout.value}" on line ${input.dateLayout.line}`);
  if (m !== undefined) out.push(`retain init ${input.file}: write this mapping to retain.config.json, then adjust it there`);
  return out;
}

export function buildInspectReport(inputs: readonly InspectFileInput[], store: LineStore, accounting: RowAccounting): InspectReport {
  const files = inputs.map((input) => {
    const columns: InspectColumn[] = input.columns.map((c, position) => ({
      position: position + 1,
      header: c.header,
      role: roleOf(input, position),
      kinds: Object.entries(c.kinds).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0)).map(([k]) => k).join(', ') || 'empty',
      nonEmpty: c.nonEmpty,
      examples: topValues(c.values, MAX_EXAMPLES),
    }));
    const periodPosition = input.mapping?.index['billing_period'];
    const periods = periodPosition === undefined ? undefined : input.columns[periodPosition];
    const amountUnit = input.mapping?.amountMinor ? 'minor' : 'major';
    return {
      file: input.file,
      mapped: input.mapping !== undefined,
      source: input.source,
      rows: input.rows,
      ...lineFacts(store, store.files.indexOf(input.file)),
      columns,
      billingPeriods: periods ? topValues(periods.values, 20).map((value) => ({ value, rows: periods.values.get(value) ?? 0 })) : [],
      amountUnit,
      dateLayout: input.dateLayout,
      samples: input.samples.map((row) => Object.fromEntries(input.columns.map((c, i) => [c.header, row[i] ?? '']))),
      suggestions: suggestions(input, columns, amountUnit),
    } satisfies InspectFile;
  });
  return { files, accounting };
}
