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
import { checkFailGate, parseFailGate } from '../fail-if.js';
import type { CommandContext } from '../command-context.js';
import { runReportCommand } from '../report-command.js';
import { resolveOptions, type CommonOptions } from '../options.js';
import { segmentLimited } from '../segment-options.js';

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
  const resolved = await resolveOptions(files, raw, ctx.io.cwd, ctx.io.now());
  const gate = parseFailGate(raw);
  const segmented = resolved.spec.segments !== undefined && resolved.spec.segments.by.length > 0;
  const against = resolved.options.compare;
  const { report } = await runReportCommand(resolved, ctx, {
    exactSums: !segmented && !against,
    build: ({ dataset }) => {
      // --compare widens --from by the comparison distance, then trims back, so the first period has its reference.
      const spec = against ? widenForComparison(resolved.spec, against) : resolved.spec;
      const built = segmentLimited(() => buildBridgeReport(spec, dataset));
      const compared = against ? trimToSpec(built, comparePeriods(built, bridgeCompareMeasures, against), resolved.spec) : { report: built, comparisons: undefined };
      return { ...compared, warnings: compared.report.warnings };
    },
    render: ({ report, comparisons }, input) => renderBridge(report, resolved.options, input, comparisons),
  });
  checkFailGate(report.rows, gate);
}
