// The finished report goes to stdout (also for `--output -`), or to the --output path (io/write-output.ts:
// atomically for a file, in place for a device or FIFO). A write that fails is a diagnostic with exit 2,
// never a stack trace; a standard output closed by its reader (retain … | head) is a normal end.
import { resolve } from 'node:path';
import { error } from '../diagnostics/diagnostic.js';
import { quoteValue } from '../diagnostics/quote-value.js';
import { OutputRefused } from '../io/output-target.js';
import { writeOutput } from '../io/write-output.js';
import type { ReportText } from '../render/report-text.js';
import { InputError, OutputClosed } from './errors.js';
import type { CliIo } from './io.js';

export async function emitReport(text: ReportText, output: string | undefined, io: CliIo): Promise<void> {
  if (output !== undefined && output !== '-') {
    await writeOrFail(output, '--output', () => writeOutput(resolve(io.cwd, output), text));
    return;
  }
  for (const piece of typeof text === 'string' ? [text] : text) {
    // Once a write failed the rest would be lost: stop producing a long listing.
    if (io.stdout.failed) break;
    io.stdout.write(piece);
  }
  await stdoutWritten(io);
}

/** Waits for standard output to take the report: EPIPE ends the run normally (exit 0), other errors exit 2. */
export async function stdoutWritten(io: CliIo): Promise<void> {
  try {
    await io.stdout.flush?.();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') throw new OutputClosed();
    throw new InputError('cannot write to standard output', [
      error('OUTPUT_UNWRITABLE', `cannot write the report to standard output: ${explain(cause)}`, { file: '<stdout>' }, remedyFor(code, 'redirect the report elsewhere, or give --output')),
    ]);
  }
}

/** Runs a write of a file the user named; a failure is an OUTPUT_UNWRITABLE input error (exit 2), not a bug. */
export async function writeOrFail(path: string, flag: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (cause) {
    // Only the system's refusals are about the path; anything else is a bug, reported as one.
    if (!(cause instanceof OutputRefused) && (cause as NodeJS.ErrnoException).code === undefined) throw cause;
    const reason = cause instanceof OutputRefused ? `it ${cause.reason}` : explain(cause);
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write ${flag} ${quoteValue(path)}`, [
      error('OUTPUT_UNWRITABLE', `cannot write ${flag} ${quoteValue(path)}: ${reason}`, { file: path }, remedyFor(code, 'name a file in an existing folder you can write to')),
    ]);
  }
}

const reasons: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'the file is too large for the file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EIO: 'an input/output error of the device',
  EPIPE: 'the reader of the FIFO closed it',
};

function explain(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === undefined) return cause instanceof Error ? cause.message : String(cause);
  return `${reasons[code] ?? 'the system refused the write'} (${code})`;
}

function remedyFor(code: string | undefined, otherwise: string): string {
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' ? 'free some space, or write the report elsewhere' : otherwise;
}
