// --timezone applies to the --churn-events file too: an event at 2024-03-31T02:00Z is on 2024-03-31 in UTC
// (the line's last active day, so it explains the churn) but on 2024-03-30 at UTC−05:00 (before the last
// active day, so it explains nothing and is reported as unmatched).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'retain-tz-'));
writeFileSync(join(dir, 'lines.csv'), 'customer_id,start_date,end_date,mrr\nA,2024-01-01,2024-03-31,100\n');
writeFileSync(join(dir, 'events.csv'), 'customer_id,churn_date,reason\nA,2024-03-31T02:00:00Z,Budget cuts\n');

async function churnSegment(extra: string[]): Promise<{ segment: string | undefined; stderr: string }> {
  const args = ['bridge', '--by', 'churn_reason', '--period', 'quarter', '--as-of', '2024-06-30', '-f', 'json', '--churn-events', 'events.csv', ...extra, 'lines.csv'];
  const result = await runCli(args, { cwd: dir });
  expect(result.exitCode, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { periods: { period: string; segment: Record<string, string> | null; money: { churn: string } }[] };
  const churned = report.periods.find((p) => p.period === '2024-Q2' && p.segment !== null && p.money.churn === '100.00');
  return { segment: churned?.segment?.churn_reason, stderr: result.stderr };
}

describe('churn events and --timezone', () => {
  it('matches the event on the last active day in UTC', async () => {
    expect((await churnSegment([])).segment).toBe('Budget cuts');
  });

  it('reads the event on the previous day at UTC−05:00, so it explains no churn', async () => {
    const { segment, stderr } = await churnSegment(['--timezone', '-05:00']);
    expect(segment).toBe('(none)');
    expect(stderr).toContain('CHURN_EVENT_UNMATCHED');
  });
});
