// The process shell: real stdio, env and clock in; exit code out. A closed stdout (retain … | head)
// is a normal end. SIGINT and SIGTERM exit 128 + signal number, as a shell reports it; being handled in
// JavaScript, they wait for the synchronous write of an --output (io/write-output.ts) to finish, so the
// target file is never half-written and no temporary file is left behind.
import { run } from './run.js';

const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

export function main(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  for (const [signal, code] of Object.entries(signalExitCodes)) {
    process.on(signal, () => process.exit(code));
  }
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`retain: internal error: ${String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
