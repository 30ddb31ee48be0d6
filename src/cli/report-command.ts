// The frame every report command shares: the diagnostics collector handed to run.ts, a spinner while the
// input is read, the input loaded under the bad-input policy, the report built and its warnings collected,
// then the report rendered in the chosen format and written to stdout or --output. A command supplies only
// build and its report kind's renderers (render/<kind>/index.ts); the format is chosen here, once.
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Renderers } from '../render/format.js';
import type { ReportText } from '../render/report-text.js';
import type { CommandContext } from './command-context.js';
import { DiagnosticOutput } from './diagnostic-output.js';
import { emitReport } from './emit-report.js';
import { InputError } from './errors.js';
import { loadInput, type LoadedInput } from './load-input.js';
import type { ResolvedOptions } from './options.js';
import { startSpinner } from './spinner.js';

/** What a built report carries besides what its renderers draw: the warnings to print on stderr. */
interface Warned {
  warnings: readonly Diagnostic[];
}

/** V is what the renderers draw (inferred from them); build returns it with its warnings. */
export interface ReportCommand<V> {
  /** Whether sums past 2^53 minor units can be made exact (only the plain bridge has that path). */
  exactSums?: boolean;
  build(loaded: LoadedInput): V & Warned;
  renderers: Renderers<V>;
}

/** Runs a report command and returns the report (for checks after the output, such as --fail-if). */
export async function runReportCommand<V>(resolved: ResolvedOptions, ctx: CommandContext, command: ReportCommand<V>): Promise<V & Warned> {
  const io = ctx.io;
  const diagnostics = new DiagnosticOutput(io.stderr, resolved.options.diagnostics, resolved.options.quiet);
  ctx.setDiagnostics(diagnostics);
  const spinner = startSpinner(io, resolved.options.quiet, 'Reading input');
  try {
    const loaded = await loadInput(resolved, io, diagnostics, command.exactSums ?? false);
    const report = command.build(loaded);
    diagnostics.add(report.warnings);
    spinner?.stop();
    const render = command.renderers[resolved.options.format];
    const context = { layout: resolved.options.layout, input: loaded.read.accounting };
    await emitReport(renderWithinLimits(() => render(report, context)), resolved.options.output, io);
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
