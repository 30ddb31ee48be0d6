// retain renewals: renewal accounting per contract term (METRICS.md §7), with its own options: archive
// products, planned churn (--plan FILE or --planned-churn-rate), a churn reason map and --detail.
import type { Command } from 'commander';
import { z } from 'zod';
import { readChurnPlan, parseChurnRate } from '../../io/read-churn-plan.js';
import { readReasonMap } from '../../io/read-reason-map.js';
import { parsePeriodLabel, type Calendar } from '../../model/calendar.js';
import { buildRenewalsReport, type RenewalsReport } from '../../report/renewals-report.js';
import type { RenewalsOptions } from '../../report/renewals-options.js';
import { widenForComparison } from '../../report/compare-periods.js';
import { compareRenewals } from '../../report/renewals-compare.js';
import { renewalsRenderers } from '../../render/renewals/index.js';
import type { ChurnPlan, PlanEntry } from '../../report/renewals-plan.js';
import type { CommandContext } from '../command-context.js';
import { runReportCommand } from '../report-command.js';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { segmentLimited } from '../segment-options.js';
import { resolve } from 'node:path';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addRenewalsOptions(cmd: Command): Command {
  return cmd
    .option('--archive-products <sku,…>', 'products that make a successor an archive (comma-separated, repeatable)', collect)
    .option('--plan <file>', 'planned churn: CSV with columns period (label or *), segment (or *), churn_rate (0.10 or 10%)')
    .option('--planned-churn-rate <rate>', 'planned churn for every period, as a fraction of the locked expected CMRR (0.10 or 10%)')
    .option('--reason-map <file>', 'JSON {"reason": {"avoidable": "avoidable|unavoidable|unspecified", "voluntary": "voluntary|involuntary|unspecified"}}')
    .option('--detail', 'list every renewal unit with its outcome, split and input lines (CSV: instead of the period table)');
}

const renewalsSchema = z.object({
  archiveProducts: z.array(z.string()).default([]),
  plan: z.string().optional(),
  plannedChurnRate: z.string().optional(),
  reasonMap: z.string().optional(),
  detail: z.boolean().default(false),
});

export async function runRenewals(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const resolved = await resolveOptions(files, raw, ctx.io.cwd, ctx.io.now());
  const own = renewalsSchema.parse(raw);
  const renewals = await resolveRenewalsOptions(own, resolved.spec.calendar, ctx.io.cwd);
  const against = resolved.options.compare;
  if (against && own.detail && resolved.options.format === 'csv') {
    throw new UsageError('--compare adds to the period table, which -f csv --detail replaces by the unit listing: drop --detail, or use another format');
  }
  // The split needs quantity, unit price and discount per line, which only this command keeps.
  const withPricing = { ...resolved, read: { ...resolved.read, unitPricing: true } };
  await runReportCommand(withPricing, ctx, {
    build: ({ dataset }) => {
      // --compare widens --from by the comparison distance, then trims back, so the first period has its reference.
      const built = segmentLimited(() => buildRenewalsReport(against ? widenForComparison(resolved.spec, against) : resolved.spec, dataset, renewals));
      const compared = against ? compareRenewals(built, against, resolved.spec) : { report: built, comparisons: undefined };
      return { ...compared, warnings: compared.report.warnings };
    },
    renderers: renewalsRenderers,
  });
}

async function resolveRenewalsOptions(own: z.infer<typeof renewalsSchema>, calendar: Calendar, cwd: string): Promise<RenewalsOptions> {
  const archiveProducts = [...new Set(own.archiveProducts.flatMap((a) => a.split(',')).map((a) => a.trim()).filter((a) => a !== ''))];
  const options: RenewalsOptions = { archiveProducts, plan: undefined, reasonMap: undefined, reasonMapSource: undefined, detail: own.detail };
  if (own.reasonMap !== undefined) {
    const map = await readReasonMap(resolve(cwd, own.reasonMap), own.reasonMap);
    if (typeof map === 'string') throw new UsageError(map);
    options.reasonMap = map;
    options.reasonMapSource = own.reasonMap;
  }
  const entries: PlanEntry[] = [];
  const sources: string[] = [];
  if (own.plan !== undefined) {
    const rows = await readChurnPlan(resolve(cwd, own.plan), own.plan);
    if (typeof rows === 'string') throw new UsageError(rows);
    for (const row of rows) {
      const period = row.period === '*' ? '*' : parsePeriodLabel(calendar, row.period);
      if (period === undefined) throw new UsageError(`--plan ${own.plan}:${row.line}: period "${row.period}" is not a ${calendar.kind} label of this calendar (or *)`);
      entries.push({ period, segment: row.segment, rate: row.rate });
    }
    sources.push(own.plan);
  }
  if (own.plannedChurnRate !== undefined) {
    const rate = parseChurnRate(own.plannedChurnRate.trim());
    if (rate === undefined) throw new UsageError(`--planned-churn-rate "${own.plannedChurnRate}": expected a fraction 0–1 (0.10) or a percentage (10%)`);
    // Lowest rank: any matching --plan row wins over it.
    entries.push({ period: '*', segment: '*', rate });
    sources.push(`--planned-churn-rate ${own.plannedChurnRate.trim()}`);
  }
  if (entries.length > 0) options.plan = { entries, source: sources.join(' and ') } satisfies ChurnPlan;
  return options;
}
