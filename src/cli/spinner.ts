// A spinner on stderr while a long input is read: only on a terminal, never under CI or --quiet.
import ora, { type Ora } from 'ora';
import type { CliIo } from './io.js';

export function startSpinner(io: CliIo, quiet: boolean, text: string): Ora | undefined {
  if (quiet || !io.stderrIsTTY || io.env.CI) return undefined;
  return ora({ text, stream: process.stderr, discardStdin: false }).start();
}
