// Contract keys (METRICS.md §3): a contract that `renews` another joins the chain of the contract it
// renews, so the key of every contract is the first contract of its chain. Unknown targets and
// self-links make no link (warnings); a cycle is an error naming its rows.
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { NO_LINK, type LineStore } from './line-store.js';

export interface ContractKeys {
  /** Contract key (an id in store.contracts) of each contract id; −1 for ids that are only link targets. */
  keyOfContract: Int32Array;
  diagnostics: Diagnostic[];
}

export function resolveContractKeys(store: LineStore): ContractKeys {
  const size = store.contracts.size;
  const isContract = new Uint8Array(size);
  for (let i = 0; i < store.length; i++) isContract[store.contract[i] ?? 0] = 1;
  const parent = new Int32Array(size).fill(NO_LINK);
  const parentLine = new Int32Array(size).fill(-1);
  const diagnostics: Diagnostic[] = [];
  const name = (id: number): string => store.contracts.value(id);
  for (let i = 0; i < store.length; i++) {
    const target = store.renews[i] ?? NO_LINK;
    const own = store.contract[i] ?? 0;
    if (target === NO_LINK || target === own) continue;
    const source = { ...store.provenance(i), columnName: 'renews' };
    if (isContract[target] !== 1) {
      diagnostics.push(warning('RENEWS_UNKNOWN', `contract ${name(own)} renews "${name(target)}", which is no contract in the input; it starts its own chain`, source, 'check the renews value'));
      continue;
    }
    const current = parent[own] ?? NO_LINK;
    if (current === NO_LINK) {
      parent[own] = target;
      parentLine[own] = i;
    } else if (current !== target) {
      // Row order must not matter: keep the smaller id by code points, and say so.
      const keep = name(target) < name(current) ? target : current;
      diagnostics.push(warning('RENEWS_CONFLICT', `contract ${name(own)} renews both ${name(current)} and ${name(target)}; using ${name(keep)}`, source, 'give every line of a contract the same renews value'));
      if (keep === target) {
        parent[own] = target;
        parentLine[own] = i;
      }
    }
  }
  const keyOfContract = new Int32Array(size).fill(-1);
  const state = new Uint8Array(size); // 0 unvisited, 1 on the current path, 2 resolved
  for (let c = 0; c < size; c++) {
    if (isContract[c] !== 1 || state[c] === 2) continue;
    const path: number[] = [];
    let x = c;
    while (x !== NO_LINK && state[x] === 0) {
      state[x] = 1;
      path.push(x);
      x = parent[x] ?? NO_LINK;
    }
    let root: number;
    if (x !== NO_LINK && state[x] === 1) {
      const cycle = path.slice(path.indexOf(x));
      const rows = cycle.map((id) => {
        const p = store.provenance(parentLine[id] ?? 0);
        return `${p.file}:${p.line}`;
      });
      diagnostics.push(
        error('RENEWS_CYCLE', `renews links form a cycle: ${cycle.map(name).join(' → ')} → ${name(x)} (rows ${rows.join(', ')})`, { ...store.provenance(parentLine[x] ?? 0), columnName: 'renews' }, 'remove one renews link of the cycle'),
      );
      root = cycle.reduce((a, b) => (name(a) < name(b) ? a : b));
    } else {
      root = x === NO_LINK ? (path[path.length - 1] ?? c) : (keyOfContract[x] ?? x);
    }
    for (const id of path) {
      keyOfContract[id] = root;
      state[id] = 2;
    }
  }
  return { keyOfContract, diagnostics };
}
