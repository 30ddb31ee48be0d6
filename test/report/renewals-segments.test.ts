// retain renewals --by (METRICS.md §6 applied to §7): a unit takes the segment of its entity on the unit's
// last active day and keeps it while it rolls forward; segment rows sum to the total row of each period.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const basic = readFileSync(new URL('../../fixtures/exports/basic.csv', import.meta.url), 'utf8');
const sample = readFileSync(new URL('../../fixtures/sample/contracts.csv', import.meta.url), 'utf8');

interface RenewalsRowJson {
  period: string;
  segment: Record<string, string> | null;
  counts: Record<string, number>;
  money: Record<string, string>;
}

async function renewals(csvText: string, args: string[]): Promise<RenewalsRowJson[]> {
  const result = await runCli(['renewals', '-f', 'json', ...args, '-'], { stdin: csvText });
  expect(result.exitCode, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { periods: RenewalsRowJson[] }).periods;
}

describe('renewals --by', () => {
  it('splits the renewals of basic.csv by region as worked by hand', async () => {
    const rows = await renewals(basic, ['--by', 'region', '--period', 'quarter', '--as-of', '2025-06-30', '--fx', 'EUR=1.10,GBP=1.25']);
    const at = (period: string, region: string | null): RenewalsRowJson | undefined =>
      rows.find((r) => r.period === period && (region === null ? r.segment === null : r.segment?.region === region));
    // 2024-Q2: Delta (AMER, D-1 ends 06-30, renewed 19 days late) and Epsilon (EMEA, E-1 ends 05-31, back only
    // in October) are due; neither is decided by 06-30, so both roll forward.
    expect(at('2024-Q2', 'AMER')).toMatchObject({ counts: { expected: 1, rolledForward: 1 }, money: { expected: '300.00' } });
    expect(at('2024-Q2', 'EMEA')).toMatchObject({ counts: { expected: 1, rolledForward: 1 }, money: { expected: '200.00' } });
    expect(at('2024-Q2', null)).toMatchObject({ counts: { expected: 2, rolledForward: 2 }, money: { expected: '500.00' } });
    // 2024-Q3: Delta renews flat (late) in AMER; Epsilon is not renewed in EMEA (grace closed 07-01).
    expect(at('2024-Q3', 'AMER')).toMatchObject({ counts: { rolledIn: 1, renewedFlat: 1, late: 1 }, money: { renewedFlat: '300.00' } });
    expect(at('2024-Q3', 'EMEA')).toMatchObject({ counts: { rolledIn: 1, notRenewed: 1 }, money: { notRenewed: '200.00' } });
    // 2024-Q4: Acme (AMER) upgrades 1,000 → 1,100; no EMEA unit is due or decided, so no EMEA row.
    expect(at('2024-Q4', 'AMER')).toMatchObject({ counts: { upgraded: 1 }, money: { upgraded: '1000.00', successor: '1100.00' } });
    expect(at('2024-Q4', 'EMEA')).toBeUndefined();
    // 2025-Q2: Gamma Labs (EMEA), cancelled in November, is due 2025-04-30: a cancellation of 625.00.
    expect(at('2025-Q2', 'EMEA')).toMatchObject({ counts: { cancelled: 1 }, money: { cancelled: '625.00' } });
  });

  it('segment rows add up to the total row in every period (generated sample, by size × region)', async () => {
    const rows = await renewals(sample, ['--by', 'size,region', '--period', 'quarter', '--as-of', '2025-12-31']);
    const periods = [...new Set(rows.map((r) => r.period))];
    expect(periods.length).toBeGreaterThan(10);
    const cents = (s: string): number => Math.round(Number(s) * 100);
    for (const period of periods) {
      const total = rows.find((r) => r.period === period && r.segment === null)!;
      const parts = rows.filter((r) => r.period === period && r.segment !== null);
      for (const key of Object.keys(total.counts)) {
        expect(parts.reduce((a, r) => a + (r.counts[key] ?? 0), 0), `${period} ${key}`).toBe(total.counts[key]);
      }
      for (const key of ['expected', 'expectedLocked', 'rolledIn', 'renewed', 'churned', 'rolledForward', 'pending', 'decided', 'successor']) {
        expect(parts.reduce((a, r) => a + cents(r.money[key]!), 0), `${period} ${key}`).toBe(cents(total.money[key]!));
      }
    }
  });
});
