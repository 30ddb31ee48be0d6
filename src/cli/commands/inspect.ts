// retain inspect FILE…: what retain understood of each file (source, mapping, values, dates, currencies,
// samples) and what would change it. Row problems go to stderr as usual but do not stop it; a file that
// cannot be read or mapped exits 2 after the report of what could be read.
import { Readable } from 'node:stream';
import { readInputs } from '../../io/read-inputs.js';
import { scanFile } from '../../io/scan-columns.js';
import { inspectRenderers } from '../../render/audit/index.js';
import { buildInspectReport, type InspectFileInput } from '../../report/inspect-report.js';
import type { CommandContext } from '../command-context.js';
import { DiagnosticOutput } from '../diagnostic-output.js';
import { emitReport } from '../emit-report.js';
import { InputError, UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { chooseRenderer } from '../choose-renderer.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export async function runInspect(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  const resolved = await resolveOptions(files, raw, io.cwd, io.now());
  const { options } = resolved;
  const diagnostics = new DiagnosticOutput(io.stderr, options.diagnostics, options.quiet);
  ctx.setDiagnostics(diagnostics);
  // Standard input can be read once: keep it, then scan it and read it from the copy.
  const stdinBytes = resolved.inputs.some((i) => i.path === '-') ? await readAll(io.stdin) : undefined;
  const stdinCopy = (): Readable => Readable.from([stdinBytes ?? Buffer.alloc(0)]);
  const read = await readInputs(resolved.inputs.map((i) => i.path), { ...resolved.read, keepCurrency: true }, stdinCopy(), resolved.inputs.map((i) => i.shown));
  diagnostics.add(read.fatal);
  diagnostics.add(read.warnings);
  diagnostics.add(read.rowErrors);
  diagnostics.addNotes(read.readings);
  if (read.fatal.length === 0) diagnostics.setAccounting(read.accounting);
  const inputs: InspectFileInput[] = [];
  for (const reading of read.readings) {
    const input = resolved.inputs.find((i) => (i.path === '-' ? '<stdin>' : i.shown) === reading.file);
    if (input === undefined) continue;
    const scan = await scanFile(input.path === '-' ? (stdinBytes ?? Buffer.alloc(0)) : input.path, reading.delimiter);
    const map = reading.map;
    const profile = reading.detection.profile;
    inputs.push({
      file: reading.file,
      source: { name: profile.name, title: profile.title, forced: reading.detection.forced, reason: reading.detection.reason, notes: profile.notes, runnerUp: reading.detection.runnerUp },
      rows: scan.rows,
      columns: scan.columns,
      samples: scan.samples,
      mapping: map && map.plan ? { index: map.index, alternates: map.plan.alternates, auxiliary: map.plan.auxiliary, amountMinor: map.plan.amountMinor, lineSpan: map.plan.lineSpan || resolved.read.billingSpan === true } : undefined,
      dateLayout: reading.dateLayout,
    });
  }
  if (inputs.length > 0) await emitReport(chooseRenderer(inspectRenderers, options.format, 'inspect')(buildInspectReport(inputs, read.store, read.accounting), undefined), options.output, io);
  if (read.fatal.length > 0) throw new InputError('the input cannot be used as it is');
}
