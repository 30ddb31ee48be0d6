// retain movements: the drill-down of the bridge, one row per entity and period with a movement.
import type { Command } from 'commander';
import { parsePeriodLabel, type Calendar } from '../../model/calendar.js';
import { minorDigits, parseDecimal } from '../../model/money.js';
import { movementKinds, type MovementKind } from '../../metrics/movements.js';
import { buildMovementsReport, type MovementFilters, type MovementsReport } from '../../report/movements-report.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from '../command-context.js';
import { runReportCommand } from '../report-command.js';
import { resolveOptions } from '../options.js';
import { movementsRenderers } from '../../render/drilldown/index.js';
import { addSegmentOptions, segmentLimited } from '../segment-options.js';

export function configureMovements(cmd: Command): Command {
  return addSegmentOptions(cmd)
    .option('--movement <kinds>', `movements listed, comma-separated: ${movementKinds.join(', ')} (default: all)`)
    .option('--min-amount <amount>', 'list only movements of at least this amount (in the unit shown)')
    .option('--period-label <label>', 'list only this period, e.g. 2024-Q3 (a label of --period)')
    .option('--top <n>', 'list only the N largest movements, largest first');
}

/** Raw flags → filters; amounts in minor units of the reporting currency. */
export function movementFilters(raw: Record<string, unknown>, calendar: Calendar, currency: string): MovementFilters {
  let kinds: MovementKind[] | undefined;
  if (typeof raw.movement === 'string') {
    kinds = raw.movement.split(',').map((k) => k.trim()).filter((k) => k !== '') as MovementKind[];
    const unknown = kinds.filter((k) => !(movementKinds as readonly string[]).includes(k));
    if (unknown.length > 0 || kinds.length === 0) throw new UsageError(`--movement "${raw.movement}": expected some of ${movementKinds.join(', ')}`);
  }
  let minAmount = 0;
  if (typeof raw.minAmount === 'string') {
    const digits = minorDigits(currency);
    const parsed = parseDecimal(raw.minAmount);
    if (parsed === undefined || parsed.scale > digits || Number(parsed.mantissa) < 0) {
      throw new UsageError(`--min-amount "${raw.minAmount}": expected a non-negative amount with at most ${digits} decimals`);
    }
    minAmount = Number(parsed.mantissa) * 10 ** (digits - parsed.scale);
  }
  let period: number | undefined;
  if (typeof raw.periodLabel === 'string') {
    period = parsePeriodLabel(calendar, raw.periodLabel);
    if (period === undefined) throw new UsageError(`--period-label "${raw.periodLabel}" is not a ${calendar.kind} label (see --period)`);
  }
  let top: number | undefined;
  if (typeof raw.top === 'string') {
    if (!/^[1-9]\d{0,8}$/.test(raw.top)) throw new UsageError(`--top "${raw.top}": expected a positive whole number`);
    top = Number(raw.top);
  }
  return { kinds, minAmount, period, top };
}

export async function runMovements(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const resolved = await resolveOptions(files, raw, ctx.io.cwd, ctx.io.now());
  const filters = movementFilters(raw, resolved.spec.calendar, resolved.spec.currency);
  await runReportCommand(resolved, ctx, {
    build: ({ dataset }) => segmentLimited(() => buildMovementsReport(resolved.spec, dataset, filters)),
    renderers: movementsRenderers,
  });
}

