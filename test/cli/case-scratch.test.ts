// The golden-case runner lets a `cmd` write only inside its scratch folder ($SCRATCH).
import { describe, expect, it } from 'vitest';
import { placeScratch } from '../helpers/case-scratch.js';

describe('placeScratch', () => {
  it('puts $SCRATCH paths in the scratch folder and accepts relative reads', () => {
    const placed = placeScratch(['bridge', '--rejects', '$SCRATCH/rejects.csv', '--output=$SCRATCH/out/report.txt', '--column', 'mrr=Monthly Value', '../../../exports/basic.csv'], '/tmp/retain-case-x');
    expect(placed.refused).toEqual([]);
    expect(placed.words).toEqual(['bridge', '--rejects', '/tmp/retain-case-x/rejects.csv', '--output=/tmp/retain-case-x/out/report.txt', '--column', 'mrr=Monthly Value', '../../../exports/basic.csv']);
  });

  it.each([
    ['--rejects', '/dev/null'],
    ['-o', '/dev/stdout'],
    ['--output=/etc/passwd'],
    ['--accounts', '~/accounts.csv'],
    ['--output', 'x$SCRATCH/y'],
  ])('refuses %s %s', (...words) => {
    expect(placeScratch(words, '/tmp/s').refused).toHaveLength(1);
  });
});
