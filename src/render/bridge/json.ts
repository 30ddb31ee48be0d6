// The JSON contract of `retain bridge` (schemaVersion 1): money as exact decimal strings in major
// units, rates as numbers rounded half-even to 6 decimals or null. Built from the report, not the table.
import { formatDay } from '../../model/calendar.js';
import { minorDigits, minorToDecimalString, type MinorSum } from '../../model/money.js';
import type { RowAccounting } from '../../model/row-accounting.js';
import type { BridgeReport } from '../../report/bridge-report.js';
import { bridgeCompareMeasures, type PeriodComparison } from '../../report/compare-periods.js';
import { compareJson } from '../compare-tables.js';
import { RATE_PLACES } from '../format-values.js';
import { reportEnvelope } from '../report-envelope.js';

/** `comparisons` (bridge --compare): one per row, added to each period as a `compare` object. */
export function renderBridgeJson(report: BridgeReport, input: RowAccounting, comparisons?: readonly PeriodComparison[]): string {
  const digits = minorDigits(report.spec.currency);
  const money = (minor: MinorSum): string => minorToDecimalString(minor, digits);
  const doc = {
    ...reportEnvelope(report.command, report.spec, input),
    periods: report.rows.map((r, i) => ({
      period: r.period,
      start: formatDay(r.start),
      end: formatDay(r.end),
      partial: r.partial,
      segment: r.segment,
      money: Object.fromEntries(Object.entries(r.money).map(([k, v]) => [k, money(v)])),
      counts: r.counts,
      rates: Object.fromEntries(Object.entries(r.rates).map(([k, v]) => [k, v === null ? null : v.toNumber(RATE_PLACES)])),
      // Segment rows only: begin(P) of the segment = its end(P − 1) + movedIn − movedOut.
      ...(r.flow ? { segmentFlow: { movedIn: money(r.flow.movedIn), movedOut: money(r.flow.movedOut), movedInCount: r.flow.movedInCount, movedOutCount: r.flow.movedOutCount } } : {}),
      ...(comparisons ? { compare: compareJson(comparisons[i]!, report.spec.currency, bridgeCompareMeasures) } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
