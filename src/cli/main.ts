// The process shell: real stdio, env and clock in; exit code out. Standard output and error are wrapped
// (process-sink.ts) so a failed write becomes a diagnostic (or, for a reader that left, a normal end)
// instead of a stack trace. SIGINT, SIGTERM and SIGHUP exit 128 + signal number, as a shell reports it;
// being handled in JavaScript, they wait for the synchronous write of an --output (io/write-output.ts) to
// finish, so the target file is never half-written and no temporary file is left behind.
import { ProcessSink } from './process-sink.js';
import { run } from './run.js';

const signalExitCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export function main(): void {
  for (const [signal, code] of Object.entries(signalExitCodes)) {
    process.on(signal, () => process.exit(code));
  }
  const stderr = new ProcessSink(process.stderr);
  run(process.argv.slice(2), {
    stdout: new ProcessSink(process.stdout),
    stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.columns ?? 0,
    stdinFd: 0,
    stdoutFd: 1,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      stderr.write(`retain: internal error: ${String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
