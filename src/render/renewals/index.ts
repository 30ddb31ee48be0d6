// retain renewals in every format. With --compare the change tables come after the period tables and before
// the --detail listing; in CSV --detail replaces the period table by the unit listing.
import { minorDigits } from '../../model/money.js';
import type { RenewalsComparison } from '../../report/renewals-compare.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import type { Renderers } from '../format.js';
import { renderDocumentHtml } from '../html/document-html.js';
import { renderMarkdown } from '../markdown.js';
import type { Document } from '../table-model.js';
import { renderText } from '../text.js';
import { renewalsCompareTables } from './compare-tables.js';
import { renderRenewalsCsv } from './csv.js';
import { renewalsDocument } from './document.js';
import { renewalsCharts } from './html.js';
import { renderRenewalsJson } from './json.js';

/** The renewals report with the comparisons of --compare, when given. */
export interface RenewalsView {
  report: RenewalsReport;
  comparisons?: readonly RenewalsComparison[] | undefined;
}

function document({ report, comparisons }: RenewalsView): Document {
  const doc = renewalsDocument(report);
  if (!comparisons) return doc;
  const periodTables = report.units === null ? doc.tables : doc.tables.slice(0, -1);
  return { ...doc, tables: [...periodTables, ...renewalsCompareTables(report, comparisons), ...doc.tables.slice(periodTables.length)] };
}

export const renewalsRenderers: Renderers<RenewalsView> = {
  table: (view) => renderText(document(view)),
  markdown: (view) => renderMarkdown(document(view)),
  csv: ({ report, comparisons }, { layout }) => renderRenewalsCsv(report, layout, minorDigits(report.spec.currency), comparisons),
  json: ({ report, comparisons }, { input }) => renderRenewalsJson(report, input, comparisons),
  html: (view) => renderDocumentHtml(document(view), renewalsCharts(view.report)),
};
