// (spec, dataset) → the customer list at the as-of snapshot: each entity's MRR that day (METRICS.md §3),
// first active day, tenure in whole months, segment (§6, on the as-of day), and its next renewal: the
// earliest end_date among its lines active on as-of (§7: the unit due then), with the MRR expiring then.
// Sorted by MRR, largest first. The MRRs sum to the bridge's end of the period containing as-of.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Day } from '../model/calendar.js';
import type { Dataset } from '../model/dataset.js';
import { OPEN_DAY } from '../model/line-store.js';
import type { Minor } from '../model/money.js';
import { wholeMonthsBetween } from '../model/segment-spec.js';
import { prepareSweep, type Sweep } from './sweep.js';
import { segmentAttribution } from './segment-attribution.js';
import type { ReportSpec } from './spec.js';

/** scheduled: due on a future end date; pending: past its end, inside the grace; cancelling: every line due then is cancelled. */
export type RenewalStatus = 'scheduled' | 'pending' | 'cancelling' | 'evergreen';

export interface CustomerRow {
  customer: string;
  contract: string | null;
  mrr: Minor;
  firstActive: Day;
  tenureMonths: number;
  segment: Readonly<Record<string, string>> | null;
  nextRenewal: Day | null;
  expiringMrr: Minor;
  renewalStatus: RenewalStatus | null;
}

export interface CustomersReport {
  command: 'customers';
  spec: ReportSpec;
  /** Rows listed (after --top); each is built on demand by row(i), largest MRR first. */
  count: number;
  row(index: number): CustomerRow;
  /** Over all entities listed before --top: how many and their MRR. */
  total: { count: number; mrr: Minor };
  warnings: Diagnostic[];
}

export interface CustomerOptions {
  /** Also list entities with no MRR on the as-of day (churned earlier). */
  all: boolean;
  top: number | undefined;
}

export function buildCustomersReport(spec: ReportSpec, dataset: Dataset, options: CustomerOptions): CustomersReport {
  const sweep = prepareSweep(spec, dataset);
  const { store, entities } = dataset;
  const segmented = spec.segments !== undefined && spec.segments.by.length > 0;
  // Without --by, the attribution over no key still gives each entity's MRR on the day.
  const attribution = segmentAttribution(segmented ? spec.segments! : { ...noKeys, cohortCalendar: spec.calendar }, dataset, sweep, 1);
  const scheme = attribution.scheme;
  const day = Int32Array.of(spec.asOf);
  const line = new Int32Array(1);
  const mrr = new Float64Array(1);
  const factor = spec.unit === 'arr' ? 12 : 1;
  // One pass for every entity's MRR and deciding line on as-of; rows are built only when printed.
  const mrrOf = new Float64Array(entities.count);
  const lineOf = new Int32Array(entities.count);
  const listed: number[] = [];
  let totalMrr = 0;
  for (let entity = 0; entity < entities.count; entity++) {
    if (sweep.firstActive[entity] === OPEN_DAY) continue;
    attribution.fill(entity, day, line, mrr);
    if (mrr[0] === 0 && !options.all) continue;
    mrrOf[entity] = mrr[0]!;
    lineOf[entity] = line[0]!;
    totalMrr += mrr[0]!;
    listed.push(entity);
  }
  const customerOf = (entity: number): string => store.customers.value(store.customer[dataset.linesByEntity.order[dataset.linesByEntity.offsets[entity]!]!]!);
  const key = (entity: number): string => `${customerOf(entity)}\u0000${entities.level === 'contract' ? entities.name(entity) : ''}`;
  listed.sort((a, b) => mrrOf[b]! - mrrOf[a]! || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const total = { count: listed.length, mrr: totalMrr * factor };
  if (options.top !== undefined) listed.length = Math.min(listed.length, options.top);
  const row = (index: number): CustomerRow => {
    const entity = listed[index]!;
    const now = mrrOf[entity]!;
    const first = sweep.firstActive[entity]!;
    const renewal = nextRenewal(dataset, sweep, entity, spec.asOf);
    return {
      customer: customerOf(entity),
      contract: entities.level === 'contract' ? entities.name(entity) : null,
      mrr: now * factor,
      firstActive: first,
      tenureMonths: wholeMonthsBetween(first, spec.asOf),
      segment: segmented && now > 0 ? scheme.labels(scheme.segmentOf(entity, lineOf[entity]!, spec.asOf, now)) : null,
      nextRenewal: renewal.day,
      expiringMrr: renewal.mrr * factor,
      renewalStatus: now > 0 || renewal.day !== null ? renewal.status : null,
    };
  };
  return { command: 'customers', spec, count: listed.length, row, total, warnings: [...sweep.warnings] };
}

const noKeys = { by: [], mrrBands: [], arrBands: [], currencyDigits: 2, tenureBands: [] };

/** The earliest end_date among the entity's lines with MRR active on as-of, and their MRR. */
function nextRenewal(dataset: Dataset, sweep: Sweep, entity: number, asOf: Day): { day: Day | null; mrr: Minor; status: RenewalStatus } {
  const { store, linesByEntity } = dataset;
  let due = OPEN_DAY;
  let expiring = 0;
  let allCancelled = true;
  for (let k = linesByEntity.offsets[entity]!; k < linesByEntity.offsets[entity + 1]!; k++) {
    const l = linesByEntity.order[k]!;
    const end = store.end[l]!;
    if (store.mrr[l] === 0 || end === OPEN_DAY || sweep.spans.first[l]! > asOf || sweep.spans.last[l]! < asOf) continue;
    if (end > due) continue;
    if (end < due) {
      due = end;
      expiring = 0;
      allCancelled = true;
    }
    expiring += store.mrr[l]!;
    const cancel = store.cancel[l]!;
    if (cancel === OPEN_DAY || cancel > end) allCancelled = false;
  }
  if (due === OPEN_DAY) return { day: null, mrr: 0, status: 'evergreen' };
  return { day: due, mrr: expiring, status: allCancelled ? 'cancelling' : due < asOf ? 'pending' : 'scheduled' };
}
