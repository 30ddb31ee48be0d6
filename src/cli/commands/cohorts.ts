// retain cohorts: retention of entities grouped by the period of their first activity.
import { Option, type Command } from 'commander';
import { buildCohortsReport, cohortMetrics, type CohortMetric } from '../../report/cohorts-report.js';
import { cohortsRenderers } from '../../render/cohorts/index.js';
import type { CommandContext } from '../command-context.js';
import { runReportCommand } from '../report-command.js';
import { resolveOptions } from '../options.js';
import { addSegmentOptions, segmentLimited } from '../segment-options.js';

export function configureCohorts(cmd: Command): Command {
  return addSegmentOptions(cmd).addOption(
    new Option('--metric <metric>', 'triangle shown in table and markdown: logo retention, gross or net dollar retention').choices([...cohortMetrics]).default('logo'),
  );
}

export async function runCohorts(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const resolved = await resolveOptions(files, raw, ctx.io.cwd, ctx.io.now());
  const metric = (raw.metric ?? 'logo') as CohortMetric;
  await runReportCommand(resolved, ctx, {
    build: ({ dataset }) => {
      const report = segmentLimited(() => buildCohortsReport(resolved.spec, dataset));
      return { report, metric, warnings: report.warnings };
    },
    renderers: cohortsRenderers,
  });
}
