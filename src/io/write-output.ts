// Writes a finished report: to stdout, or to --output atomically (a temporary file in the same folder,
// then rename), so an interrupted run never leaves a half-written report and a failed one never
// touches an existing file. The write and the rename are synchronous on purpose: a SIGINT or SIGTERM
// (handled in cli/main.ts) then waits until the report is either not started or in place, so even the
// temporary file never outlives the run. Only a hard kill can leave a temporary, never a partial report.
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (cause) {
    try {
      unlinkSync(temporary);
    } catch {
      // never created
    }
    throw cause;
  }
}
