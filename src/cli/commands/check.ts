// retain check FILE…: the data-quality audit (METRICS.md §8). Reads like every report (rejected rows become
// findings instead of stopping the run), runs the audit rules, prints findings and counts per code.
// Exit 1 when an error is found, or a warning under --strict (for CI); 2 when the input cannot be read.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readInputs } from '../../io/read-inputs.js';
import { writeRejects } from '../../io/write-rejects.js';
import type { Finding } from '../../metrics/data-check-finding.js';
import { minorDigits } from '../../model/money.js';
import { checkRenderers } from '../../render/audit/index.js';
import { buildCheckReport, type CheckReport } from '../../report/check-report.js';
import type { CommandContext } from '../command-context.js';
import { DiagnosticOutput } from '../diagnostic-output.js';
import { emitReport, writeOrFail } from '../emit-report.js';
import { CheckFailedError, InputError, UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { chooseRenderer } from '../choose-renderer.js';

export function configureCheck(cmd: Command): Command {
  return cmd.option('--strict', 'exit 1 when any warning is found, not only errors (for CI)');
}

function readFinding(d: Diagnostic): Finding {
  const s = d.source;
  return { diagnostic: d, rows: s?.line === undefined ? [] : [{ file: s.file, line: s.line }] };
}

export async function runCheck(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  const resolved = await resolveOptions(files, raw, io.cwd, io.now());
  const { options, spec } = resolved;
  const diagnostics = new DiagnosticOutput(io.stderr, options.diagnostics, options.quiet);
  ctx.setDiagnostics(diagnostics);
  const read = await readInputs(resolved.inputs.map((i) => i.path), { ...resolved.read, keepCurrency: true }, io.stdin, resolved.inputs.map((i) => i.shown));
  if (read.fatal.length > 0) {
    diagnostics.add(read.fatal);
    throw new InputError('the input cannot be read');
  }
  diagnostics.setAccounting(read.accounting);
  diagnostics.addNotes(read.readings);
  if (options.rejects !== undefined && read.rejects.length > 0) {
    const rejects = options.rejects;
    await writeOrFail(rejects, '--rejects', () => writeRejects(resolve(io.cwd, rejects), read.rejects, read.headers));
  }
  const report = buildCheckReport({
    store: read.store,
    accounting: read.accounting,
    readFindings: [...read.rowErrors, ...read.warnings].map(readFinding),
    asOf: spec.asOf,
    graceDays: spec.graceDays,
    currency: spec.currency,
    digits: minorDigits(spec.currency),
  });
  await emitReport(chooseRenderer(checkRenderers, options.format, 'check')(report, undefined), options.output, io);
  const strict = raw['strict'] === true;
  if (report.errors > 0 || (strict && report.warnings > 0)) {
    throw new CheckFailedError(`${report.errors} error(s), ${report.warnings} warning(s)${strict ? ' (--strict)' : ''}`);
  }
}
