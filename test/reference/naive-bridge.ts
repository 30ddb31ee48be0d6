/**
 * A deliberately naive reference implementation of the MRR bridge (docs/metrics.md, METRICS.md §3–§5).
 *
 * It exists only to check the real engine. It is written to be obviously correct, not fast:
 * every figure is obtained by asking "what is this entity's MRR on this day?" and answering it
 * by looping over the entity's lines. No sweeps, no caches beyond plain maps, no typed arrays.
 *
 * Days are UTC calendar days, handled as whole numbers of days since 1970-01-01 (Date.UTC / 86 400 000).
 */

export interface NaiveLine {
  entity: string;
  /** first day of service, YYYY-MM-DD */
  start: string;
  /** last day of service, INCLUSIVE; null = evergreen */
  end: string | null;
  /** first day without service; null = none */
  cancel: string | null;
  /** the line's MRR in integer cents (already rounded once) */
  mrrCents: number;
}

export type NaivePeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface NaiveOptions {
  period: NaivePeriodKind;
  asOf: string;
  graceDays: number;
}

export interface NaiveMoney {
  begin: number;
  new: number;
  expansion: number;
  reactivation: number;
  contraction: number;
  churn: number;
  end: number;
}

export interface NaiveCounts {
  begin: number;
  new: number;
  reactivated: number;
  expanded: number;
  contracted: number;
  churned: number;
  end: number;
}

export interface NaiveRates {
  grr: number | null;
  nrr: number | null;
  grossChurn: number | null;
  netChurn: number | null;
  logoChurn: number | null;
  logoRetention: number | null;
  quickRatio: number | null;
  ttmNrr: number | null;
  ttmGrr: number | null;
}

export interface NaivePeriod {
  label: string;
  /** first day of the period */
  start: string;
  /** last day of the period (calendar), also for the partial period, whose snapshot day is as-of */
  end: string;
  /** true for the period containing as-of (even when as-of is its last day) */
  partial: boolean;
  money: NaiveMoney;
  counts: NaiveCounts;
  rates: NaiveRates;
}

// ---------------------------------------------------------------------------------------------
// Days

const MS_PER_DAY = 86_400_000;

export function toDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) throw new Error(`not an ISO date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1) throw new Error(`no such day: ${iso}`);
  return ms / MS_PER_DAY;
}

export function toIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function ymd(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function dayOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Same day of month `months` months away, clamped to the end of the target month. */
export function addMonthsClamped(day: number, months: number): number {
  const { y, m, d } = ymd(day);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const ty = first.getUTCFullYear();
  const tm = first.getUTCMonth() + 1;
  const lastOfTarget = ymd(dayOf(ty, tm + 1, 1) - 1).d;
  return dayOf(ty, tm, Math.min(d, lastOfTarget));
}

// ---------------------------------------------------------------------------------------------
// Periods

interface Span {
  label: string;
  start: number;
  end: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function periodOf(day: number, kind: NaivePeriodKind): Span {
  const { y, m } = ymd(day);
  switch (kind) {
    case 'month':
      return { label: `${y}-${pad2(m)}`, start: dayOf(y, m, 1), end: dayOf(y, m + 1, 1) - 1 };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      const firstMonth = (q - 1) * 3 + 1;
      return { label: `${y}-Q${q}`, start: dayOf(y, firstMonth, 1), end: dayOf(y, firstMonth + 3, 1) - 1 };
    }
    case 'year':
      return { label: `${y}`, start: dayOf(y, 1, 1), end: dayOf(y + 1, 1, 1) - 1 };
    case 'week': {
      const mondayBased = (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7; // Monday = 0 … Sunday = 6
      const monday = day - mondayBased;
      const thursday = monday + 3; // the ISO week belongs to the year of its Thursday
      const isoYear = ymd(thursday).y;
      const week = Math.floor((thursday - dayOf(isoYear, 1, 1)) / 7) + 1;
      return { label: `${isoYear}-W${pad2(week)}`, start: monday, end: monday + 6 };
    }
  }
}

/** The day whose MRR is compared at the end of P for the trailing-twelve-month cohort. */
export function ttmReferenceDay(p: Span, kind: NaivePeriodKind, partial: boolean, asOf: number): number {
  if (partial) return kind === 'week' ? asOf - 364 : addMonthsClamped(asOf, -12);
  if (kind === 'week') return p.end - 364; // the period 52 weeks earlier ends exactly 364 days earlier
  return periodOf(addMonthsClamped(p.start, -12), kind).end; // month −12, quarter −4, year −1
}

// ---------------------------------------------------------------------------------------------
// Activity

export interface Line {
  entity: string;
  start: number;
  end: number | null; // inclusive
  cancel: number | null;
  mrr: number;
}

/** Is `line` (one of `siblings`, the entity's lines) active on `d`, grace included? */
export function isActive(line: Line, siblings: readonly Line[], d: number, asOf: number, grace: number): boolean {
  if (d < line.start) return false;
  if (line.cancel !== null && d >= line.cancel) {
    // a cancel after the last day changes nothing: only an effective cancellation stops the line here
    if (line.end === null || line.cancel <= line.end) return false;
  }
  if (line.end === null || d <= line.end) return true;

  // d is after the line's last day: only the late-renewal grace can keep it active.
  const e = line.end;
  const cancelled = line.cancel !== null && line.cancel <= e;
  if (cancelled) return false;
  let s: number | null = null;
  for (const other of siblings) {
    // A line cancelled on or before its start never served anybody: it is no next term.
    const neverActive = other.cancel !== null && other.cancel <= other.start;
    if (!neverActive && other.start >= e + 1 && (s === null || other.start < s)) s = other.start;
  }
  if (s !== null) return e + 1 < s && s <= e + 1 + grace && d <= s - 1; // late renewal
  return asOf <= e + grace && d <= asOf; // pending renewal
}

function entityMrr(lines: readonly Line[], d: number, asOf: number, grace: number): number {
  let sum = 0;
  for (const line of lines) if (isActive(line, lines, d, asOf, grace)) sum += line.mrr;
  return sum > 0 ? sum : 0;
}

// ---------------------------------------------------------------------------------------------
// The bridge

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

export function naiveBridge(input: readonly NaiveLine[], opts: NaiveOptions): NaivePeriod[] {
  const asOf = toDay(opts.asOf);
  const grace = opts.graceDays;

  // Lines that start after as-of are not known yet: they take part in nothing.
  const byEntity = new Map<string, Line[]>();
  for (const l of input) {
    const line: Line = {
      entity: l.entity,
      start: toDay(l.start),
      end: l.end === null ? null : toDay(l.end),
      cancel: l.cancel === null ? null : toDay(l.cancel),
      mrr: l.mrrCents,
    };
    if (line.start > asOf) continue;
    const list = byEntity.get(line.entity) ?? [];
    list.push(line);
    byEntity.set(line.entity, list);
  }
  const entities = [...byEntity.keys()].sort();
  const mrr = (entity: string, d: number): number => entityMrr(byEntity.get(entity) ?? [], d, asOf, grace);

  // First day each entity is active (MRR > 0), scanning day by day up to as-of.
  let earliest = Infinity;
  for (const lines of byEntity.values()) for (const l of lines) earliest = Math.min(earliest, l.start);
  const firstActive = new Map<string, number>();
  for (const entity of entities) {
    for (let d = earliest; d <= asOf; d++) {
      if (mrr(entity, d) > 0) {
        firstActive.set(entity, d);
        break;
      }
    }
  }
  if (firstActive.size === 0) return [];
  const firstDay = Math.min(...firstActive.values());

  const out: NaivePeriod[] = [];
  for (let p = periodOf(firstDay, opts.period); p.start <= asOf; p = periodOf(p.end + 1, opts.period)) {
    // The period containing as-of is partial when as-of is before its last day (a period that ends on as-of has
    // been seen whole); the partial period's snapshot day is as-of.
    const partial = p.start <= asOf && asOf < p.end;
    const snapDay = partial ? asOf : p.end;
    const beginDay = p.start - 1; // last day of the previous period
    const refDay = ttmReferenceDay(p, opts.period, partial, asOf);

    const money: NaiveMoney = { begin: 0, new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0, end: 0 };
    const counts: NaiveCounts = { begin: 0, new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, end: 0 };
    let ttmThen = 0;
    let ttmNow = 0;
    let ttmKept = 0;

    for (const entity of entities) {
      const b = mrr(entity, beginDay);
      const e = mrr(entity, snapDay);
      money.begin += b;
      money.end += e;
      if (b > 0) counts.begin++;
      if (e > 0) counts.end++;
      if (b === 0 && e > 0) {
        const fa = firstActive.get(entity);
        const activeBefore = fa !== undefined && fa < p.start;
        if (activeBefore) {
          money.reactivation += e;
          counts.reactivated++;
        } else {
          money.new += e;
          counts.new++;
        }
      } else if (b > 0 && e === 0) {
        money.churn += b;
        counts.churned++;
      } else if (b > 0 && e > b) {
        money.expansion += e - b;
        counts.expanded++;
      } else if (b > 0 && e < b) {
        money.contraction += b - e;
        counts.contracted++;
      }

      const then = mrr(entity, refDay);
      if (then > 0) {
        ttmThen += then;
        ttmNow += e;
        ttmKept += Math.min(e, then);
      }
    }

    const lost = money.contraction + money.churn;
    out.push({
      label: p.label,
      start: toIso(p.start),
      end: toIso(p.end), // the period's calendar end, also for the partial period (its snapshot day is as-of)
      partial,
      money,
      counts,
      rates: {
        grr: ratio(money.begin - lost, money.begin),
        nrr: ratio(money.begin + money.expansion - lost, money.begin),
        grossChurn: ratio(lost, money.begin),
        netChurn: ratio(lost - money.expansion, money.begin),
        logoChurn: ratio(counts.churned, counts.begin),
        logoRetention: ratio(counts.begin - counts.churned, counts.begin),
        quickRatio: ratio(money.new + money.expansion + money.reactivation, lost),
        ttmNrr: ratio(ttmNow, ttmThen),
        ttmGrr: ratio(ttmKept, ttmThen),
      },
    });
  }
  return out;
}

/** Integer cents → the CLI's JSON money string ("1234.00", "-0.50"). */
export function centsToString(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${pad2(abs % 100)}`;
}

/** Half-even rounding of a non-negative-or-negative exact rational num/den to integer cents (den > 0). */
export function roundHalfEvenCents(num: bigint, den: bigint): number {
  const q = num / den;
  const r = num % den;
  const twice = 2n * (r < 0n ? -r : r);
  let out = q;
  if (twice > den || (twice === den && q % 2n !== 0n)) out += num < 0n ? -1n : 1n;
  return Number(out);
}

/** A decimal amount per `months` months ("1000", "83.5", "-12.25") → MRR in integer cents, half-even, once. */
export function amountToMrrCents(amount: string, months: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (m === null) throw new Error(`not a decimal amount: ${amount}`);
  const frac = m[3] ?? '';
  const scaled = BigInt(`${m[1]}${m[2]}${frac}`); // amount × 10^frac.length
  return roundHalfEvenCents(scaled * 100n, 10n ** BigInt(frac.length) * BigInt(months));
}
