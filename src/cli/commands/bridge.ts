// retain bridge: the CMRR bridge with counts and rates per period.
import { buildBridgeReport, type BridgeReport } from '../../report/bridge-report.js';
import { bridgeDocument, bridgeTidyTable, bridgeWideTable } from '../../render/bridge-document.js';
import { renderBridgeJson } from '../../render/bridge-json.js';
import { renderCsvTable } from '../../render/csv.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderText } from '../../render/text.js';
import { minorDigits } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import { DiagnosticOutput } from '../diagnostic-output.js';
import { emitReport } from '../emit-report.js';
import type { CommandContext } from '../command-context.js';
import { loadInput } from '../load-input.js';
import { resolveOptions, type CommonOptions } from '../options.js';
import { startSpinner } from '../spinner.js';

export function renderBridge(report: BridgeReport, options: CommonOptions, input: RowAccounting): string {
  const digits = minorDigits(report.spec.currency);
  switch (options.format) {
    case 'table':
      return renderText(bridgeDocument(report));
    case 'markdown':
      return renderMarkdown(bridgeDocument(report));
    case 'csv':
      return renderCsvTable(options.layout === 'tidy' ? bridgeTidyTable(report) : bridgeWideTable(report), digits);
    case 'json':
      return renderBridgeJson(report, input);
  }
}

export async function runBridge(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  const resolved = await resolveOptions(files, raw, io.cwd, io.now());
  const diagnostics = new DiagnosticOutput(io.stderr, resolved.options.diagnostics, resolved.options.quiet);
  ctx.setDiagnostics(diagnostics);
  const spinner = startSpinner(io, resolved.options.quiet, 'Reading input');
  try {
    const { read, dataset } = await loadInput(resolved, io, diagnostics);
    const report = buildBridgeReport(resolved.spec, dataset);
    diagnostics.add(report.warnings);
    spinner?.stop();
    await emitReport(renderBridge(report, resolved.options, read.accounting), resolved.options.output, io);
  } finally {
    spinner?.stop();
  }
}
