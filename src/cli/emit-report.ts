// The finished report goes to stdout, or atomically to --output.
import { resolve } from 'node:path';
import { writeFileAtomic } from '../io/write-output.js';
import { InputError } from './errors.js';
import type { CliIo } from './io.js';
import type { ReportText } from '../render/report-text.js';
import { error } from '../diagnostics/diagnostic.js';

export async function emitReport(text: ReportText, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined) {
    if (typeof text === 'string') io.stdout.write(text);
    else for (const piece of text) io.stdout.write(piece);
    return;
  }
  await writeOrFail(output, '--output', () => writeFileAtomic(resolve(io.cwd, output), text));
}

/** Runs a write of a file the user named; a failure is an OUTPUT_UNWRITABLE input error (exit 2), not a bug. */
export async function writeOrFail(path: string, flag: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new InputError(`cannot write ${flag} ${path}`, [
      error('OUTPUT_UNWRITABLE', `cannot write ${flag} ${path} (${reason})`, { file: path }, 'name a file in an existing folder you can write to'),
    ]);
  }
}
