// Hand-worked drill-down (retain movements --format json), monthly, grace 0, as of 2024-04-30:
//   line 2  A 100 from 2024-01-01                 → Jan new 100
//   line 3  B 200 2024-01-15 … 02-29 (reason)     → Jan new 200, Mar churn 200 "Budget cuts"
//   line 4  C  50 2024-01-20 … 01-25              → nothing (starts and ends inside January)
//   line 5  C  80 from 2024-03-01                 → Mar reactivation 80
//   line 6  D 300 2024-02-10 … 02-29              → Feb new 300
//   line 7  D 150 from 2024-03-01                 → Mar contraction 150 (lines 6 and 7)
//   line 8  D 300 from 2024-04-01                 → Apr expansion 300 (150 → 450)
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

const history = csv`
  customer_id,contract_id,start_date,end_date,mrr,region,churn_reason
  A,A-1,2024-01-01,,100,EMEA,
  B,B-1,2024-01-15,2024-02-29,200,AMER,Budget cuts
  C,C-1,2024-01-20,2024-01-25,50,EMEA,
  C,C-2,2024-03-01,,80,EMEA,
  D,D-1,2024-02-10,2024-02-29,300,EMEA,
  D,D-1,2024-03-01,,150,APAC,
  D,D-1,2024-04-01,,300,APAC,
`;

interface MovementJson {
  period: string;
  customer: string;
  contract: string | null;
  movement: string;
  amount: string;
  before: string;
  after: string;
  segment: Record<string, string> | null;
  reason: string | null;
  lines: { file: string; line: number }[];
}

interface MovementsJson {
  movements: MovementJson[];
  totals: { period: string; movement: string; count: number; amount: string }[];
}

async function movements(args: string[]): Promise<MovementsJson> {
  const r = await runCli(['movements', '--format', 'json', '--grace-days', '0', '--as-of', '2024-04-30', ...args, '-'], { stdin: history });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as MovementsJson;
}

const brief = (m: MovementJson): string => `${m.period} ${m.customer} ${m.movement} ${m.amount} (${m.before} → ${m.after})`;

describe('retain movements', () => {
  it('lists every movement by period, movement kind and size', async () => {
    const json = await movements([]);
    expect(json.movements.map(brief)).toEqual([
      '2024-01 B new 200.00 (0.00 → 200.00)',
      '2024-01 A new 100.00 (0.00 → 100.00)',
      '2024-02 D new 300.00 (0.00 → 300.00)',
      '2024-03 C reactivation 80.00 (0.00 → 80.00)',
      '2024-03 D contraction 150.00 (300.00 → 150.00)',
      '2024-03 B churn 200.00 (200.00 → 0.00)',
      '2024-04 D expansion 300.00 (150.00 → 450.00)',
    ]);
  });

  it('names the input lines behind each movement and the churn reason', async () => {
    const json = await movements([]);
    const find = (text: string): MovementJson => json.movements.find((m) => brief(m).startsWith(text))!;
    expect(find('2024-03 D contraction').lines).toEqual([
      { file: '<stdin>', line: 6 },
      { file: '<stdin>', line: 7 },
    ]);
    expect(find('2024-03 B churn')).toMatchObject({ reason: 'Budget cuts', lines: [{ file: '<stdin>', line: 3 }] });
    // C's January line started and ended inside January: it is not behind the March reactivation.
    expect(find('2024-03 C reactivation')).toMatchObject({ reason: null, lines: [{ file: '<stdin>', line: 5 }] });
    expect(find('2024-04 D expansion').lines).toEqual([{ file: '<stdin>', line: 8 }]);
  });

  it('sums per period and movement to the bridge', async () => {
    const bridge = await runCli(['bridge', '--format', 'json', '--grace-days', '0', '--as-of', '2024-04-30', '--by', 'region', '-'], { stdin: history });
    const periods = (JSON.parse(bridge.stdout) as { periods: { period: string; segment: Record<string, string> | null; money: Record<string, string> }[] }).periods;
    const json = await movements(['--by', 'region']);
    const cents = (s: string): number => Math.round(Number(s) * 100);
    for (const p of periods) {
      for (const kind of ['new', 'expansion', 'reactivation', 'contraction', 'churn']) {
        const listed = json.movements.filter((m) => m.period === p.period && m.movement === kind && (p.segment === null || JSON.stringify(m.segment) === JSON.stringify(p.segment)));
        expect(listed.reduce((s, m) => s + cents(m.amount), 0), `${p.period} ${JSON.stringify(p.segment)} ${kind}`).toBe(cents(p.money[kind]!));
      }
    }
    // D is EMEA in February (its only line) and in March (begin 02-29: the EMEA line): its contraction is EMEA's.
    expect(json.movements.find((m) => m.movement === 'contraction')!.segment).toEqual({ region: 'EMEA' });
    expect(json.movements.find((m) => m.movement === 'expansion')!.segment).toEqual({ region: 'APAC' });
  });

  it.each([
    [['--movement', 'churn,contraction'], ['2024-03 D contraction', '2024-03 B churn']],
    [['--min-amount', '200'], ['2024-01 B new', '2024-02 D new', '2024-03 B churn', '2024-04 D expansion']],
    [['--period-label', '2024-03'], ['2024-03 C reactivation', '2024-03 D contraction', '2024-03 B churn']],
    // Largest first; the two 300s by period.
    [['--top', '2'], ['2024-02 D new', '2024-04 D expansion']],
    [['--unit', 'arr', '--min-amount', '2400'], ['2024-01 B new', '2024-02 D new', '2024-03 B churn', '2024-04 D expansion']],
  ])('filters with %j', async (args, expected) => {
    const json = await movements(args);
    expect(json.movements.map((m) => brief(m).split(' ').slice(0, 3).join(' '))).toEqual(expected);
  });

  it('totals the rows listed per period and movement', async () => {
    const json = await movements(['--movement', 'new']);
    expect(json.totals).toEqual([
      { period: '2024-01', movement: 'new', count: 2, amount: '300.00' },
      { period: '2024-02', movement: 'new', count: 1, amount: '300.00' },
    ]);
  });

  it('names the contract key at --level contract', async () => {
    const json = await movements(['--level', 'contract', '--period-label', '2024-03']);
    expect(json.movements.map((m) => [m.customer, m.contract, m.movement])).toEqual([
      ['C', 'C-2', 'new'],
      ['D', 'D-1', 'contraction'],
      ['B', 'B-1', 'churn'],
    ]);
  });

  it.each([
    [['--movement', 'upsell'], '--movement "upsell": expected some of new, expansion, reactivation, contraction, churn'],
    [['--period-label', '2024-Q3'], '--period-label "2024-Q3" is not a month label'],
    [['--top', '0'], '--top "0": expected a positive whole number'],
    [['--min-amount', '-5'], '--min-amount "-5"'],
  ])('rejects %j', async (args, message) => {
    const r = await runCli(['movements', '--as-of', '2024-04-30', ...args, '-'], { stdin: history });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
