// What an output path names, decided from the file system (device and inode, not the spelling of the
// path) before anything is written. A regular file, or a name not taken yet, is replaced atomically; a
// character device (/dev/null, a terminal) or a FIFO is written in place, since renaming over it would
// replace the device itself with a plain file; anything else (a folder, a socket, a block device, a link
// to nothing) is refused. A symbolic link is followed: the file it points to is replaced and the link kept.
import { fstatSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type OutputTarget =
  /** An existing regular file; `path` is its real path (through any symbolic link), `mode` its permissions. */
  | { kind: 'file'; path: string; identity: string; mode: number }
  /** A name not taken yet, in an existing folder; `path` is the real folder joined with the name. */
  | { kind: 'new'; path: string; identity: string }
  /** Written in place: opened for writing, never created, truncated or renamed over. */
  | { kind: 'stream'; path: string; what: 'a character device' | 'a FIFO' };

/** The path names something retain never writes to; `reason` completes "--output X …". */
export class OutputRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const identityOf = (stats: Stats): string => `${stats.dev}:${stats.ino}`;

/** Throws OutputRefused, or the file system's own error (ENOENT for a missing folder, EACCES…). */
export function outputTarget(path: string): OutputTarget {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    if (isSymbolicLink(path)) throw new OutputRefused('is a symbolic link to a file that does not exist');
    const folder = realpathSync(dirname(path));
    const target = join(folder, basename(path));
    return { kind: 'new', path: target, identity: `new:${target}` };
  }
  if (stats.isFile()) return { kind: 'file', path: realpathSync(path), identity: identityOf(stats), mode: stats.mode & 0o7777 };
  if (stats.isCharacterDevice()) return { kind: 'stream', path, what: 'a character device' };
  if (stats.isFIFO()) return { kind: 'stream', path, what: 'a FIFO' };
  throw new OutputRefused(stats.isDirectory() ? 'is a folder' : stats.isSocket() ? 'is a socket' : stats.isBlockDevice() ? 'is a block device' : 'is not a file');
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Device and inode of the regular file at `path` (through links), or undefined when there is none. */
export function fileIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? identityOf(stats) : undefined;
  } catch {
    return undefined;
  }
}

/** Device and inode of the regular file open as `fd` (standard input or output redirected to a file). */
export function descriptorIdentity(fd: number): string | undefined {
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? identityOf(stats) : undefined;
  } catch {
    return undefined;
  }
}
