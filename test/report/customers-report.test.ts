// Hand-worked customer list (retain customers --format json) as of 2024-04-30, grace 30:
//   A 100 evergreen since 2023-01-15                         → 15 months, no renewal (evergreen)
//   B AMER 200 and EMEA 50 ending 2024-12-31, EMEA 400 ending 2025-01-31
//     → 650; next renewal 2024-12-31 with 250 expiring; segment EMEA (largest line 400)
//   E 300 ended 2024-04-20, nothing after: inside the grace on 04-30 → pending, 04-20, 300
//   F 90 to 2024-12-31 cancelled from 2024-06-01              → cancelling, 12-31, 90
//   G 70 ended 2024-02-29: past the grace, MRR 0              → listed only with --all
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

const data = csv`
  customer_id,contract_id,start_date,end_date,cancel_date,mrr,region
  A,A-1,2023-01-15,,,100,EMEA
  B,B-1,2024-01-01,2024-12-31,,200,AMER
  B,B-2,2024-03-01,2024-12-31,,50,EMEA
  B,B-3,2024-02-01,2025-01-31,,400,EMEA
  E,E-1,2024-01-01,2024-04-20,,300,APAC
  F,F-1,2024-01-01,2024-12-31,2024-06-01,90,APAC
  G,G-1,2023-06-01,2024-02-29,,70,EMEA
`;

interface CustomersJson {
  total: { count: number; mrr: string };
  customers: { customer: string; contract: string | null; mrr: string; firstActive: string; tenureMonths: number; segment: Record<string, string> | null; nextRenewal: string | null; expiringMrr: string | null; renewalStatus: string | null }[];
}

async function customers(args: string[]): Promise<CustomersJson> {
  const r = await runCli(['customers', '--format', 'json', '--as-of', '2024-04-30', ...args, '-'], { stdin: data });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CustomersJson;
}

describe('retain customers', () => {
  it('lists each customer at the snapshot, largest first, with tenure and next renewal', async () => {
    const json = await customers(['--by', 'region']);
    expect(json.customers.map((c) => [c.customer, c.mrr, c.firstActive, c.tenureMonths, c.segment?.region, c.nextRenewal, c.expiringMrr, c.renewalStatus])).toEqual([
      ['B', '650.00', '2024-01-01', 3, 'EMEA', '2024-12-31', '250.00', 'scheduled'],
      ['E', '300.00', '2024-01-01', 3, 'APAC', '2024-04-20', '300.00', 'pending'],
      ['A', '100.00', '2023-01-15', 15, 'EMEA', null, null, 'evergreen'],
      ['F', '90.00', '2024-01-01', 3, 'APAC', '2024-12-31', '90.00', 'cancelling'],
    ]);
    expect(json.total).toEqual({ count: 4, mrr: '1140.00' });
  });

  it('sums to the bridge end of the period containing as-of', async () => {
    const r = await runCli(['bridge', '--format', 'json', '--as-of', '2024-04-30', '-'], { stdin: data });
    const periods = (JSON.parse(r.stdout) as { periods: { money: { end: string } }[] }).periods;
    expect((await customers([])).total.mrr).toBe(periods.at(-1)!.money.end);
  });

  it('adds customers without MRR with --all and keeps the largest with --top', async () => {
    const all = await customers(['--all']);
    expect(all.customers.at(-1)).toMatchObject({ customer: 'G', mrr: '0.00', tenureMonths: 10, nextRenewal: null, renewalStatus: null });
    const top = await customers(['--top', '2']);
    expect(top.customers.map((c) => c.customer)).toEqual(['B', 'E']);
    expect(top.total.count).toBe(4);
  });

  it('per contract, names the contract key and its own renewal', async () => {
    const json = await customers(['--level', 'contract']);
    expect(json.customers.filter((c) => c.customer === 'B').map((c) => [c.contract, c.mrr, c.nextRenewal, c.expiringMrr])).toEqual([
      ['B-3', '400.00', '2025-01-31', '400.00'],
      ['B-1', '200.00', '2024-12-31', '200.00'],
      ['B-2', '50.00', '2024-12-31', '50.00'],
    ]);
  });
});
