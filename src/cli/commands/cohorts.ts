// retain cohorts: retention of entities grouped by the period of their first activity.
import { Option, type Command } from 'commander';
import { buildCohortsReport, cohortMetrics, type CohortMetric, type CohortsReport } from '../../report/cohorts-report.js';
import { cohortsDocument, cohortsTidyTable, cohortsWideTable } from '../../render/cohorts-document.js';
import { renderCohortsJson } from '../../render/cohorts-json.js';
import { renderCsvTable } from '../../render/csv.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderText } from '../../render/text.js';
import { minorDigits } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import type { CommandContext } from '../command-context.js';
import { runReportCommand } from '../report-command.js';
import { resolveOptions, type CommonOptions } from '../options.js';
import { addSegmentOptions, segmentLimited } from '../segment-options.js';
import { renderDocumentHtml } from '../../render/html/document-html.js';
import { cohortsCharts } from '../../render/html/cohorts-html.js';

export function configureCohorts(cmd: Command): Command {
  return addSegmentOptions(cmd).addOption(
    new Option('--metric <metric>', 'triangle shown in table and markdown: logo retention, gross or net dollar retention').choices([...cohortMetrics]).default('logo'),
  );
}

export function renderCohorts(report: CohortsReport, options: CommonOptions, metric: CohortMetric, input: RowAccounting): string {
  switch (options.format) {
    case 'table':
      return renderText(cohortsDocument(report, metric));
    case 'markdown':
      return renderMarkdown(cohortsDocument(report, metric));
    case 'csv':
      return renderCsvTable(options.layout === 'tidy' ? cohortsTidyTable(report) : cohortsWideTable(report), minorDigits(report.spec.currency));
    case 'json':
      return renderCohortsJson(report, input);
    case 'html':
      return renderDocumentHtml(cohortsDocument(report, metric), cohortsCharts(report, metric));
  }
}

export async function runCohorts(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const resolved = await resolveOptions(files, raw, ctx.io.cwd, ctx.io.now());
  const metric = (raw.metric ?? 'logo') as CohortMetric;
  await runReportCommand(resolved, ctx, {
    build: ({ dataset }) => segmentLimited(() => buildCohortsReport(resolved.spec, dataset)),
    render: (report, input) => renderCohorts(report, resolved.options, metric, input),
  });
}
