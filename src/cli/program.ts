// Commander wiring: commands, options and help text. Actions hand raw flags to a command function.
import { Command, Option } from 'commander';
import type { CommandContext } from './command-context.js';
import type { CommandSpec } from './command-list.js';
import type { CliIo } from './io.js';
import { applyConfig } from './apply-config.js';
import { guardOutputs } from './output-guard.js';
import { sourceNames } from '../io/source-profiles.js';
import { CONFIG_FILE_NAME } from '../io/read-config.js';
import { csvLayouts, formats as allFormats, type Format } from '../render/format.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Options every report command shares: input reading, period, policy and output (in the formats it renders). */
export function addReportOptions(cmd: Command, formats: readonly Format[] = allFormats): Command {
  return cmd
    .addOption(new Option('--level <level>', 'measure per customer or per contract key').choices(['customer', 'contract']).default('customer'))
    .addOption(new Option('--period <kind>', 'period length').choices(['week', 'month', 'quarter', 'year']).default('month'))
    .option('--fiscal-year-start <month>', 'first month of the fiscal year, 1–12 (quarters and years follow it)', '1')
    .option('--as-of <date>', 'knowledge date YYYY-MM-DD, today, last-month-end, last-quarter-end or last-year-end; the last period is partial (default: today, UTC)')
    .option('--from <date|label>', 'first period shown (earlier history still decides begin and new vs reactivation)')
    .option('--to <date|label>', 'last period shown')
    .option('--grace-days <n>', 'days a late renewal may take before the gap counts as churn', '30')
    .addOption(new Option('--unit <unit>', 'money shown as MRR or ARR (12 × MRR)').choices(['mrr', 'arr']).default('mrr'))
    .option('--annualize', 'annualize period rates (retention r^n, churn 1 − (1 − c)^n)')
    .option('--currency <code>', 'reporting currency', 'USD')
    .option('--fx <CODE=RATE,…>', 'reporting units per one foreign unit, e.g. EUR=1.10,GBP=1.25 (repeatable)', collect)
    .option('--fx-file <file>', 'CSV with columns currency,rate')
    .option('--column <canonical=Header>', 'map a header to a canonical column, e.g. mrr="Monthly Value" (repeatable)', collect)
    .option('--delimiter <char>', 'field delimiter: , ; tab | or any one character (default: decided from the file)')
    .option('--billing-period <period>', 'billing period of amounts in rows that have none (month, quarter, year, N months), or span: the amount covers the line\'s own start–end')
    .addOption(new Option('--date-format <layout>', 'layout of non-ISO dates (auto: decided from the file; excel: serial day numbers)').choices(['auto', 'YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'excel']).default('auto'))
    .addOption(new Option('--source <name>', 'export layout to apply instead of detecting it from the headers').choices([...sourceNames]))
    .option('--config <file>', `configuration file (default: ${CONFIG_FILE_NAME} in the working directory, when present)`)
    .addOption(new Option('--amount-unit <unit>', 'amounts are major units (12.50) or integer minor units (1250); default: the source\'s').choices(['major', 'minor']))
    .option('--timezone <zone>', 'time zone date-times are converted to (IANA name or ±HH:MM)', 'UTC')
    .option('--accounts <file>', 'CSV of account attributes (industry, region, CSM…) joined by customer id; its columns can be --by segments')
    .option('--churn-events <file>', 'CSV of churn events (customer id, date, reason) whose reasons are joined to the churn they explain')
    .option('--end-exclusive', 'end dates are the first day without service')
    .option('--decimal-comma', 'amounts use a decimal comma (1.234,56)')
    .option('--by <column>', 'segment by an input column; repeat or join with commas (region,size) for a cross', collect)
    .addOption(new Option('-f, --format <format>', 'output format (html: one self-contained page with charts)').choices([...formats]).default('table'))
    .addOption(new Option('--layout <layout>', 'CSV layout: a row per period (wide) or per measure (tidy)').choices([...csvLayouts]).default('wide'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--skip-invalid', 'compute without the invalid rows instead of failing')
    .option('--rejects <file>', 'write rejected rows with file, line, code and message to a CSV file')
    .addOption(new Option('--diagnostics <format>', 'diagnostics on stderr as text lines or one JSON array').choices(['text', 'json']).default('text'))
    .option('--color', 'force colour in terminal output')
    .option('--no-color', 'never colour')
    .option('-q, --quiet', 'no spinner and no row summary on stderr')
    .option('--debug', 'show the stack of internal errors');
}

export function buildProgram(io: CliIo, commands: readonly CommandSpec[], version: string, ctx: CommandContext): Command {
  const program = new Command('retain')
    .description('Churn, retention and renewal reports from CRM and billing CSV exports.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run retain --help for usage)');
  for (const spec of commands) {
    let cmd = program.command(spec.name).description(spec.describe);
    const argumentSpec = spec.arguments ?? '<files...>';
    const argumentNames = argumentSpec === '' ? [] : argumentSpec.split(' ');
    argumentNames.forEach((name, i) => {
      cmd = cmd.argument(name, spec.argumentHelp?.[i] ?? (name.includes('files') ? 'CSV files with the same layout, or - for standard input' : ''));
    });
    if (spec.reportOptions !== false) cmd = addReportOptions(cmd, spec.formats);
    if (spec.configure) cmd = spec.configure(cmd);
    cmd
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .showHelpAfterError('(run retain --help for usage)')
      .action(async (...params: unknown[]) => {
        // commander passes the arguments, then the options object, then the command itself.
        const given = params[params.length - 2] as Record<string, unknown>;
        const args = params.slice(0, -2).flatMap((a) => (Array.isArray(a) ? (a as string[]) : a === undefined ? [] : [String(a)]));
        const reportOptions = spec.reportOptions !== false;
        const raw = reportOptions ? await applyConfig(given, params[params.length - 1] as Command, ctx) : given;
        guardOutputs(args, raw, io, reportOptions);
        await spec.run(args, raw, ctx);
      });
  }
  return program;
}
