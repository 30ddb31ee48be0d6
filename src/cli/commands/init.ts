// retain init FILE: writes a starter retain.config.json from a file's headers: the detected source, the column
// map retain would use, the currencies seen, and the defaults of the other keys, for the analyst to adjust.
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { readInputs } from '../../io/read-inputs.js';
import { scanFile } from '../../io/scan-columns.js';
import { CONFIG_FILE_NAME, fileExists, type RetainConfig } from '../../io/read-config.js';
import { sourceNames } from '../../io/source-profiles.js';
import { writeOutput } from '../../io/write-output.js';
import type { CommandContext } from '../command-context.js';
import { DiagnosticOutput } from '../diagnostic-output.js';
import { stdoutWritten, writeOrFail } from '../emit-report.js';
import { InputError, UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function configureInit(cmd: Command): Command {
  return cmd
    .option('-o, --output <file>', `where to write the configuration (- for standard output)`, CONFIG_FILE_NAME)
    .option('--force', 'overwrite an existing configuration file')
    .addOption(new Option('--source <name>', 'export layout to apply instead of detecting it').choices([...sourceNames]))
    .option('--column <canonical=Header>', 'map a header to a canonical column (repeatable)', collect)
    .option('--currency <code>', 'reporting currency', 'USD')
    .option('--billing-period <period>', 'billing period of amounts in rows that have none, or span')
    .addOption(new Option('--date-format <layout>', 'layout of non-ISO dates').choices(['auto', 'YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'excel']).default('auto'))
    .addOption(new Option('--amount-unit <unit>', 'amounts are major units or integer minor units').choices(['major', 'minor']))
    .option('-q, --quiet', 'nothing on stderr but errors');
}

export async function runInit(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  if (files.length !== 1 || files[0] === '-') throw new UsageError('retain init takes one CSV file (not standard input)');
  const resolved = await resolveOptions(files, raw, io.cwd, io.now());
  const diagnostics = new DiagnosticOutput(io.stderr, 'text', resolved.options.quiet);
  ctx.setDiagnostics(diagnostics);
  const read = await readInputs([resolved.inputs[0]!.path], { ...resolved.read, keepCurrency: true }, io.stdin, [resolved.inputs[0]!.shown]);
  const reading = read.readings[0];
  if (read.fatal.length > 0 || reading?.map === undefined) {
    diagnostics.add(read.fatal);
    throw new InputError('cannot map the file: fix the problems above (for instance with --column), then run retain init again');
  }
  const map = reading.map;
  const profile = reading.detection.profile;
  const columns: Record<string, string> = {};
  for (const [canonical, position] of Object.entries(map.index)) {
    // Columns the profile reads with fallbacks stay with the profile, so the fallbacks keep working.
    if (position === undefined || (map.plan?.alternates as Record<string, unknown> | undefined)?.[canonical] !== undefined) continue;
    columns[canonical] = map.headers[position] ?? '';
  }
  const currency = resolved.spec.currency;
  // Currencies from the file itself: rows in a currency without a rate were rejected, so the store lacks them.
  const currencyPosition = map.index.currency;
  const scan = currencyPosition === undefined ? undefined : await scanFile(resolved.inputs[0]!.path, reading.delimiter);
  const values = scan?.columns[currencyPosition!]?.values.keys() ?? [];
  const seen = new Set([...values].map((c) => c.toUpperCase()).filter((c) => c !== currency));
  const config: RetainConfig = {
    source: profile.name,
    columns,
    currency,
    fx: {},
    level: 'customer',
    period: 'month',
    fiscalYearStart: 1,
    graceDays: 30,
    endConvention: resolved.read.endExclusive ? 'exclusive' : 'inclusive',
  };
  if (reading.dateLayout) config.dateFormat = reading.dateLayout.layout as RetainConfig['dateFormat'];
  if (resolved.options.billingPeriod !== undefined) config.billingPeriod = resolved.options.billingPeriod;
  if (resolved.options.amountUnit !== undefined) config.amountUnit = resolved.options.amountUnit;
  const text = `${JSON.stringify(config, null, 2)}\n`;
  const output = String(raw['output'] ?? CONFIG_FILE_NAME);
  if (output === '-') {
    io.stdout.write(text);
    await stdoutWritten(io);
  } else {
    const path = resolve(io.cwd, output);
    if (raw['force'] !== true && (await fileExists(path))) throw new UsageError(`${output} exists; give --force to overwrite it`);
    await writeOrFail(output, '--output', () => writeOutput(path, text));
  }
  if (!resolved.options.quiet) {
    const where = output === '-' ? 'standard output' : output;
    const fx = seen.size > 0 ? `; currencies besides ${currency}: ${[...seen].sort().join(', ')} — add their rates under "fx" (${currency} per one unit)` : '';
    io.stderr.write(`retain: wrote ${where}: source ${profile.name} (${reading.detection.reason}), ${Object.keys(columns).length} columns mapped${fx}\n`);
  }
}
