// Refuses, before anything is read, an output that would destroy an input or another output: --output or
// --rejects naming an input file (the CSV exports, side files, the configuration, the saved reports of
// retain diff), --rejects and --output naming one file, or a report printed to a standard output that is
// redirected into an input (`retain bridge a.csv >> a.csv`). Files are compared by device and inode, so
// another spelling of the path, a symbolic link or a hard link is caught too; a name not taken yet is
// compared by its real folder and name. Devices and FIFOs are never in conflict (writing a report and the
// rejects to /dev/null is fine). Paths that can never be written (a folder, a socket) are refused here too.
import { resolve } from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { quoteValue } from '../diagnostics/quote-value.js';
import { CONFIG_FILE_NAME } from '../io/read-config.js';
import { descriptorIdentity, fileIdentity, OutputRefused, outputTarget } from '../io/output-target.js';
import { InputError } from './errors.js';
import type { CliIo } from './io.js';

/** Flags whose value is a file retain reads, besides the positional inputs. */
const sideFileFlags = [
  ['accounts', '--accounts'],
  ['churnEvents', '--churn-events'],
  ['fxFile', '--fx-file'],
  ['plan', '--plan'],
  ['reasonMap', '--reason-map'],
] as const;

const outputFlags = [
  ['output', '--output'],
  ['rejects', '--rejects'],
] as const;

interface Named {
  /** How the user wrote it, for the message. */
  shown: string;
  identity: string;
}

/** `readsConfig`: the command reads retain.config.json (retain init writes it instead). */
export function guardOutputs(files: readonly string[], raw: Record<string, unknown>, io: CliIo, readsConfig: boolean): void {
  const inputs: Named[] = [];
  const addInput = (shown: string, identity: string | undefined): void => {
    if (identity !== undefined) inputs.push({ shown, identity });
  };
  for (const file of files) addInput(file === '-' ? 'standard input' : file, file === '-' ? fdIdentity(io.stdinFd) : fileIdentity(resolve(io.cwd, file)));
  for (const [key, flag] of sideFileFlags) {
    const value = raw[key];
    if (typeof value === 'string') addInput(`${flag} ${value}`, fileIdentity(resolve(io.cwd, value)));
  }
  if (readsConfig) {
    const config = typeof raw['config'] === 'string' ? raw['config'] : CONFIG_FILE_NAME;
    addInput(config, fileIdentity(resolve(io.cwd, config)));
  }

  const problems: Diagnostic[] = [];
  const outputs: Named[] = [];
  for (const [key, flag] of outputFlags) {
    const value = raw[key];
    if (typeof value !== 'string' || value === '-') continue;
    let identity: string | undefined;
    try {
      const target = outputTarget(resolve(io.cwd, value));
      identity = target.kind === 'stream' ? undefined : target.identity;
    } catch (cause) {
      // A missing folder or a permission is reported when the file is written, as any write error.
      if (cause instanceof OutputRefused) problems.push(refused(flag, value, cause.reason));
      continue;
    }
    if (identity === undefined) continue;
    const input = inputs.find((i) => i.identity === identity);
    const output = outputs.find((o) => o.identity === identity);
    if (input) problems.push(conflict(flag, value, `is the input ${input.shown}: writing there would destroy it`, 'name another file'));
    else if (output) problems.push(conflict(flag, value, `is the same file as ${output.shown}`, 'give --output and --rejects different files'));
    outputs.push({ shown: `${flag} ${quoteValue(value)}`, identity });
  }
  const toStdout = raw['output'] === undefined || raw['output'] === '-';
  const stdout = toStdout ? fdIdentity(io.stdoutFd) : undefined;
  const fed = stdout === undefined ? undefined : inputs.find((i) => i.identity === stdout);
  if (fed) problems.push(error('OUTPUT_CONFLICT', `standard output is redirected into the input ${fed.shown}: writing the report there would destroy it`, { file: '<stdout>' }, 'redirect the report to another file, or give --output'));
  if (problems.length > 0) throw new InputError('nothing was read or written', problems);
}

function fdIdentity(fd: number | undefined): string | undefined {
  return fd === undefined ? undefined : descriptorIdentity(fd);
}

function conflict(flag: string, path: string, what: string, remedy: string): Diagnostic {
  return error('OUTPUT_CONFLICT', `${flag} ${quoteValue(path)} ${what}`, { file: path }, remedy);
}

function refused(flag: string, path: string, reason: string): Diagnostic {
  return error('OUTPUT_UNWRITABLE', `cannot write ${flag} ${quoteValue(path)}: it ${reason}`, { file: path }, 'name a regular file, a character device such as /dev/null, or a FIFO');
}
