// The commands of the CLI: a name, a one-line description, extra options beyond the shared report
// options (program.ts), and the function that runs it. Adding a command is adding an entry here.
import type { Command } from 'commander';
import { runBridge } from './commands/bridge.js';
import { addCompareOption } from './compare-option.js';
import { addFailIfOptions } from './fail-if.js';
import { configureCohorts, runCohorts } from './commands/cohorts.js';
import { configureCustomers, runCustomers } from './commands/customers.js';
import { configureMovements, runMovements } from './commands/movements.js';
import { configureDiff, runDiff } from './commands/diff.js';
import { addRenewalsOptions, runRenewals } from './commands/renewals.js';
import { addSegmentOptions } from './segment-options.js';
import { configureCheck, runCheck } from './commands/check.js';
import { configureInit, runInit } from './commands/init.js';
import { runInspect } from './commands/inspect.js';
import type { CommandContext } from './command-context.js';
import { formatsOf, type Format } from '../render/format.js';
import { checkRenderers, inspectRenderers } from '../render/audit/index.js';

export interface CommandSpec {
  name: string;
  describe: string;
  /** Commander argument spec; default '<files...>' (CSV inputs or - for stdin). */
  arguments?: string;
  /** One description per argument of `arguments`, for --help. */
  argumentHelp?: readonly string[];
  /** Adds options of this command only. */
  configure?: (cmd: Command) => Command;
  /** Whether the shared report options (program.ts addReportOptions) apply; default true. */
  reportOptions?: boolean;
  /** The formats its report renders (-f choices); default every format. */
  formats?: readonly Format[];
  run: (args: string[], raw: Record<string, unknown>, ctx: CommandContext) => Promise<void>;
}

export const commands: readonly CommandSpec[] = [
  {
    name: 'bridge',
    describe: 'CMRR bridge per period: begin, new, expansion, reactivation, contraction, churn, end; counts and rates',
    configure: (cmd) => addFailIfOptions(addCompareOption(addSegmentOptions(cmd))),
    run: runBridge,
  },
  {
    name: 'cohorts',
    describe: 'cohort retention: entities by period of first activity; logo, gross and net dollar retention at each age',
    configure: configureCohorts,
    run: runCohorts,
  },
  {
    name: 'movements',
    describe: 'drill-down of the bridge: one row per entity and period with a movement, its amount, MRR before and after, reason and input lines',
    configure: configureMovements,
    run: runMovements,
  },
  {
    name: 'customers',
    describe: 'customers at the as-of date: MRR, first active day, tenure, segment, next renewal and expiring MRR, largest first',
    configure: configureCustomers,
    run: runCustomers,
  },
  {
    name: 'renewals',
    describe: 'renewals per contract term: due, renewed (flat/up/down), archived, churned, late and pending; expected CMRR, split and churn reasons',
    configure: (cmd) => addCompareOption(addRenewalsOptions(cmd)),
    run: runRenewals,
  },
  {
    name: 'inspect',
    describe: 'what retain understood of each file: detected source and why, column mapping, values, dates, currencies, samples, and the flags that change it',
    formats: formatsOf(inspectRenderers),
    run: runInspect,
  },
  {
    name: 'check',
    describe: 'data-quality audit: overlapping or duplicate terms, bad dates and amounts, renews problems, mixed currencies, late-renewal gaps…; exit 1 on errors (--strict: on warnings)',
    configure: configureCheck,
    formats: formatsOf(checkRenderers),
    run: runCheck,
  },
  {
    name: 'init',
    describe: 'write a starter retain.config.json from a file: the detected source and column map, to adjust',
    arguments: '<file>',
    argumentHelp: ['a CSV export whose headers the configuration maps'],
    reportOptions: false,
    configure: configureInit,
    run: runInit,
  },
  {
    name: 'diff',
    describe: 'compare two saved JSON reports (last quarter vs this quarter): changes, what moved most, appeared/disappeared segments, restatements',
    arguments: '<a> <b>',
    argumentHelp: ['the earlier report, saved with --format json (e.g. last quarter\'s run)', 'the later report of the same command (e.g. this quarter\'s run)'],
    reportOptions: false,
    configure: configureDiff,
    run: runDiff,
  },
];
