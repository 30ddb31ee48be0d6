// retain bridge in every format: the neutral document (terminal, markdown), the wide or tidy CSV table, the
// JSON envelope and the HTML page, each with the --compare changes when there are any.
import { minorDigits } from '../../model/money.js';
import type { BridgeReport } from '../../report/bridge-report.js';
import type { PeriodComparison } from '../../report/compare-periods.js';
import { bridgeCompareKeys, compareTables, withCompareColumns, withCompareRows } from '../compare-tables.js';
import { renderCsvTable } from '../csv.js';
import type { Renderers } from '../format.js';
import { renderMarkdown } from '../markdown.js';
import type { Document } from '../table-model.js';
import { renderText } from '../text.js';
import { bridgeDocument, bridgeTidyTable, bridgeWideTable } from './document.js';
import { renderBridgeHtml } from './html.js';
import { renderBridgeJson } from './json.js';

/** The bridge with the comparisons of --compare, when given. */
export interface BridgeView {
  report: BridgeReport;
  comparisons?: readonly PeriodComparison[] | undefined;
}

function document({ report, comparisons }: BridgeView): Document {
  const doc = bridgeDocument(report);
  return comparisons ? { ...doc, tables: [...doc.tables, ...compareTables(report, comparisons)] } : doc;
}

export const bridgeRenderers: Renderers<BridgeView> = {
  table: (view) => renderText(document(view)),
  markdown: (view) => renderMarkdown(document(view)),
  csv: ({ report, comparisons }, { layout }) => {
    const digits = minorDigits(report.spec.currency);
    if (layout === 'tidy') return renderCsvTable(comparisons ? withCompareRows(bridgeTidyTable(report), report, comparisons, bridgeCompareKeys) : bridgeTidyTable(report), digits);
    return renderCsvTable(comparisons ? withCompareColumns(bridgeWideTable(report), comparisons, bridgeCompareKeys) : bridgeWideTable(report), digits);
  },
  json: ({ report, comparisons }, { input }) => renderBridgeJson(report, input, comparisons),
  html: ({ report, comparisons }) => renderBridgeHtml(report, comparisons ? compareTables(report, comparisons) : []),
};
