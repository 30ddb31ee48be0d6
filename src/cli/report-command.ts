// The frame every report command shares: the diagnostics collector handed to run.ts, a spinner while the
// input is read, the input loaded under the bad-input policy, the report built and its warnings collected,
// then the rendered report written to stdout or --output. A command supplies only build and render.
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RowAccounting } from '../model/row-accounting.js';
import type { ReportText } from '../render/report-text.js';
import type { CommandContext } from './command-context.js';
import { DiagnosticOutput } from './diagnostic-output.js';
import { emitReport } from './emit-report.js';
import { InputError } from './errors.js';
import { loadInput, type LoadedInput } from './load-input.js';
import type { ResolvedOptions } from './options.js';
import { startSpinner } from './spinner.js';

export interface ReportCommand<R extends { warnings: readonly Diagnostic[] }> {
  /** Whether sums past 2^53 minor units can be made exact (only the plain bridge has that path). */
  exactSums?: boolean;
  build(loaded: LoadedInput): R;
  render(report: R, input: RowAccounting): ReportText;
}

/** Runs a report command and returns the report (for checks after the output, such as --fail-if). */
export async function runReportCommand<R extends { warnings: readonly Diagnostic[] }>(resolved: ResolvedOptions, ctx: CommandContext, command: ReportCommand<R>): Promise<R> {
  const io = ctx.io;
  const diagnostics = new DiagnosticOutput(io.stderr, resolved.options.diagnostics, resolved.options.quiet);
  ctx.setDiagnostics(diagnostics);
  const spinner = startSpinner(io, resolved.options.quiet, 'Reading input');
  try {
    const loaded = await loadInput(resolved, io, diagnostics, command.exactSums ?? false);
    const report = command.build(loaded);
    diagnostics.add(report.warnings);
    spinner?.stop();
    await emitReport(renderWithinLimits(() => command.render(report, loaded.read.accounting)), resolved.options.output, io);
    return report;
  } finally {
    spinner?.stop();
  }
}

/**
 * A report is written as one string, and V8 caps a string at about 512 million characters: a listing of
 * millions of movements or units can pass it. Say so with a remedy instead of failing as an internal error.
 */
export function renderWithinLimits(render: () => ReportText): ReportText {
  try {
    return render();
  } catch (cause) {
    if (!(cause instanceof RangeError) || !/string length/i.test(cause.message)) throw cause;
    throw new InputError('the report is too large to write', [
      error('OUTPUT_UNWRITABLE', 'the report is larger than one output can hold (about 512 million characters)', undefined, 'narrow it: --top, --movement, --min-amount, --period-label, --from/--to, or fewer segments'),
    ]);
  }
}
