// bridge --by churn_class / churn_type / churn_reason: segments computed from each line's churn_reason
// (METRICS.md §7 keywords), attributed like any column (the entity's largest line at begin(P), §6).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bridgeJson } from '../helpers/bridge-json.js';

const basic = readFileSync(new URL('../../fixtures/exports/basic.csv', import.meta.url), 'utf8');
const args = ['--fx', 'EUR=1.10,GBP=1.25', '--as-of', '2025-06-30'];

describe('bridge by churn class', () => {
  it('puts each churn of basic.csv in the class of its reason', async () => {
    const r = await bridgeJson(basic, [...args, '--by', 'churn_class']);
    const churn = (period: string, cls: string): string | undefined => r.periods.find((p) => p.period === period && p.segment?.churn_class === cls)?.money.churn;
    // Epsilon leaves in June 2024: "Paused project" → avoidable.
    expect(churn('2024-06', 'avoidable')).toBe('200.00');
    // Gamma Labs is cancelled in November 2024: "Acquired, merged into parent" → unavoidable (death and marriage).
    expect(churn('2024-11', 'unavoidable')).toBe('625.00');
    // Beta does not renew in February 2025: "Budget cuts" → avoidable.
    expect(churn('2025-02', 'avoidable')).toBe('550.00');
    // Gamma's cancelled add-on ("Not used") is a contraction; Gamma's largest line (the plan, no reason) decides.
    expect(r.periods.find((p) => p.period === '2024-09' && p.segment?.churn_class === 'unspecified')?.money.contraction).toBe('50.00');
  });

  it('splits by reason text and by voluntary/involuntary', async () => {
    const byReason = await bridgeJson(basic, [...args, '--by', 'churn_reason']);
    expect(byReason.periods.find((p) => p.period === '2024-11' && p.segment?.churn_reason === 'Acquired, merged into parent')?.money.churn).toBe('625.00');
    const byType = await bridgeJson(basic, [...args, '--by', 'churn_type']);
    // None of the reasons names a payment problem: every churn is voluntary.
    const involuntary = byType.periods.filter((p) => p.segment?.churn_type === 'involuntary');
    expect(involuntary).toEqual([]);
    expect(byType.periods.find((p) => p.period === '2025-02' && p.segment?.churn_type === 'voluntary')?.money.churn).toBe('550.00');
  });
});
