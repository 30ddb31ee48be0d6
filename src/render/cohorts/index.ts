// retain cohorts in every format; the triangle shown in tables and on the page is the chosen --metric.
import { minorDigits } from '../../model/money.js';
import type { CohortMetric, CohortsReport } from '../../report/cohorts-report.js';
import { renderCsvTable } from '../csv.js';
import type { Renderers } from '../format.js';
import { renderDocumentHtml } from '../html/document-html.js';
import { renderMarkdown } from '../markdown.js';
import { renderText } from '../text.js';
import { cohortsDocument, cohortsTidyTable, cohortsWideTable } from './document.js';
import { cohortsCharts } from './html.js';
import { renderCohortsJson } from './json.js';

export interface CohortsView {
  report: CohortsReport;
  metric: CohortMetric;
}

export const cohortsRenderers: Renderers<CohortsView> = {
  table: ({ report, metric }) => renderText(cohortsDocument(report, metric)),
  markdown: ({ report, metric }) => renderMarkdown(cohortsDocument(report, metric)),
  csv: ({ report }, { layout }) => renderCsvTable(layout === 'tidy' ? cohortsTidyTable(report) : cohortsWideTable(report), minorDigits(report.spec.currency)),
  json: ({ report }, { input }) => renderCohortsJson(report, input),
  html: ({ report, metric }) => renderDocumentHtml(cohortsDocument(report, metric), cohortsCharts(report, metric)),
};
