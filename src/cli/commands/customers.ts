// retain customers: every entity at the as-of snapshot with its MRR, tenure, segment and next renewal.
import type { Command } from 'commander';
import { buildCustomersReport, type CustomerOptions, type CustomersReport } from '../../report/customers-report.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from '../command-context.js';
import { runReportCommand } from '../report-command.js';
import { resolveOptions } from '../options.js';
import { customersRenderers } from '../../render/drilldown/index.js';
import { addSegmentOptions } from '../segment-options.js';

export function configureCustomers(cmd: Command): Command {
  return addSegmentOptions(cmd)
    .option('--all', 'also list customers without MRR on the as-of day')
    .option('--top <n>', 'list only the N largest');
}

function customerOptions(raw: Record<string, unknown>): CustomerOptions {
  let top: number | undefined;
  if (typeof raw.top === 'string') {
    if (!/^[1-9]\d{0,8}$/.test(raw.top)) throw new UsageError(`--top "${raw.top}": expected a positive whole number`);
    top = Number(raw.top);
  }
  return { all: raw.all === true, top };
}

export async function runCustomers(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const resolved = await resolveOptions(files, raw, ctx.io.cwd, ctx.io.now());
  const options = customerOptions(raw);
  await runReportCommand(resolved, ctx, {
    build: ({ dataset }) => buildCustomersReport(resolved.spec, dataset, options),
    renderers: customersRenderers,
  });
}
