// Puts retain.config.json (found in the working directory, or named by --config) under the command-line flags
// before a command runs. A bad config file stops the run (exit 2) with an INVALID_CONFIG diagnostic.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { findConfig } from '../io/read-config.js';
import type { CommandContext } from './command-context.js';
import { DiagnosticOutput } from './diagnostic-output.js';
import { InputError } from './errors.js';
import { mergeConfig } from './options.js';

/** Keys given on the command line (or the environment), as opposed to commander defaults. */
function fromCommandLine(cmd: Command): (key: string) => boolean {
  return (key) => {
    const source = cmd.getOptionValueSource(key);
    return source === 'cli' || source === 'env';
  };
}

export async function applyConfig(raw: Record<string, unknown>, cmd: Command, ctx: CommandContext): Promise<Record<string, unknown>> {
  const io = ctx.io;
  const explicit = typeof raw['config'] === 'string' ? { path: resolve(io.cwd, raw['config']), shown: raw['config'] } : undefined;
  const found = await findConfig(io.cwd, explicit);
  if (found === undefined) return raw;
  if ('code' in found) {
    const output = new DiagnosticOutput(io.stderr, raw['diagnostics'] === 'json' ? 'json' : 'text', raw['quiet'] === true);
    ctx.setDiagnostics(output);
    output.add([found]);
    throw new InputError('the configuration file cannot be used');
  }
  return mergeConfig(raw, fromCommandLine(cmd), found);
}
