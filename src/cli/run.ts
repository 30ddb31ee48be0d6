// run(argv, io) → exit code. The only place that maps errors to exit codes: 0 ok, 1 check failed,
// 2 usage or input, 70 internal bug (with the stack under --debug).
import { CommanderError } from 'commander';
import { formatDiagnostic } from '../diagnostics/format.js';
import { commands } from './command-list.js';
import type { DiagnosticOutput } from './diagnostic-output.js';
import { CheckFailedError, InputError, OutputClosed, UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';
import { VERSION } from './version.js';

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let diagnostics: DiagnosticOutput | undefined;
  const setDiagnostics = (d: DiagnosticOutput): void => {
    diagnostics = d;
  };
  const program = buildProgram(io, commands, VERSION, { io, setDiagnostics });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    diagnostics?.flush();
    return ExitCode.ok;
  } catch (cause) {
    // Diagnostics carried by the error itself (an unwritable --output) are printed with the others.
    if (cause instanceof InputError && cause.diagnostics.length > 0) {
      if (diagnostics) diagnostics.add(cause.diagnostics);
      else for (const d of cause.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    }
    diagnostics?.flush();
    // The reader of standard output left (retain … | head): a normal end.
    if (cause instanceof OutputClosed) return ExitCode.ok;
    // With --diagnostics json, stderr stays one JSON document: the diagnostics already say why.
    if (cause instanceof InputError && diagnostics?.isJson) return ExitCode.usage;
    return exitCodeFor(cause, io, argv.includes('--debug'));
  }
}

function exitCodeFor(cause: unknown, io: CliIo, debug: boolean): ExitCode {
  if (cause instanceof CommanderError) {
    if (cause.code === 'commander.helpDisplayed' || cause.code === 'commander.version' || cause.code === 'commander.help') return ExitCode.ok;
    return ExitCode.usage;
  }
  if (cause instanceof UsageError) {
    io.stderr.write(`retain: error: ${cause.message}\n(run retain --help for usage)\n`);
    return ExitCode.usage;
  }
  if (cause instanceof InputError) {
    io.stderr.write(`retain: ${cause.message}\n`);
    return ExitCode.usage;
  }
  if (cause instanceof CheckFailedError) {
    io.stderr.write(`retain: check failed: ${cause.message}\n`);
    return ExitCode.checkFailed;
  }
  const error = cause instanceof Error ? cause : new Error(String(cause));
  io.stderr.write(`retain: internal error: ${error.message}\nThis is a bug in retain; please report it with the command line${debug ? '' : ' (run with --debug for the stack)'}.\n`);
  if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.internal;
}
