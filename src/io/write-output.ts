// Writes a finished report: to stdout, or to --output atomically (a temporary file in the same folder,
// then rename), so an interrupted run never leaves a half-written report and a failed one never
// touches an existing file. The write and the rename are synchronous on purpose: a SIGINT or SIGTERM
// (handled in cli/main.ts) then waits until the report is either not started or in place, so even the
// temporary file never outlives the run. Only a hard kill can leave a temporary, never a partial report.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `text` (one string, or pieces in order) to `path` through a temporary file and a rename. */
export async function writeFileAtomic(path: string, text: string | Iterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      for (const piece of typeof text === 'string' ? [text] : text) writeAll(fd, Buffer.from(piece, 'utf8'));
    } finally {
      closeSync(fd);
    }
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

/** writeSync may write fewer bytes than asked: loop until the whole buffer is in the file. */
function writeAll(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
}
