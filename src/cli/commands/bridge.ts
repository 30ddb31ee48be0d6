// retain bridge: the CMRR bridge with counts and rates per period.
import { buildBridgeReport } from '../../report/bridge-report.js';
import { bridgeCompareMeasures, comparePeriods, trimToSpec, widenForComparison } from '../../report/compare-periods.js';
import { bridgeRenderers } from '../../render/bridge/index.js';
import { checkFailGate, parseFailGate } from '../fail-if.js';
import type { CommandContext } from '../command-context.js';
import { runReportCommand } from '../report-command.js';
import { resolveOptions } from '../options.js';
import { segmentLimited } from '../segment-options.js';

export async function runBridge(files: string[], raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const resolved = await resolveOptions(files, raw, ctx.io.cwd, ctx.io.now());
  const gate = parseFailGate(raw);
  const segmented = resolved.spec.segments !== undefined && resolved.spec.segments.by.length > 0;
  const against = resolved.options.compare;
  const { report } = await runReportCommand(resolved, ctx, {
    exactSums: !segmented && !against,
    build: ({ dataset }) => {
      // --compare widens --from by the comparison distance, then trims back, so the first period has its reference.
      const spec = against ? widenForComparison(resolved.spec, against) : resolved.spec;
      const built = segmentLimited(() => buildBridgeReport(spec, dataset));
      const compared = against ? trimToSpec(built, comparePeriods(built, bridgeCompareMeasures, against), resolved.spec) : { report: built, comparisons: undefined };
      return { ...compared, warnings: compared.report.warnings };
    },
    renderers: bridgeRenderers,
  });
  checkFailGate(report.rows, gate);
}
