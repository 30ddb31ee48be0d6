// retain check and retain inspect: audits of the input, drawn as tables, markdown and JSON (check also as a
// CSV list of findings). Neither has a chart page, so neither offers html.
import type { CheckReport } from '../../report/check-report.js';
import type { InspectReport } from '../../report/inspect-report.js';
import { renderCsvTable } from '../csv.js';
import type { SomeRenderers } from '../format.js';
import { inspectDocuments, renderInspectJson } from '../inspect-document.js';
import { renderMarkdown } from '../markdown.js';
import { renderText } from '../text.js';
import { checkDocument, checkFindingsTable, renderCheckJson } from './check-document.js';

export const checkRenderers: SomeRenderers<CheckReport, unknown> = {
  table: (report) => renderText(checkDocument(report)),
  markdown: (report) => renderMarkdown(checkDocument(report)),
  csv: (report) => renderCsvTable(checkFindingsTable(report), 2),
  json: (report) => renderCheckJson(report),
};

export const inspectRenderers: SomeRenderers<InspectReport, unknown> = {
  table: (report) => inspectDocuments(report).map(renderText).join('\n'),
  markdown: (report) => inspectDocuments(report).map(renderMarkdown).join('\n'),
  json: (report) => renderInspectJson(report),
};
