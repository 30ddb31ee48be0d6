// Term rules of `retain check` (METRICS.md §1, §3): within one contract key (renews chains followed), terms are
// the distinct (start, end) pairs. Flags identical lines, lines that start together but end apart (broken
// co-termination), terms starting inside an earlier one (a mid-term amendment when they end together, else
// an overlap; evergreen lines added to an evergreen contract are neither), and gaps just longer than the grace
// days (likely late renewals counted as churn).
import { warning } from '../diagnostics/diagnostic.js';
import { formatDay, type Day } from '../model/calendar.js';
import type { ContractKeys } from '../model/contract-keys.js';
import { groupLinesByEntity } from '../model/group-lines.js';
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import { findingAt, type Finding } from './data-check-finding.js';

/** Gaps up to this many days beyond the grace are "just longer" than it. */
export const LATE_WINDOW_DAYS = 30;
const MAX_ROWS = 10;

interface Term {
  start: Day;
  end: Day;
  /** Last day with service: the end, or the day before an earlier cancellation (of every line). */
  last: Day;
  lines: number[];
}

const endText = (day: Day): string => (day === OPEN_DAY ? 'no end' : formatDay(day));

export function checkTerms(store: LineStore, keys: ContractKeys, graceDays: number): Finding[] {
  const keyOfLine = new Int32Array(store.length);
  for (let i = 0; i < store.length; i++) keyOfLine[i] = keys.keyOfContract[store.contract[i]!] ?? store.contract[i]!;
  const groups = groupLinesByEntity(store, keyOfLine, store.contracts.size, () => true);
  const findings: Finding[] = [];
  for (let key = 0; key < store.contracts.size; key++) {
    const from = groups.offsets[key]!;
    const to = groups.offsets[key + 1]!;
    if (to - from < 2) continue;
    const terms = termsOf(store, groups.order.subarray(from, to));
    findings.push(...duplicateLines(store, terms), ...termPairs(store, terms, graceDays, store.contracts.value(key)));
  }
  return findings;
}

/** Lines (sorted by start) → terms sorted by (start, end). */
function termsOf(store: LineStore, lines: Int32Array): Term[] {
  const byKey = new Map<string, Term>();
  for (const i of lines) {
    const start = store.start[i]!;
    const end = store.end[i]!;
    const cancel = store.cancel[i]!;
    const last = cancel !== OPEN_DAY && cancel <= end ? cancel - 1 : end;
    const k = `${start}:${end}`;
    const term = byKey.get(k);
    if (term === undefined) byKey.set(k, { start, end, last, lines: [i] });
    else {
      term.lines.push(i);
      term.last = Math.max(term.last, last);
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

function duplicateLines(store: LineStore, terms: readonly Term[]): Finding[] {
  const findings: Finding[] = [];
  for (const term of terms) {
    const seen = new Map<string, number>();
    for (const i of term.lines) {
      const k = `${store.contract[i]}:${store.product[i]}:${store.mrr[i]}:${store.cancel[i]}`;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else {
        const product = store.products.value(store.product[i]!);
        findings.push(findingAt(store, i, warning('DUPLICATE_LINE', `repeats line ${store.lineNumber[first]} (same contract${product === '' ? '' : `, product ${product}`}, dates and amount): exported twice?`, undefined, 'remove the copy, or tell the lines apart (product, quantity)'), [first]));
      }
    }
  }
  return findings;
}

function termPairs(store: LineStore, terms: readonly Term[], graceDays: number, contract: string): Finding[] {
  const findings: Finding[] = [];
  let cover: Term | undefined; // the earlier term reaching furthest
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    const previous = terms[t - 1];
    if (previous !== undefined && previous.start === term.start) {
      // Lines that start together belong to one order; different ends break co-termination.
      findings.push(
        findingAt(store, term.lines[0]!, warning('COTERM_BROKEN', `contract ${contract}: lines starting ${formatDay(term.start)} end on ${endText(previous.end)} and ${endText(term.end)}`, undefined, 'co-terminate the lines, or give them separate contracts'), previous.lines.slice(0, MAX_ROWS)),
      );
    } else if (cover !== undefined && cover.last !== OPEN_DAY && term.start > cover.last) {
      const gap = term.start - cover.last - 1;
      if (gap > graceDays && gap <= graceDays + LATE_WINDOW_DAYS) {
        findings.push(
          findingAt(store, term.lines[0]!, warning('LATE_RENEWAL_GAP', `contract ${contract}: the term starting ${formatDay(term.start)} comes ${gap} days after the previous one ended (${formatDay(cover.last)}), just beyond the ${graceDays} grace days: reported as churn, then reactivation`, undefined, `a late renewal? raise --grace-days to ${gap} or more to bridge it`), cover.lines.slice(0, MAX_ROWS)),
        );
      }
    } else if (cover !== undefined && term.start > cover.start && !(cover.end === OPEN_DAY && term.end === OPEN_DAY)) {
      // (Evergreen lines added to an evergreen contract are add-ons, not findings.)
      const amendment = term.end === cover.end;
      findings.push(
        findingAt(
          store,
          term.lines[0]!,
          amendment
            ? warning('MID_TERM_AMENDMENT', `contract ${contract}: a term starting ${formatDay(term.start)} inside the term ${formatDay(cover.start)} … ${endText(cover.end)} and ending with it: a mid-term amendment (its MRR is an expansion from ${formatDay(term.start)})`, undefined, 'expected for add-ons; if it replaces the term, end the earlier lines')
            : warning('OVERLAPPING_TERMS', `contract ${contract}: the term ${formatDay(term.start)} … ${endText(term.end)} starts inside the term ${formatDay(cover.start)} … ${endText(cover.end)}: both are counted while they overlap`, undefined, 'end the earlier term when the new one starts, or give them separate contracts'),
          cover.lines.slice(0, MAX_ROWS),
        ),
      );
    }
    if (cover === undefined || term.last > cover.last) cover = term;
  }
  return findings;
}
