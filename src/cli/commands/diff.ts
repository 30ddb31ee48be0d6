// retain diff A.json B.json: compares two saved JSON reports of one command (last quarter's run and
// this quarter's). Reads both, refuses different commands or policies (exit 2) unless
// --allow-policy-change, then renders the comparison in the chosen format.
import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';
import { readSavedReport } from '../../io/read-report-json.js';
import type { SavedReport } from '../../model/saved-report.js';
import { parseDecimal } from '../../model/money.js';
import { choosePairs, type Pairing } from '../../report/diff-pairs.js';
import { comparabilityProblems } from '../../report/diff-policy.js';
import { buildDiffReport, defaultThresholds, type DiffReport, type Thresholds } from '../../report/diff-report.js';
import { diffRenderers } from '../../render/diff/index.js';
import type { ToneStyle } from '../../render/diff/text.js';
import { formats } from '../../render/format.js';
import type { CommandContext } from '../command-context.js';
import { DiagnosticOutput } from '../diagnostic-output.js';
import { emitReport } from '../emit-report.js';
import { InputError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { validateWith } from '../options.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function configureDiff(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices([...formats]).default('table'))
    .option('-o, --output <file>', 'write the comparison to a file (atomically) instead of stdout')
    .option('--threshold <N pp|N%>', 'what counts as a move: rates in percentage points (2pp), money and ratios relative (10%); repeatable or comma-joined', collect)
    .option('--allow-policy-change', 'compare reports made under different policies (the differing keys are shown first)')
    .option('--all-periods', 'compare every period the two reports share, instead of the latest of each')
    .option('--a-period <label>', "the period of A to compare (default: A's latest)")
    .option('--b-period <label>', "the period of B to compare (default: B's latest)")
    .addOption(new Option('--diagnostics <format>', 'diagnostics on stderr as text lines or one JSON array').choices(['text', 'json']).default('text'))
    .option('--color', 'force colour in terminal output')
    .option('--no-color', 'never colour')
    .option('-q, --quiet', 'nothing on stderr but errors')
    .option('--debug', 'show the stack of internal errors');
}

const diffSchema = z.object({
  format: z.enum(formats).default('table'),
  output: z.string().optional(),
  threshold: z.array(z.string()).default([]),
  allowPolicyChange: z.boolean().default(false),
  allPeriods: z.boolean().default(false),
  aPeriod: z.string().optional(),
  bPeriod: z.string().optional(),
  diagnostics: z.enum(['text', 'json']).default('text'),
  color: z.boolean().optional(),
  quiet: z.boolean().default(false),
  debug: z.boolean().default(false),
});

type DiffOptions = z.infer<typeof diffSchema>;

export async function runDiff(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  const options = validateWith(diffSchema, raw);
  const diagnostics = new DiagnosticOutput(io.stderr, options.diagnostics, options.quiet);
  ctx.setDiagnostics(diagnostics);
  const thresholds = parseThresholds(options.threshold);
  if (options.allPeriods && (options.aPeriod !== undefined || options.bPeriod !== undefined)) {
    throw new UsageError('--all-periods compares every shared period: it cannot be combined with --a-period or --b-period');
  }
  const [a, b] = await Promise.all(files.map((f) => readSavedReport(resolve(io.cwd, f), f)));
  const reports: SavedReport[] = [];
  for (const result of [a!, b!]) {
    if ('diagnostics' in result) diagnostics.add(result.diagnostics);
    else reports.push(result.report);
  }
  if (reports.length < 2) throw new InputError('the reports cannot be read');
  const [before, after] = reports as [SavedReport, SavedReport];
  const problems = comparabilityProblems(before, after, options.allowPolicyChange);
  diagnostics.add(problems);
  if (problems.length > 0) throw new InputError('the reports cannot be compared');
  const pairing: Pairing = options.allPeriods ? { mode: 'all' } : { mode: 'latest', ...(options.aPeriod === undefined ? {} : { a: options.aPeriod }), ...(options.bPeriod === undefined ? {} : { b: options.bPeriod }) };
  const pairs = choosePairs(before, after, pairing);
  if (typeof pairs === 'string') throw new UsageError(pairs);
  const report = buildDiffReport(before, after, pairs, thresholds);
  await emitReport(diffRenderers[options.format](report, { style: toneStyle(options, io) }), options.output, io);
}

/** Colour only for a terminal (or --color), never with NO_COLOR or --no-color, never into a file unless forced. */
function toneStyle(options: DiffOptions, io: CliIo): ToneStyle | undefined {
  const useColor = options.color === true || (options.color !== false && !io.env.NO_COLOR && io.stdoutIsTTY && options.output === undefined);
  if (!useColor) return undefined;
  const chalk = new Chalk({ level: 1 });
  return { better: (t) => chalk.green(t), worse: (t) => chalk.red(t) };
}

/** "2pp" sets the rate threshold, "10%" the relative one (money and ratios); "1.5pp,5%" sets both. */
export function parseThresholds(values: readonly string[]): Thresholds {
  let rateMicro = defaultThresholds.rateMicro;
  let relative = defaultThresholds.relative;
  for (const item of values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase())) {
    const m = /^(\d+(?:\.\d+)?)\s*(pp|%)$/.exec(item);
    const number = m ? parseDecimal(m[1]!) : undefined;
    if (!m || number === undefined || typeof number.mantissa === 'bigint' || number.scale > 4) {
      throw new UsageError(`--threshold "${item}": expected percentage points for rates (2pp) or a percentage for money (10%), with at most 4 decimals`);
    }
    // N pp = N/100 of a rate = N × 10^4 millionths; N% = N / 100.
    if (m[2] === 'pp') rateMicro = number.mantissa * 10 ** (4 - number.scale);
    else relative = { num: number.mantissa, den: 100 * 10 ** number.scale };
  }
  return { rateMicro, relative };
}
