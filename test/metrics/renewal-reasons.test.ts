// Churn reasons (METRICS.md §7): keywords, matched case-insensitively inside the text with punctuation read
// as spaces, decide avoidable/unavoidable and voluntary/involuntary; a reason map sends exact values first;
// an empty reason is unspecified. Reported per period by class and by reason, for churned and downgraded units.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyReason } from '../../src/model/churn-reason.js';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { period, renewalsJson, unit } from './renewal-helpers.js';

describe('classifyReason', () => {
  it.each([
    ['Bankruptcy', 'unavoidable', 'voluntary'],
    ['Out-of-business', 'unavoidable', 'voluntary'],
    ['Acquired, merged into parent', 'unavoidable', 'voluntary'],
    ['Company dissolved', 'unavoidable', 'voluntary'],
    ['in LIQUIDATION', 'unavoidable', 'voluntary'],
    ['Card declined', 'avoidable', 'involuntary'],
    ['nonpayment', 'avoidable', 'involuntary'],
    ['Past-due invoices', 'avoidable', 'involuntary'],
    ['Delinquent account', 'avoidable', 'involuntary'],
    ['Fraud review failed', 'avoidable', 'involuntary'],
    ['Business closed, card declined', 'unavoidable', 'involuntary'],
    ['Too expensive', 'avoidable', 'voluntary'],
    ['Switched to competitor', 'avoidable', 'voluntary'],
    ['', 'unspecified', 'unspecified'],
    ['   ', 'unspecified', 'unspecified'],
  ])('%j → %s, %s', (reason, avoidable, voluntary) => {
    expect(classifyReason(reason)).toEqual({ avoidable, voluntary });
  });

  it('lets a reason map decide exact values first, axis by axis', () => {
    const map = new Map([
      ['Closed won elsewhere', { avoidable: 'avoidable' as const }],
      ['Other', { avoidable: 'unspecified' as const, voluntary: 'unspecified' as const }],
    ]);
    // "closed" would make it unavoidable; the map says avoidable; voluntariness still by keywords.
    expect(classifyReason('Closed won elsewhere', map)).toEqual({ avoidable: 'avoidable', voluntary: 'voluntary' });
    expect(classifyReason('Other', map)).toEqual({ avoidable: 'unspecified', voluntary: 'unspecified' });
    // Exact values only: a different case is not the same value.
    expect(classifyReason('other', map)).toEqual({ avoidable: 'avoidable', voluntary: 'voluntary' });
  });
});

describe('churn by class and reason', () => {
  // Due in March: A cancelled (Acquired by a rival, 100), B not renewed (Card expired, 200), C not renewed
  // without a reason (300), D downgraded 400 → 250 with reason "Budget cuts" on its old line, E renewed flat.
  const input = csv`
    customer_id,contract_id,start_date,end_date,mrr,cancel_date,churn_reason
    A,A-1,2024-01-01,2024-03-31,100,2024-03-01,Acquired by a rival
    B,B-1,2024-01-01,2024-03-31,200,,Card expired
    C,C-1,2024-01-01,2024-03-31,300,,
    D,D-1,2024-01-01,2024-03-31,400,,Budget cuts
    D,D-1,2024-04-01,2024-12-31,250,,
    E,E-1,2024-01-01,2024-03-31,500,,Budget cuts
    E,E-1,2024-04-01,2024-12-31,500,,
  `;

  it('sums churned and downgraded CMRR per class on both axes, and per reason', async () => {
    const r = await renewalsJson(input, ['--as-of', '2024-06-30', '--detail']);
    // A is decided in March; B and C when their grace closes on 05-01 (May); D in March.
    const march = period(r, '2024-03');
    expect(march.classes.avoidable).toEqual({
      avoidable: { churnedCount: 0, churnedCmrr: '0.00', downgradedCount: 1, downgradedCmrr: '150.00' },
      unavoidable: { churnedCount: 1, churnedCmrr: '100.00', downgradedCount: 0, downgradedCmrr: '0.00' },
      unspecified: { churnedCount: 0, churnedCmrr: '0.00', downgradedCount: 0, downgradedCmrr: '0.00' },
    });
    expect(march.reasons).toEqual([
      { reason: 'Budget cuts', avoidable: 'avoidable', voluntary: 'voluntary', churnedCount: 0, churnedCmrr: '0.00', downgradedCount: 1, downgradedCmrr: '150.00' },
      { reason: 'Acquired by a rival', avoidable: 'unavoidable', voluntary: 'voluntary', churnedCount: 1, churnedCmrr: '100.00', downgradedCount: 0, downgradedCmrr: '0.00' },
    ]);
    const may = period(r, '2024-05');
    expect(may.classes.voluntary.involuntary).toMatchObject({ churnedCount: 1, churnedCmrr: '200.00' });
    expect(may.classes.voluntary.unspecified).toMatchObject({ churnedCount: 1, churnedCmrr: '300.00' });
    expect(may.reasons.map((x) => [x.reason, x.churnedCmrr])).toEqual([['', '300.00'], ['Card expired', '200.00']]);
    // A flat renewal carries no reason class even when its line has a reason.
    expect(unit(r, 'E')).toMatchObject({ churnReason: '', classes: null });
    expect(unit(r, 'B')).toMatchObject({ churnReason: 'Card expired', classes: { avoidable: 'avoidable', voluntary: 'involuntary' } });
  });

  it('applies --reason-map before the keywords', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retain-reasons-'));
    writeFileSync(join(dir, 'reasons.json'), JSON.stringify({ 'Card expired': { voluntary: 'voluntary' }, 'Acquired by a rival': { avoidable: 'avoidable' } }));
    const r = await renewalsJson(input, ['--as-of', '2024-06-30', '--reason-map', 'reasons.json'], dir);
    expect(period(r, '2024-05').classes.voluntary.voluntary).toMatchObject({ churnedCount: 1, churnedCmrr: '200.00' });
    expect(period(r, '2024-03').classes.avoidable.avoidable).toMatchObject({ churnedCount: 1, churnedCmrr: '100.00', downgradedCount: 1 });
    expect(r.policy.reasonMap).toBe('reasons.json');
  });

  it('rejects a reason map with an unknown class, naming the value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retain-reasons-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ 'Card expired': { voluntary: 'maybe' } }));
    const run = await runCli(['renewals', '--as-of', '2024-06-30', '--reason-map', 'bad.json', '-'], { stdin: input, cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--reason-map bad.json: "Card expired" → "voluntary"');
  });
});
