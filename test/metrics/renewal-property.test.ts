// Property tests of `retain renewals` on random histories (fast-check): every period reconciles (renewed +
// churned + archived + pending + rolled forward = expected + rolled in, in count and CMRR), every unit's split
// parts sum to its change, and units, outcomes and period flows agree with a deliberately naive reference that
// follows METRICS.md §7 literally with one object per line and per unit. Product z is an archive product.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renewalsJson, cents } from './renewal-helpers.js';

interface Line {
  customer: string;
  contract: string;
  product: string;
  start: number;
  end: number | null;
  cancel: number | null;
  mrr: number;
  booked: number | null;
}

const base = Date.UTC(2024, 0, 1) / 86_400_000;
const iso = (day: number): string => new Date((base + day) * 86_400_000).toISOString().slice(0, 10);
const periodOf = (day: number, kind: 'month' | 'quarter'): number => {
  const d = new Date((base + day) * 86_400_000);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return kind === 'month' ? month : Math.floor(month / 3);
};
const periodLabel = (p: number, kind: 'month' | 'quarter'): string =>
  kind === 'month' ? `${Math.floor(p / 12)}-${String((p % 12) + 1).padStart(2, '0')}` : `${Math.floor(p / 4)}-Q${(p % 4) + 1}`;
const periodEndDay = (p: number, kind: 'month' | 'quarter'): number => {
  const month = kind === 'month' ? p + 1 : (p + 1) * 3;
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000 - base - 1;
};

const termArb = fc.record({
  length: fc.integer({ min: 5, max: 100 }),
  gap: fc.integer({ min: -10, max: 45 }),
  products: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'z'), { minLength: 1, maxLength: 3 }),
  mrr: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 3, maxLength: 3 }),
  cancelAt: fc.option(fc.integer({ min: -5, max: 105 }), { freq: 8 }),
  cancelAll: fc.boolean(),
  addOnAt: fc.option(fc.integer({ min: 1, max: 90 }), { freq: 6 }),
  bookedBefore: fc.option(fc.integer({ min: 0, max: 90 }), { freq: 2 }),
});
const contractArb = fc.record({ first: fc.integer({ min: 0, max: 60 }), terms: fc.array(termArb, { minLength: 1, maxLength: 4 }), evergreenLast: fc.boolean() });
const historyArb = fc.array(fc.array(contractArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 });

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function buildLines(history: History): Line[] {
  const lines: Line[] = [];
  history.forEach((contracts, c) => {
    contracts.forEach((contract, k) => {
      let start = contract.first;
      contract.terms.forEach((term, t) => {
        const evergreen = contract.evergreenLast && t === contract.terms.length - 1;
        const end = start + term.length - 1;
        term.products.forEach((product, i) => {
          const cancel = term.cancelAt !== null && (term.cancelAll || i === 0) ? start + term.cancelAt : null;
          lines.push({ customer: `C${c}`, contract: `K${c}${k}`, product, start, end: evergreen ? null : end, cancel, mrr: term.mrr[i]!, booked: term.bookedBefore === null ? null : start - term.bookedBefore });
        });
        if (term.addOnAt !== null && term.addOnAt < term.length) lines.push({ customer: `C${c}`, contract: `K${c}${k}`, product: 'addon', start: start + term.addOnAt, end: evergreen ? null : end, cancel: null, mrr: 1234, booked: null });
        start = end + 1 + term.gap;
      });
    });
  });
  return lines;
}

function toCsv(lines: Line[]): string {
  const rows = lines.map((l, i) =>
    [l.customer, l.contract, l.product, iso(l.start), l.end === null ? '' : iso(l.end), (l.mrr / 100).toFixed(2), (i % 7) + 1, ((i * 37) % 500) + 0.5, i % 3 === 0 ? '10%' : '0', l.booked === null ? '' : iso(l.booked), l.cancel === null ? '' : iso(l.cancel)].join(','),
  );
  return `customer_id,contract_id,product,start_date,end_date,mrr,quantity,unit_price,discount,booked_date,cancel_date\n${rows.join('\n')}\n`;
}

interface RefUnit {
  name: string;
  due: number;
  outcome: string;
  expiring: number;
  successor: number | null;
  decided: number | null;
  duePeriod: number;
  decidedPeriod: number | null;
}

/** METRICS.md §7, literally: one object per unit. */
function reference(lines: Line[], level: 'customer' | 'contract', asOf: number, grace: number, kind: 'month' | 'quarter'): RefUnit[] {
  const known = lines.filter((l) => l.start <= asOf);
  const ownLast = (l: Line): number => (l.cancel !== null && (l.end === null || l.cancel <= l.end) ? l.cancel - 1 : (l.end ?? Infinity));
  const active = known.filter((l) => ownLast(l) >= l.start);
  const key = (l: Line): string => (level === 'customer' ? l.customer : l.contract);
  const horizon = periodEndDay(periodOf(asOf, kind), kind);
  const groups = new Map<string, Line[]>();
  for (const l of active) {
    if (l.end === null || l.end > horizon) continue;
    const id = `${key(l)}|${l.end}`;
    groups.set(id, [...(groups.get(id) ?? []), l]);
  }
  const units: RefUnit[] = [];
  for (const group of groups.values()) {
    const e = group[0]!.end!;
    const lastActive = Math.max(...group.map(ownLast));
    const expiring = group.filter((l) => l.start <= lastActive && lastActive <= ownLast(l)).reduce((a, l) => a + l.mrr, 0);
    const candidates = active.filter((l) => key(l) === key(group[0]!) && l.start >= e + 1 && l.start <= e + 1 + grace);
    const s = candidates.length === 0 ? null : Math.min(...candidates.map((l) => l.start));
    const successor = candidates.filter((l) => l.start === s).reduce((a, l) => a + l.mrr, 0);
    const duePeriod = periodOf(e, kind);
    let outcome: string;
    let decided: number | null;
    if (lastActive < e) [outcome, decided] = ['churned_cancelled', duePeriod];
    else if (s !== null) {
      const archive = candidates.filter((l) => l.start === s).every((l) => l.product === 'z') && group.some((l) => l.product !== 'z');
      outcome = archive ? 'archived' : successor === expiring ? 'renewed_flat' : successor > expiring ? 'upgraded' : 'downgraded';
      decided = s === e + 1 ? duePeriod : periodOf(s, kind);
    } else if (asOf >= e + 1 + grace) [outcome, decided] = ['churned_not_renewed', periodOf(e + 1 + grace, kind)];
    else [outcome, decided] = ['pending', null];
    const renewedOrArchived = outcome !== 'churned_cancelled' && outcome !== 'churned_not_renewed' && outcome !== 'pending';
    units.push({ name: key(group[0]!), due: e, outcome, expiring, successor: outcome === 'pending' ? null : renewedOrArchived ? successor : 0, decided, duePeriod, decidedPeriod: decided });
  }
  return units;
}

describe('renewals on random histories', () => {
  it('reconcile, split exactly, and agree with the naive reference', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.integer({ min: 20, max: 420 }),
        fc.constantFrom(0, 10, 30, 45),
        fc.constantFrom('month' as const, 'quarter' as const),
        fc.constantFrom('customer' as const, 'contract' as const),
        async (history, asOf, grace, kind, level) => {
          const lines = buildLines(history);
          const r = await renewalsJson(toCsv(lines), ['--as-of', iso(asOf), '--grace-days', String(grace), '--period', kind, '--level', level, '--archive-products', 'z', '--detail']);
          const ref = reference(lines, level, asOf, grace, kind);
          const name = (u: { contract: string; customer: string }): string => (level === 'customer' ? u.customer : u.contract);
          const got = (r.units ?? []).map((u) => [name(u), u.dueDate, u.outcome, cents(u.expiring), u.successor === null ? null : cents(u.successor), u.decidedPeriod].join('|')).sort();
          const want = ref.map((u) => [u.name, iso(u.due), u.outcome, u.expiring, u.successor, u.decidedPeriod === null ? null : periodLabel(u.decidedPeriod, kind)].join('|')).sort();
          expect(got).toEqual(want);
          // Period flows, recomputed unit by unit.
          const last = periodOf(asOf, kind);
          for (const p of r.periods) {
            const index = ref.length === 0 ? 0 : Math.min(...ref.map((u) => u.duePeriod)) + r.periods.indexOf(p);
            expect(p.period).toBe(periodLabel(index, kind));
            const open = (u: RefUnit): boolean => u.decidedPeriod === null || u.decidedPeriod > index;
            const due = ref.filter((u) => u.duePeriod === index);
            const rolledIn = ref.filter((u) => u.duePeriod < index && (u.decidedPeriod === null || u.decidedPeriod >= index));
            const undecided = ref.filter((u) => u.duePeriod <= index && open(u));
            const sum = (us: RefUnit[]): number => us.reduce((a, u) => a + u.expiring, 0);
            expect([p.counts.expected, cents(p.money.expected)], `${p.period} expected`).toEqual([due.length, sum(due)]);
            expect([p.counts.rolledIn, cents(p.money.rolledIn)], `${p.period} rolled in`).toEqual([rolledIn.length, sum(rolledIn)]);
            const forward = index < last ? undecided : [];
            const pending = index === last ? undecided : [];
            expect([p.counts.rolledForward, cents(p.money.rolledForward)], `${p.period} rolled forward`).toEqual([forward.length, sum(forward)]);
            expect([p.counts.pending, cents(p.money.pending)], `${p.period} pending`).toEqual([pending.length, sum(pending)]);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);
});
