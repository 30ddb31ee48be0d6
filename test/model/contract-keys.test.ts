// renews chains (METRICS.md §3, §8): the contract key is the first contract of the chain; an unknown
// target or a self-link makes no link; a cycle is an error naming its rows.
import { describe, expect, it } from 'vitest';
import { bridgeJson, period } from '../helpers/bridge-json.js';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

describe('renews chains at contract level', () => {
  it('follows a chain of three contracts: one contract key, no churn and no new at each renewal', async () => {
    const text = csv`
      customer_id,contract_id,start_date,end_date,mrr,renews
      A,K1,2024-01-01,2024-03-31,100,
      A,K2,2024-04-01,2024-06-30,120,K1
      A,K3,2024-07-01,2024-09-30,120,K2
    `;
    const r = await bridgeJson(text, ['--level', 'contract', '--period', 'quarter', '--as-of', '2024-09-30']);
    expect(period(r, '2024-Q2').money).toMatchObject({ begin: '100.00', expansion: '20.00', new: '0.00', churn: '0.00', end: '120.00' });
    expect(period(r, '2024-Q3').counts).toMatchObject({ begin: 1, end: 1, new: 0, churned: 0 });
  });

  it('without the link, the renewal under a new id is churn + new at contract level', async () => {
    const text = csv`
      customer_id,contract_id,start_date,end_date,mrr
      A,K1,2024-01-01,2024-03-31,100
      A,K2,2024-04-01,2024-06-30,120
    `;
    const r = await bridgeJson(text, ['--level', 'contract', '--period', 'quarter', '--as-of', '2024-06-30']);
    expect(period(r, '2024-Q2').money).toMatchObject({ begin: '100.00', new: '120.00', churn: '100.00', end: '120.00' });
  });

  it('warns about an unknown target and ignores a self-link', async () => {
    const text = csv`
      customer_id,contract_id,start_date,end_date,mrr,renews
      A,K1,2024-01-01,2024-03-31,100,K0
      A,K2,2024-04-01,2024-06-30,100,K2
    `;
    const result = await runCli(['bridge', '--level', 'contract', '--as-of', '2024-06-30', '-'], { stdin: text });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('retain: warning: <stdin>:2 [renews]: RENEWS_UNKNOWN: contract K1 renews "K0", which is no contract in the input; it starts its own chain (check the renews value)');
    expect(result.stderr).not.toContain('K2 renews');
  });

  it('refuses a cycle and names its rows', async () => {
    const text = csv`
      customer_id,contract_id,start_date,end_date,mrr,renews
      A,K1,2024-01-01,2024-03-31,100,K3
      A,K2,2024-04-01,2024-06-30,100,K1
      A,K3,2024-07-01,2024-09-30,100,K2
    `;
    const result = await runCli(['bridge', '--as-of', '2024-09-30', '-'], { stdin: text });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/RENEWS_CYCLE: renews links form a cycle: K1 → K3 → K2 → K1 \(rows <stdin>:2, <stdin>:4, <stdin>:3\)/);
    expect(result.stdout).toBe('');
  });
});
