// Joins --churn-events reasons onto the lines (METRICS.md §7): a customer churns where its service stops for
// longer than the grace days (its lines merged into blocks, gaps ≤ grace bridged); the churn event nearest
// after a block's last active day p, dated p … p + 1 + grace, gives its reason to the lines ending on p
// (a line's own churn_reason wins). Events that match no churn are a warning with counts and examples.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDay, type Day } from '../model/calendar.js';
import { groupLinesByEntity } from '../model/group-lines.js';
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import type { ChurnEvent, ChurnEvents } from './read-churn-events.js';

const EXAMPLES = 5;

/** Last active day of a line before grace: the end, or the day before an earlier cancellation. */
function lastDay(store: LineStore, i: number): Day {
  const cancel = store.cancel[i]!;
  const end = store.end[i]!;
  return cancel !== OPEN_DAY && cancel <= end ? cancel - 1 : end;
}

export function joinChurnEvents(store: LineStore, source: ChurnEvents, graceDays: number): Diagnostic[] {
  const customerIds = new Map<string, number>();
  store.customers.values.forEach((name, id) => customerIds.set(name, id));
  const eventsOf = new Map<number, ChurnEvent[]>();
  const unknown: ChurnEvent[] = [];
  for (const event of source.events) {
    const id = customerIds.get(event.customer);
    if (id === undefined) unknown.push(event);
    else {
      const list = eventsOf.get(id);
      if (list) list.push(event);
      else eventsOf.set(id, [event]);
    }
  }
  for (const list of eventsOf.values()) list.sort((a, b) => a.day - b.day || a.line - b.line);
  const matched = new Set<ChurnEvent>();
  const groups = groupLinesByEntity(store, store.customer.subarray(0, store.length), store.customers.size, () => true);
  for (const [customer, events] of eventsOf) {
    const from = groups.offsets[customer]!;
    const to = groups.offsets[customer + 1]!;
    let blockEnd = Number.NEGATIVE_INFINITY;
    let blockLines: number[] = [];
    const close = (): void => {
      if (blockLines.length === 0 || blockEnd === OPEN_DAY) return;
      const event = events.find((e) => !matched.has(e) && e.day >= blockEnd && e.day <= blockEnd + 1 + graceDays);
      if (event === undefined) return;
      matched.add(event);
      const reason = store.reasons.id(event.reason);
      for (const i of blockLines) if (lastDay(store, i) === blockEnd && store.reasons.value(store.reason[i]!) === '') store.reason[i] = reason;
    };
    for (let k = from; k < to; k++) {
      const i = groups.order[k]!;
      const last = lastDay(store, i);
      if (last < store.start[i]!) continue; // never active
      if (store.start[i]! > blockEnd + 1 + graceDays) {
        close();
        blockLines = [];
        blockEnd = last;
      } else blockEnd = Math.max(blockEnd, last);
      blockLines.push(i);
    }
    close();
  }
  const unmatched = [...unknown, ...[...eventsOf.values()].flat().filter((e) => !matched.has(e))].sort((a, b) => a.line - b.line);
  if (unmatched.length === 0) return [];
  const examples = unmatched.slice(0, EXAMPLES).map((e) => `line ${e.line} ${e.customer} ${formatDay(e.day)}${customerIds.has(e.customer) ? '' : ' (no such customer)'}`);
  return [
    warning(
      'CHURN_EVENT_UNMATCHED',
      `${unmatched.length} of ${source.events.length} churn event(s) match no churn of the lines (${unknown.length} name no customer of the lines; the others fall while the customer is still active, or more than ${graceDays} grace days after its last active day): ${examples.join('; ')}${unmatched.length > EXAMPLES ? '; …' : ''}`,
      { file: source.file },
      'their reasons are not used; check the dates, or the customer ids',
    ),
  ];
}
