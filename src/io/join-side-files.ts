// The side files of a run (--accounts, --churn-events): read before the main files (the account columns can
// be segments even when the main files lack them), joined after them.
import type { TimeZone } from '../model/time-zone.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineStore } from '../model/line-store.js';
import type { DateFormat } from '../model/parse-date.js';
import { joinAccounts } from './join-accounts.js';
import { joinChurnEvents } from './join-churn-events.js';
import { readAccounts, type AccountTable } from './read-accounts.js';
import { readChurnEvents, type ChurnEvents } from './read-churn-events.js';

export interface SideFile {
  /** Path to open. */
  path: string;
  /** Name in messages (as the user wrote it). */
  shown: string;
}

export interface SideFileOptions {
  accounts?: SideFile | undefined;
  churnEvents?: SideFile | undefined;
  /** Grace days for matching churn events (METRICS.md §3). */
  graceDays?: number | undefined;
}

export interface SideFiles {
  accounts: AccountTable | undefined;
  churnEvents: ChurnEvents | undefined;
  /** Problems that make a side file unusable (errors) and warnings (duplicate accounts). */
  problems: Diagnostic[];
}

export async function readSideFiles(options: SideFileOptions, dateFormat: DateFormat, timeZone?: TimeZone): Promise<SideFiles> {
  const result: SideFiles = { accounts: undefined, churnEvents: undefined, problems: [] };
  if (options.accounts) {
    const read = await readAccounts(options.accounts.path, options.accounts.shown);
    result.accounts = read.table;
    result.problems.push(...read.problems);
  }
  if (options.churnEvents) {
    const read = await readChurnEvents(options.churnEvents.path, options.churnEvents.shown, dateFormat === 'auto' ? 'YYYY-MM-DD' : dateFormat, timeZone);
    result.churnEvents = read.events;
    result.problems.push(...read.problems);
  }
  return result;
}

/** Dimensions the side files can fill (accepted by --by even when no main file has them). */
export function providedDimensions(side: SideFiles): ReadonlySet<string> {
  return new Set(side.accounts?.columns ?? []);
}

export function joinSideFiles(store: LineStore, side: SideFiles, graceDays: number): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (side.accounts) problems.push(...joinAccounts(store, side.accounts));
  if (side.churnEvents) problems.push(...joinChurnEvents(store, side.churnEvents, graceDays));
  return problems;
}
