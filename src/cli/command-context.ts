// What a command function gets besides its flags: the io, and a place to hand over the diagnostics
// collector so run.ts can print what was collected even when the command throws.
import type { DiagnosticOutput } from './diagnostic-output.js';
import type { CliIo } from './io.js';

export interface CommandContext {
  io: CliIo;
  setDiagnostics(output: DiagnosticOutput): void;
}
