// The checks of the segmented bridge: segment rows must sum to the total row and link period to period
// through the moves; a violation is an internal error (exit 70) and nothing is printed on stdout.
import { describe, expect, it, vi } from 'vitest';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

// Tamper with the segmented sweep only (the one that gets a segmenter): one cent more in a segment's begin.
const tamper = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/metrics/bridge.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/metrics/bridge.js')>();
  return {
    ...original,
    computeBridge: (...args: Parameters<typeof original.computeBridge>) => {
      const facts = original.computeBridge(...args);
      if (tamper.on && args[4] !== undefined) facts.money.begin[facts.segmentCount]! += 1;
      return facts;
    },
  };
});

const { checkSegmentFlow, checkSegmentSums } = await import('../../src/report/bridge-segment-rows.js');
const { SegmentSumError } = await import('../../src/report/segment-attribution.js');
const { computeBridge, emptyBridgeFacts } = await import('../../src/metrics/bridge.js');
type Facts = ReturnType<typeof computeBridge>;

/** Facts of `periods` periods × `segments` segments, all zero. */
function zeroFacts(periods: number, segments: number): Facts {
  return emptyBridgeFacts(periods, segments);
}

const grid = { count: 2, labels: ['2024-01', '2024-02'] } as Parameters<typeof checkSegmentSums>[0];

describe('segment checks', () => {
  it('accept segments that sum to the totals and a move of 100 from segment 0 to segment 1', () => {
    // Period 0: segment 0 ends with 100. Period 1: it moved to segment 1 (begin 100 there).
    const facts = zeroFacts(2, 2);
    const totals = zeroFacts(2, 1);
    facts.money.end[0] = 100;
    facts.counts.end[0] = 1;
    facts.money.new[0] = 100;
    facts.counts.new[0] = 1;
    facts.money.begin[3] = 100;
    facts.counts.begin[3] = 1;
    facts.money.end[3] = 100;
    facts.counts.end[3] = 1;
    facts.movedOut[2] = 100;
    facts.movedOutCount[2] = 1;
    facts.movedIn[3] = 100;
    facts.movedInCount[3] = 1;
    totals.money.new[0] = totals.money.end[0] = 100;
    totals.counts.new[0] = totals.counts.end[0] = 1;
    totals.money.begin[1] = totals.money.end[1] = 100;
    totals.counts.begin[1] = totals.counts.end[1] = 1;
    expect(() => checkSegmentSums(grid, facts, totals)).not.toThrow();
    expect(() => checkSegmentFlow(grid, facts)).not.toThrow();
    facts.movedIn[3] = 0;
    expect(() => checkSegmentFlow(grid, facts)).toThrow(SegmentSumError);
    totals.money.end[1] = 99;
    expect(() => checkSegmentSums(grid, facts, totals)).toThrow(/segments of 2024-02 do not sum to the total: end 100 ≠ 99/);
  });

  it('a segmented bridge that does not add up exits 70 and prints no report', async () => {
    const data = csv`
      customer_id,start_date,mrr,region
      A,2024-01-01,100,EMEA
      B,2024-01-01,200,AMER
    `;
    tamper.on = true;
    try {
      const r = await runCli(['bridge', '--by', 'region', '--as-of', '2024-03-31', '-'], { stdin: data });
      expect(r.exitCode).toBe(70);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('internal error: segments of 2024-02 do not sum to the total: begin');
      const plain = await runCli(['bridge', '--as-of', '2024-03-31', '-'], { stdin: data });
      expect(plain.exitCode).toBe(0);
    } finally {
      tamper.on = false;
    }
  });
});
