/**
 * End to end on the RavenStack synthetic SaaS data (fixtures/public/ravenstack, credit: River @ Rivalytics):
 * 5,000 heavily overlapping subscriptions of 500 accounts, 778 zero-MRR trials, plan tiers on lines and
 * industry / country on accounts (joined here in memory, and by --accounts). With grace 0 an account's MRR on a day is simply the sum of its lines
 * running that day, so the segment figures can be re-derived independently here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { expectSegmentInvariants, type SegmentRowJson } from '../helpers/segment-json.js';
import { naiveSegmentBridge } from '../reference/naive-segments.js';
import { centsToString } from '../reference/naive-bridge.js';

const dir = new URL('../../fixtures/public/ravenstack/', import.meta.url);
const subscriptionsText = readFileSync(new URL('ravenstack_subscriptions.csv', dir), 'utf8');
type Row = Record<string, string>;
const subscriptions = parse(subscriptionsText, { columns: true }) as Row[];
const accounts = new Map((parse(readFileSync(new URL('ravenstack_accounts.csv', dir), 'utf8'), { columns: true }) as Row[]).map((a) => [a.account_id!, a]));

/** The subscriptions with the account's industry and country joined in (what a join of the two exports gives). */
const joinedText = [
  `${subscriptionsText.split('\n')[0]},industry,country`,
  ...subscriptionsText
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line, i) => {
      const account = accounts.get(subscriptions[i]!.account_id!)!;
      return `${line},${account.industry},${account.country}`;
    }),
].join('\n');

async function json<T>(command: string, args: string[], stdin?: string): Promise<T> {
  const files = stdin === undefined ? ['fixtures/public/ravenstack/ravenstack_subscriptions.csv'] : ['-'];
  const r = await runCli([command, '--format', 'json', '--grace-days', '0', '--as-of', '2024-12-31', ...args, ...files], {
    cwd: new URL('../..', import.meta.url).pathname,
    ...(stdin === undefined ? {} : { stdin }),
  });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const cents = (text: string): number => Math.round(Number(text) * 100);

describe('ravenstack: segments, cohorts and drill-down', () => {
  it.each(['quarter', 'month'])('bridge --by plan_tier per %s agrees with the naive segment reference', async (period) => {
    const { periods } = await json<{ periods: SegmentRowJson[] }>('bridge', ['--period', period, '--by', 'plan_tier']);
    expectSegmentInvariants(periods);
    const lines = subscriptions.map((s) => ({ entity: s.account_id!, start: s.start_date!, end: s.end_date || null, cancel: null, mrrCents: cents(s.mrr_amount!), region: s.plan_tier! }));
    const naive = naiveSegmentBridge(lines, { period: period as 'month', asOf: '2024-12-31', graceDays: 0 });
    const got = periods.filter((p) => p.segment !== null);
    expect(got.map((p) => `${p.period} ${p.segment!.plan_tier}`)).toEqual(
      naive.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.region < b.region ? -1 : 1)).map((n) => `${n.period} ${n.region}`),
    );
    for (const n of naive) {
      const row = got.find((p) => p.period === n.period && p.segment!.plan_tier === n.region)!;
      expect(row.money, `${n.period} ${n.region}`).toEqual(Object.fromEntries(['begin', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'end'].map((k) => [k, centsToString(n.money[k as 'begin'])])));
      expect(row.segmentFlow).toMatchObject({ movedIn: centsToString(n.money.movedIn), movedOut: centsToString(n.money.movedOut) });
    }
    // Accounts hold several tiers at once, and their largest line changes tier: MRR does move between tiers.
    expect(got.some((p) => cents(p.segmentFlow!.movedIn) > 0)).toBe(true);
  });

  it('bridge --by industry and --by industry,country on the joined accounts', async () => {
    const { periods } = await json<{ periods: SegmentRowJson[] }>('bridge', ['--period', 'quarter', '--by', 'industry'], joinedText);
    expectSegmentInvariants(periods);
    // Industry is one value per account, so an account never moves, and an industry's end is the MRR of its
    // accounts' running lines on 2024-12-31.
    const endByIndustry = new Map<string, number>();
    for (const s of subscriptions) {
      if (s.start_date! <= '2024-12-31' && (s.end_date === '' || s.end_date! >= '2024-12-31')) {
        const industry = accounts.get(s.account_id!)!.industry!;
        endByIndustry.set(industry, (endByIndustry.get(industry) ?? 0) + cents(s.mrr_amount!));
      }
    }
    const q4 = periods.filter((p) => p.period === '2024-Q4' && p.segment !== null);
    expect(Object.fromEntries(q4.map((p) => [p.segment!.industry, p.money.end]))).toEqual(Object.fromEntries([...endByIndustry].map(([k, v]) => [k, centsToString(v)])));
    expect(periods.every((p) => p.segment === null || p.segmentFlow!.movedInCount === 0)).toBe(true);
    const cross = await json<{ periods: SegmentRowJson[] }>('bridge', ['--period', 'year', '--by', 'industry,country'], joinedText);
    expectSegmentInvariants(cross.periods);
    expect(cross.periods.filter((p) => p.period === '2024' && p.segment !== null)).toHaveLength(5 * 7);
  });

  it('--accounts joins industry and country the same way', async () => {
    const args = ['--period', 'quarter', '--by', 'industry,country'];
    const joined = await json<{ periods: SegmentRowJson[] }>('bridge', args, joinedText);
    const viaAccounts = await json<{ periods: SegmentRowJson[] }>('bridge', [...args, '--accounts', 'fixtures/public/ravenstack/ravenstack_accounts.csv']);
    expect(viaAccounts.periods).toEqual(joined.periods);
  });

  it('derived segments and cohorts reconcile to the bridge', async () => {
    for (const by of ['mrr_band', 'tenure', 'cohort', 'plan_tier,arr_band']) {
      const { periods } = await json<{ periods: SegmentRowJson[] }>('bridge', ['--period', 'quarter', '--by', by]);
      expectSegmentInvariants(periods);
    }
    const bridge = await json<{ periods: SegmentRowJson[] }>('bridge', ['--period', 'quarter']);
    const cohorts = await json<{ cohorts: { cohort: string; size: { count: number; mrr: string }; ages: { age: number; mrr: string; rates: { logo: number } }[] }[] }>('cohorts', ['--period', 'quarter']);
    // Accounts never counted as new (active only inside their first quarter, back later) are in no cohort.
    const movements = await json<{ movements: { customer: string; movement: string }[] }>('movements', ['--period', 'quarter', '--movement', 'new']);
    const members = new Set(movements.movements.map((m) => m.customer));
    for (const p of bridge.periods) {
      const cohort = cohorts.cohorts.find((c) => c.cohort === p.period);
      expect(cohort?.size.mrr ?? '0.00', p.period).toBe(p.money.new);
      // The cohorts' MRR at this period plus the MRR of accounts outside every cohort is the bridge's end.
      const atPeriod = cohorts.cohorts.reduce((s, c) => s + cents(c.ages.find((a) => c.cohort <= p.period && a.age === ageOf(c.cohort, p.period))?.mrr ?? '0'), 0);
      const periodEnd = p.end;
      const outside = subscriptions
        .filter((x) => !members.has(x.account_id!) && x.start_date! <= periodEnd && (x.end_date === '' || x.end_date! >= periodEnd))
        .reduce((sum, x) => sum + cents(x.mrr_amount!), 0);
      expect(atPeriod + outside, p.period).toBe(cents(p.money.end));
    }
    expect(cohorts.cohorts.every((c) => c.ages[0]!.rates.logo === 1)).toBe(true);
  });

  it('movements sum to the bridge, and customers to its end', async () => {
    const bridge = await json<{ periods: SegmentRowJson[] }>('bridge', ['--period', 'quarter']);
    const movements = await json<{ movements: { period: string; movement: string; amount: string; lines: unknown[] }[] }>('movements', ['--period', 'quarter']);
    for (const p of bridge.periods) {
      for (const kind of ['new', 'expansion', 'reactivation', 'contraction', 'churn'] as const) {
        const sum = movements.movements.filter((m) => m.period === p.period && m.movement === kind).reduce((s, m) => s + cents(m.amount), 0);
        expect(sum, `${p.period} ${kind}`).toBe(cents(p.money[kind]));
      }
    }
    expect(movements.movements.every((m) => m.lines.length > 0)).toBe(true);
    const customers = await json<{ total: { count: number; mrr: string } }>('customers', []);
    expect(customers.total).toEqual({ count: bridge.periods.at(-1)!.counts.end, mrr: bridge.periods.at(-1)!.money.end });
  });
});

/** Quarters from cohort label to period label (both YYYY-Qn). */
function ageOf(cohort: string, period: string): number {
  const index = (label: string): number => Number(label.slice(0, 4)) * 4 + Number(label.slice(6)) - 1;
  return index(period) - index(cohort);
}
