/**
 * End to end on RavenStack (fixtures/public/ravenstack; synthetic data by River @ Rivalytics, see CREDIT.md):
 * subscriptions + --accounts + --churn-events, three files joined by account id.
 *
 * Worked by hand from the files: every one of the 500 accounts has subscriptions and a row in the accounts file
 * (no orphans either way). The 778 trials at 0 are excluded by the generic profile's is_trial rule. With the
 * trials left out, only two accounts ever stop for more than 30 days:
 *   A-432483: S-2e017b 2023-04-02 … 2023-04-05 (Pro, 245), then nothing paid until S-e78857 on 2023-09-09;
 *   A-180abf: S-a5a40b 2023-09-16 … 2023-11-06 (Enterprise, 12,736), then nothing paid until S-8b0498 on 2024-02-19.
 * A-180abf's churn event C-e582ea (2023-12-04, reason "support", line 25) is 28 days after 2023-11-06: within
 * 1 + 30 days, so S-a5a40b (subscriptions line 2558) gets the reason "support". A-432483 has no churn event.
 * The other 599 events fall while their account is active: one warning names the count.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { runCli } from '../helpers/run-cli.js';
import { readLines } from '../helpers/read-lines.js';
import { REPO_ROOT } from './support.js';

const DIR = 'fixtures/public/ravenstack';
const side = (name: string): { path: string; shown: string } => ({ path: join(REPO_ROOT, DIR, name), shown: `${DIR}/${name}` });
const subscriptions = readFileSync(join(REPO_ROOT, DIR, 'ravenstack_subscriptions.csv'), 'utf8');

describe('ravenstack: subscriptions joined with accounts and churn events', () => {
  it('industry and country come from the accounts file; the one churn with an event gets its reason', async () => {
    const { lines, result } = await readLines(subscriptions, {
      dimensions: ['industry', 'country', 'plan_tier'],
      accounts: side('ravenstack_accounts.csv'),
      churnEvents: side('ravenstack_churn_events.csv'),
      graceDays: 30,
    });
    expect(result.accounting).toMatchObject({ rows: 5000, used: 4222, rejected: 0, excluded: { 'trial at zero amount': 778 } });
    const s = result.store;
    const at = (contract: string): number => lines.findIndex((l) => l.contract === contract);
    const dim = (d: number, i: number): string => s.dimensionValues[d]!.value(s.dimensions[d]![i]!);
    // accounts.csv line 124: A-180abf,Company_122,DevTools,US,…; line 80: A-432483,…,Cybersecurity,US.
    expect([dim(0, at('S-a5a40b')), dim(1, at('S-a5a40b')), dim(2, at('S-a5a40b'))]).toEqual(['DevTools', 'US', 'Enterprise']);
    expect([dim(0, at('S-2e017b')), dim(1, at('S-2e017b'))]).toEqual(['Cybersecurity', 'US']);
    expect(lines.filter((l) => l.reason !== '').map((l) => [l.contract, l.line, l.reason])).toEqual([['S-a5a40b', 2558, 'support']]);
    expect(result.warnings.map(formatDiagnostic)).toEqual([
      `retain: warning: ${DIR}/ravenstack_churn_events.csv: CHURN_EVENT_UNMATCHED: 599 of 600 churn event(s) match no churn of the lines (0 name no customer of the lines; the others fall while the customer is still active, or more than 30 grace days after its last active day): line 2 A-c37cab 2024-10-27; line 3 A-37f969 2024-06-25; line 4 A-b07346 2024-11-12; line 5 A-1e50e0 2023-11-01; line 6 A-956988 2024-12-30; … (their reasons are not used; check the dates, or the customer ids)`,
    ]);
  });

  it('the accounts columns are --by segments of the main file; retain check reports only the unmatched events', async () => {
    const args = ['--as-of', '2024-12-31', '--accounts', `${DIR}/ravenstack_accounts.csv`, '--churn-events', `${DIR}/ravenstack_churn_events.csv`, `${DIR}/ravenstack_subscriptions.csv`];
    const bridge = await runCli(['bridge', '-f', 'json', '--period', 'year', '--by', 'industry', ...args], { cwd: REPO_ROOT });
    expect(bridge.exitCode, bridge.stderr).toBe(0);
    const segments = (JSON.parse(bridge.stdout) as { periods: { period: string; segment: Record<string, string> | null }[] }).periods.filter((p) => p.period === '2024' && p.segment !== null);
    expect(segments.map((p) => p.segment?.['industry']).sort()).toEqual(['Cybersecurity', 'DevTools', 'EdTech', 'FinTech', 'HealthTech']);
    const check = await runCli(['check', '-f', 'json', ...args], { cwd: REPO_ROOT });
    expect(check.exitCode, check.stderr).toBe(0);
    expect((JSON.parse(check.stdout) as { summary: unknown }).summary).toEqual({ errors: 0, warnings: 1, byCode: [{ code: 'CHURN_EVENT_UNMATCHED', severity: 'warning', count: 1 }] });
    const strict = await runCli(['check', '--strict', '-q', ...args], { cwd: REPO_ROOT });
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toBe('retain: check failed: 0 error(s), 1 warning(s) (--strict)\n');
  });
});
