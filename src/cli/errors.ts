// Thrown errors are for the shell only; run.ts maps each class to its exit code.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Bad flags or arguments: exit 2. */
export class UsageError extends Error {}

/** Input that cannot be used: exit 2, with the diagnostics already printed or attached. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** The run worked but a check failed (--fail-if): exit 1. */
export class CheckFailedError extends Error {}

/** Standard output was closed by its reader (retain … | head): the run ends normally, exit 0. */
export class OutputClosed extends Error {}
