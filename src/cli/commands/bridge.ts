// retain bridge: the CMRR bridge with counts and rates per period.
import { buildBridgeReport, type BridgeReport } from '../../report/bridge-report.js';
import { bridgeDocument, bridgeTidyTable, bridgeWideTable } from '../../render/bridge-document.js';
import { renderBridgeJson } from '../../render/bridge-json.js';
import { renderCsvTable } from '../../render/csv.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderText } from '../../render/text.js';
import { bridgeCompareMeasures, comparePeriods, trimToSpec, widenForComparison, type PeriodComparison } from '../../report/compare-periods.js';
import { bridgeCompareKeys, compareTables, withCompareColumns, withCompareRows } from '../../render/compare-tables.js';
import { renderBridgeHtml } from '../../render/html/bridge-html.js';
import type { Document } from '../../render/table-model.js';
import { minorDigits } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import { DiagnosticOutput } from '../diagnostic-output.js';
import { emitReport } from '../emit-report.js';
import { checkFailGate, parseFailGate } from '../fail-if.js';
import type { CommandContext } from '../command-context.js';
import { loadInput } from '../load-input.js';
import { resolveOptions, type CommonOptions } from '../options.js';
import { segmentLimited } from '../segment-options.js';
import { startSpinner } from '../spinner.js';

/** `comparisons` come with --compare: extra tables, CSV columns (rows when tidy) or a JSON `compare` object. */
export function renderBridge(report: BridgeReport, options: CommonOptions, input: RowAccounting, comparisons?: readonly PeriodComparison[]): string {
  const digits = minorDigits(report.spec.currency);
  const withCompare = (doc: Document): Document => (comparisons ? { ...doc, tables: [...doc.tables, ...compareTables(report, comparisons)] } : doc);
  switch (options.format) {
    case 'table':
      return renderText(withCompare(bridgeDocument(report)));
    case 'markdown':
      return renderMarkdown(withCompare(bridgeDocument(report)));
    case 'csv':
      if (options.layout === 'tidy') return renderCsvTable(comparisons ? withCompareRows(bridgeTidyTable(report), report, comparisons, bridgeCompareKeys) : bridgeTidyTable(report), digits);
      return renderCsvTable(comparisons ? withCompareColumns(bridgeWideTable(report), comparisons, bridgeCompareKeys) : bridgeWideTable(report), digits);
    case 'json':
      return renderBridgeJson(report, input, comparisons);
    case 'html':
      return renderBridgeHtml(report, comparisons ? compareTables(report, comparisons) : []);
  }
}

export async function runBridge(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const io = ctx.io;
  const resolved = await resolveOptions(files, raw, io.cwd, io.now());
  const gate = parseFailGate(raw);
  const diagnostics = new DiagnosticOutput(io.stderr, resolved.options.diagnostics, resolved.options.quiet);
  ctx.setDiagnostics(diagnostics);
  const spinner = startSpinner(io, resolved.options.quiet, 'Reading input');
  try {
    const segmented = resolved.spec.segments !== undefined && resolved.spec.segments.by.length > 0;
    const { read, dataset } = await loadInput(resolved, io, diagnostics, !segmented && !resolved.options.compare);
    const against = resolved.options.compare;
    // --compare widens --from by the comparison distance, then trims back, so the first period has its reference.
    const spec = against ? widenForComparison(resolved.spec, against) : resolved.spec;
    const built = segmentLimited(() => buildBridgeReport(spec, dataset));
    const { report, comparisons } = against ? trimToSpec(built, comparePeriods(built, bridgeCompareMeasures, against), resolved.spec) : { report: built, comparisons: undefined };
    diagnostics.add(report.warnings);
    spinner?.stop();
    await emitReport(renderBridge(report, resolved.options, read.accounting, comparisons), resolved.options.output, io);
    checkFailGate(report.rows, gate);
  } finally {
    spinner?.stop();
  }
}
