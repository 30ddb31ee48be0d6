// retain customers: every entity at the as-of snapshot with its MRR, tenure, segment and next renewal.
import type { Command } from 'commander';
import { buildCustomersReport, type CustomerOptions, type CustomersReport } from '../../report/customers-report.js';
import { customersDocument, renderCustomersCsv } from '../../render/customers-document.js';
import { renderCustomersJson } from '../../render/customers-json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderText } from '../../render/text.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import { DiagnosticOutput } from '../diagnostic-output.js';
import { emitReport } from '../emit-report.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from '../command-context.js';
import { loadInput } from '../load-input.js';
import { resolveOptions, type CommonOptions } from '../options.js';
import { addSegmentOptions } from '../segment-options.js';
import { startSpinner } from '../spinner.js';
import { renderDocumentHtml } from '../../render/html/document-html.js';

export function configureCustomers(cmd: Command): Command {
  return addSegmentOptions(cmd)
    .option('--all', 'also list customers without MRR on the as-of day')
    .option('--top <n>', 'list only the N largest');
}

function customerOptions(raw: Record<string, unknown>): CustomerOptions {
  let top: number | undefined;
  if (typeof raw.top === 'string') {
    if (!/^[1-9]\d{0,8}$/.test(raw.top)) throw new UsageError(`--top "${raw.top}": expected a positive whole number`);
    top = Number(raw.top);
  }
  return { all: raw.all === true, top };
}

export function renderCustomers(report: CustomersReport, options: CommonOptions, input: RowAccounting): string {
  switch (options.format) {
    case 'table':
      return renderText(customersDocument(report));
    case 'markdown':
      return renderMarkdown(customersDocument(report));
    case 'csv':
      return renderCustomersCsv(report);
    case 'json':
      return renderCustomersJson(report, input);
    case 'html':
      return renderDocumentHtml(customersDocument(report));
  }
}

export async function runCustomers(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  const resolved = await resolveOptions(files, raw, io.cwd, io.now());
  const options = customerOptions(raw);
  const diagnostics = new DiagnosticOutput(io.stderr, resolved.options.diagnostics, resolved.options.quiet);
  ctx.setDiagnostics(diagnostics);
  const spinner = startSpinner(io, resolved.options.quiet, 'Reading input');
  try {
    const { read, dataset } = await loadInput(resolved, io, diagnostics);
    const report = buildCustomersReport(resolved.spec, dataset, options);
    diagnostics.add(report.warnings);
    spinner?.stop();
    await emitReport(renderCustomers(report, resolved.options, read.accounting), resolved.options.output, io);
  } finally {
    spinner?.stop();
  }
}
