// retain diff in every format. Only the terminal table is coloured, and only when the CLI passes a style.
import type { DiffReport } from '../../report/diff-report.js';
import { renderCsvTable } from '../csv.js';
import type { Renderers } from '../format.js';
import { diffCsvTable } from './csv.js';
import { diffDocument } from './document.js';
import { renderDiffHtml } from './html.js';
import { renderDiffJson } from './json.js';
import { renderDiffMarkdown } from './markdown.js';
import { renderDiffText, type ToneStyle } from './text.js';

export interface DiffRenderContext {
  /** Colours for better and worse changes on a terminal; none elsewhere. */
  style: ToneStyle | undefined;
}

export const diffRenderers: Renderers<DiffReport, DiffRenderContext> = {
  table: (report, { style }) => renderDiffText(diffDocument(report), style),
  markdown: (report) => renderDiffMarkdown(report),
  csv: (report) => renderCsvTable(diffCsvTable(report), report.digits),
  json: (report) => renderDiffJson(report),
  html: (report) => renderDiffHtml(report),
};
