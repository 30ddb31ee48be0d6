// Joins --accounts attributes onto the lines by customer id (METRICS.md §6): each dimension the main files left
// empty (or did not have) takes the value of the line's account row. Orphans are warnings with counts and
// examples: lines whose customer has no account row, and accounts with no line.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineStore } from '../model/line-store.js';
import type { AccountTable } from './read-accounts.js';

const EXAMPLES = 5;

export function joinAccounts(store: LineStore, table: AccountTable): Diagnostic[] {
  const targets: { dimension: number; column: number }[] = [];
  store.dimensionNames.forEach((name, dimension) => {
    const column = table.columns.indexOf(name);
    if (column >= 0) targets.push({ dimension, column });
  });
  // One lookup per customer, not per line.
  const rowOfCustomer: (string[] | undefined)[] = store.customers.values.map((id) => table.rows.get(id));
  const usedAccounts = new Set<string>();
  const orphanCustomers = new Map<string, number>(); // customer → first line index
  for (let i = 0; i < store.length; i++) {
    const customer = store.customer[i]!;
    const row = rowOfCustomer[customer];
    if (row === undefined) {
      const name = store.customers.value(customer);
      if (!orphanCustomers.has(name)) orphanCustomers.set(name, i);
      continue;
    }
    usedAccounts.add(store.customers.value(customer));
    for (const { dimension, column } of targets) {
      const values = store.dimensionValues[dimension]!;
      const current = store.dimensions[dimension]!;
      if (values.value(current[i]!) === '') current[i] = values.id(row[column] ?? '');
    }
  }
  const problems: Diagnostic[] = [];
  if (orphanCustomers.size > 0) {
    const examples = [...orphanCustomers].slice(0, EXAMPLES).map(([name, i]) => {
      const p = store.provenance(i);
      return `${name} (${p.file}:${p.line})`;
    });
    problems.push(
      warning('ACCOUNT_MISSING', `${orphanCustomers.size} customer(s) of the lines have no row in the --accounts file, so their account attributes are empty: ${examples.join(', ')}${orphanCustomers.size > EXAMPLES ? ', …' : ''}`, { file: table.file }, 'add the accounts, or check that both files use the same customer ids'),
    );
  }
  const unused = [...table.rows.keys()].filter((id) => !usedAccounts.has(id));
  if (unused.length > 0) {
    const examples = unused.slice(0, EXAMPLES).map((id) => `${id} (line ${table.lineOf.get(id)})`);
    problems.push(
      warning('ACCOUNT_UNUSED', `${unused.length} account(s) of the --accounts file have no line: ${examples.join(', ')}${unused.length > EXAMPLES ? ', …' : ''}`, { file: table.file }, 'expected for prospects and accounts that never paid; otherwise check the ids'),
    );
  }
  return problems;
}
