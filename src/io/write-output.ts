// Writes a finished report to the path of --output (or --rejects, or retain init's file), decided by
// output-target.ts. A file is replaced atomically: a temporary file in the same folder, then a rename,
// so an interrupted run never leaves a half-written report and a failed one never touches an existing
// file; the replacement keeps the permissions of the file it replaces. A character device or a FIFO is
// written in place. The writes and the rename are synchronous on purpose: a SIGINT or SIGTERM (handled
// in cli/main.ts) then waits until the report is either not started or in place, so even the temporary
// file never outlives the run. Only a hard kill can leave a temporary, never a partial report.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { outputTarget } from './output-target.js';

type Text = string | Iterable<string>;

/** Writes `text` (one string, or pieces in order) to `path`; throws OutputRefused or the file system's error. */
export async function writeOutput(path: string, text: Text): Promise<void> {
  const target = outputTarget(path);
  if (target.kind === 'stream') writeInPlace(target.path, text);
  else replaceAtomically(target.path, text, target.kind === 'file' ? target.mode : undefined);
}

function replaceAtomically(path: string, text: Text, mode: number | undefined): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      for (const piece of pieces(text)) writeAll(fd, Buffer.from(piece, 'utf8'));
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

/** Opened for writing only: never created, truncated or renamed over. A FIFO whose reader left ends the write (EPIPE), as a closed stdout does. */
function writeInPlace(path: string, text: Text): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    for (const piece of pieces(text)) writeAll(fd, Buffer.from(piece, 'utf8'));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EPIPE') throw cause;
  } finally {
    closeSync(fd);
  }
}

function pieces(text: Text): Iterable<string> {
  return typeof text === 'string' ? [text] : text;
}

/** writeSync may write fewer bytes than asked: loop until the whole buffer is written. */
function writeAll(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
}
