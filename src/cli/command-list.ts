// The commands of the CLI: a name, a one-line description, extra options beyond the shared report
// options (program.ts), and the function that runs it. Adding a command is adding an entry here.
import type { Command } from 'commander';
import { runBridge } from './commands/bridge.js';
import type { CommandContext } from './command-context.js';

export interface CommandSpec {
  name: string;
  describe: string;
  /** Commander argument spec; default '<files...>' (CSV inputs or - for stdin). */
  arguments?: string;
  /** Adds options of this command only. */
  configure?: (cmd: Command) => Command;
  /** Whether the shared report options (program.ts addReportOptions) apply; default true. */
  reportOptions?: boolean;
  run: (args: string[], raw: Record<string, unknown>, ctx: CommandContext) => Promise<void>;
}

export const commands: readonly CommandSpec[] = [
  {
    name: 'bridge',
    describe: 'CMRR bridge per period: begin, new, expansion, reactivation, contraction, churn, end; counts and rates',
    run: runBridge,
  },
];
