// retain movements and retain customers in every format: listings of one row per movement or per entity,
// written lazily in pieces in CSV and JSON (they can run to millions of rows).
import type { CustomersReport } from '../../report/customers-report.js';
import type { MovementsReport } from '../../report/movements-report.js';
import type { Renderers } from '../format.js';
import { renderDocumentHtml } from '../html/document-html.js';
import { renderMarkdown } from '../markdown.js';
import { renderText } from '../text.js';
import { customersDocument, renderCustomersCsv } from './customers-document.js';
import { renderCustomersJson } from './customers-json.js';
import { movementsDocument, renderMovementsCsv } from './movements-document.js';
import { renderMovementsJson } from './movements-json.js';

export const movementsRenderers: Renderers<MovementsReport> = {
  table: (report) => renderText(movementsDocument(report)),
  markdown: (report) => renderMarkdown(movementsDocument(report)),
  csv: (report) => renderMovementsCsv(report),
  json: (report, { input }) => renderMovementsJson(report, input),
  html: (report) => renderDocumentHtml(movementsDocument(report)),
};

export const customersRenderers: Renderers<CustomersReport> = {
  table: (report) => renderText(customersDocument(report)),
  markdown: (report) => renderMarkdown(customersDocument(report)),
  csv: (report) => renderCustomersCsv(report),
  json: (report, { input }) => renderCustomersJson(report, input),
  html: (report) => renderDocumentHtml(customersDocument(report)),
};
