// The finished report goes to stdout, or atomically to --output.
import { resolve } from 'node:path';
import { writeFileAtomic } from '../io/write-output.js';
import { InputError } from './errors.js';
import type { CliIo } from './io.js';
import { error } from '../diagnostics/diagnostic.js';

export async function emitReport(text: string, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), text);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new InputError(`cannot write --output ${output}`, [
      error('FILE_UNREADABLE', `cannot write ${output} (${reason})`, { file: output }, 'choose a writable file path'),
    ]);
  }
}
