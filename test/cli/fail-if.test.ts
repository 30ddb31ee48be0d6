// --fail-if / --fail-period: parsing of conditions and their evaluation over the total rows shown.
import { describe, expect, it } from 'vitest';
import { checkFailGate, parseFailGate } from '../../src/cli/fail-if.js';
import { CheckFailedError, UsageError } from '../../src/cli/errors.js';
import { Rate } from '../../src/model/money.js';
import type { BridgeRow } from '../../src/report/bridge-row.js';

/** A total row (or a segment row) whose NRR is num/den and whose other rates are null. */
function row(period: string, nrr: [number, number] | null, segment: Record<string, string> | null = null): BridgeRow {
  const rates = { grr: null, nrr: nrr ? Rate.of(nrr[0], nrr[1]) : null, grossChurn: null, netChurn: null, logoChurn: null, logoRetention: null, quickRatio: null, ttmNrr: null, ttmGrr: null };
  return { period, start: 0, end: 0, partial: false, segment, rates } as unknown as BridgeRow;
}

function failure(rows: BridgeRow[], ...args: string[]): string | undefined {
  const raw: Record<string, unknown> = { failIf: args.filter((a) => !a.startsWith('period=')), failPeriod: args.find((a) => a.startsWith('period='))?.slice(7) };
  try {
    checkFailGate(rows, parseFailGate(raw));
    return undefined;
  } catch (cause) {
    if (cause instanceof CheckFailedError) return cause.message;
    throw cause;
  }
}

describe('parseFailGate', () => {
  it('reads rate names without case or underscores, the four operators, decimals and percentages', () => {
    const gate = parseFailGate({ failIf: ['nrr<1.0', ' GRR >= 0.9 ', 'logo_churn>2%', 'ttmNrr<=.95'] });
    expect(gate.conditions.map((c) => [c.rate, c.operator, c.threshold])).toEqual([
      ['nrr', '<', 1],
      ['grr', '>=', 0.9],
      ['logoChurn', '>', 0.02],
      ['ttmNrr', '<=', 0.95],
    ]);
    expect(gate.period).toBe('all');
  });

  it.each(['nps<1', 'nrr<', 'nrr=1', 'nrr<1e3', 'nrr<-1', '<1'])('rejects %j as a usage error', (text) => {
    expect(() => parseFailGate({ failIf: [text] })).toThrow(UsageError);
  });
});

describe('checkFailGate', () => {
  // NRR per period: 2024-01 = 1.1, 2024-02 = 0.95, 2024-03 = exactly 1, 2024-04 = null (nobody at begin).
  const rows = [row('2024-01', [110, 100]), row('2024-02', [95, 100]), row('2024-03', [100, 100]), row('2024-04', null)];

  it('fails on the periods where the condition holds, with one line naming them', () => {
    expect(failure(rows, 'nrr<1.0')).toBe('nrr<1.0 in 1 of 4 period(s): 2024-02 nrr 0.9500');
  });

  it('compares exactly at the threshold: < excludes it, <= includes it', () => {
    expect(failure([rows[2]!], 'nrr<1')).toBeUndefined();
    expect(failure([rows[2]!], 'nrr<=1')).toBe('nrr<=1 in 1 of 1 period(s): 2024-03 nrr 1.0000');
    // 2/3 is below 0.6667 and above 0.666666: the comparison is not done on a rounded value.
    expect(failure([row('2024-05', [2, 3])], 'nrr<0.6667')).toBeDefined();
    expect(failure([row('2024-05', [2, 3])], 'nrr<0.666666')).toBeUndefined();
  });

  it('never fails on a null rate', () => {
    expect(failure([rows[3]!], 'nrr<100', 'nrr>0')).toBeUndefined();
  });

  it('looks only at the last period with --fail-period last', () => {
    expect(failure(rows.slice(0, 3), 'nrr<1', 'period=last')).toBeUndefined();
    expect(failure(rows.slice(0, 2), 'nrr<1', 'period=last')).toBe('nrr<1 in 1 of 1 period(s): 2024-02 nrr 0.9500');
  });

  it('ignores segment rows: the gate is on the totals', () => {
    const segmented = [row('2024-01', [50, 100], { region: 'EMEA' }), row('2024-01', [110, 100])];
    expect(failure(segmented, 'nrr<1')).toBeUndefined();
  });

  it('lists three periods per condition, then a count, and joins conditions with ;', () => {
    const many = ['01', '02', '03', '04', '05'].map((m) => row(`2024-${m}`, [9, 10]));
    expect(failure(many, 'nrr<1', 'nrr<0.95')).toBe(
      'nrr<1 in 5 of 5 period(s): 2024-01 nrr 0.9000, 2024-02 nrr 0.9000, 2024-03 nrr 0.9000, and 2 more; ' +
        'nrr<0.95 in 5 of 5 period(s): 2024-01 nrr 0.9000, 2024-02 nrr 0.9000, 2024-03 nrr 0.9000, and 2 more',
    );
  });
});
