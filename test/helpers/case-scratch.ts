// The scratch folder of a golden case: the only place its command may write. A `cmd` names it `$SCRATCH`
// (`--rejects $SCRATCH/rejects.csv`); every other absolute path is refused before the command runs, so no
// case can reach a device file or a folder outside its own (a case once passed `--rejects /dev/null`,
// which a run as root replaced with a regular file). Files the command leaves in the scratch folder are
// goldens too, under the case's `files/`.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SCRATCH = '$SCRATCH';

/** The words of `cmd` with $SCRATCH replaced, or the reasons the command is refused. */
export function placeScratch(words: readonly string[], scratch: string): { words: string[]; refused: string[] } {
  const refused: string[] = [];
  const placed = words.map((word) => {
    // A path may also follow `=` in a long option (--output=/x) or a column mapping.
    for (const part of word.split('=')) {
      if (part.startsWith('/') || part.startsWith('~')) refused.push(`${word}: absolute path outside the scratch folder (write ${SCRATCH}/… instead)`);
      if (part.includes(SCRATCH) && !part.startsWith(`${SCRATCH}/`)) refused.push(`${word}: ${SCRATCH} must start a path (${SCRATCH}/name)`);
    }
    return word.split(SCRATCH).join(scratch);
  });
  return { words: placed, refused };
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/** Name, size and modification time of each file of a case folder (goldens aside), to prove a run left it alone. */
export function fingerprint(dir: string, goldens: ReadonlySet<string>): string[] {
  return listFiles(dir)
    .filter((file) => !goldens.has(file.split('/')[0]!))
    .map((file) => {
      const stat = statSync(join(dir, file));
      return `${file} ${stat.size} ${stat.mtimeMs}`;
    });
}
