import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { renderWithinLimits } from '../../src/cli/report-command.js';

describe('renderWithinLimits', () => {
  it('passes a rendered report through', () => {
    expect(renderWithinLimits(() => 'report\n')).toBe('report\n');
  });

  it('turns a report too long for one string into a usage-level error with a remedy', () => {
    let caught: unknown;
    try {
      renderWithinLimits(() => 'x'.repeat(2 ** 29 + 100)); // past V8's maximum string length
    } catch (cause) {
      caught = cause;
    }
    expect(caught).toBeInstanceOf(InputError);
    const diagnostic = (caught as InputError).diagnostics[0];
    expect(diagnostic?.code).toBe('OUTPUT_UNWRITABLE');
    expect(diagnostic?.remedy).toContain('--top');
  });

  it('lets every other failure through as the bug it is', () => {
    expect(() => renderWithinLimits(() => { throw new TypeError('boom'); })).toThrow(TypeError);
  });
});
