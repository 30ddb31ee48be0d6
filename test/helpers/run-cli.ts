// Runs the CLI in-process with a fake io: fast, deterministic (UTC clock pinned, no TTY, no colour).
import { Readable } from 'node:stream';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string;
  env?: Record<string, string>;
  /** The clock, for commands without --as-of. */
  now?: string;
}

export async function runCli(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    cwd: opts.cwd ?? process.cwd(),
    env: { NO_COLOR: '1', ...opts.env },
    now: () => new Date(opts.now ?? '2025-06-15T12:00:00Z'),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { stdout, stderr, exitCode };
}
