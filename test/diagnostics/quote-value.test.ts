import { describe, expect, it } from 'vitest';
import { QUOTED_VALUE_LIMIT, quoteValue } from '../../src/diagnostics/quote-value.js';

describe('quoteValue', () => {
  it('quotes a short value whole', () => {
    expect(quoteValue('12.0')).toBe('"12.0"');
    expect(quoteValue('')).toBe('""');
  });

  it('makes terminal control sequences visible instead of passing them through', () => {
    expect(quoteValue('a\u001b]0;title\u0007b')).toBe('"a\\x1b]0;title\\x07b"');
    expect(quoteValue('x\ry')).toBe('"x\\x0dy"');
    expect(quoteValue('\u009b31m')).toBe('"\\x9b31m"');
    expect(quoteValue('abc\u202edef')).toBe('"abc\\u202edef"');
  });

  it('cuts a long value in the middle and says how long it was', () => {
    const long = 'a'.repeat(50) + 'b'.repeat(2_000_000);
    const quoted = quoteValue(long);
    expect(quoted).toBe(`"${'a'.repeat(35)}…${'b'.repeat(35)}" (2000050 characters)`);
    expect(quoted.length).toBeLessThan(QUOTED_VALUE_LIMIT + 40);
  });

  it('counts characters, not UTF-16 units, so a cut never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(QUOTED_VALUE_LIMIT);
    expect(quoteValue(emoji)).toBe(`"${emoji}"`);
    const longer = quoteValue('😀'.repeat(QUOTED_VALUE_LIMIT + 1));
    expect(longer).toBe(`"${'😀'.repeat(35)}…${'😀'.repeat(35)}" (81 characters)`);
  });
});
