// The unit of measurement (METRICS.md §3): customers, or contract keys at --level contract.
import type { ContractKeys } from './contract-keys.js';
import type { LineStore } from './line-store.js';

export type Level = 'customer' | 'contract';

export interface Entities {
  level: Level;
  count: number;
  /** Entity index of each line. */
  ofLine: Int32Array;
  name(entity: number): string;
}

export function buildEntities(store: LineStore, level: Level, keys: ContractKeys): Entities {
  if (level === 'customer') {
    return {
      level,
      count: store.customers.size,
      ofLine: store.customer.subarray(0, store.length),
      name: (e) => store.customers.value(e),
    };
  }
  const dense = new Int32Array(store.contracts.size).fill(-1);
  const names: string[] = [];
  const ofLine = new Int32Array(store.length);
  for (let i = 0; i < store.length; i++) {
    const key = keys.keyOfContract[store.contract[i] ?? 0] ?? 0;
    let e = dense[key] ?? -1;
    if (e < 0) {
      e = names.length;
      dense[key] = e;
      names.push(store.contracts.value(key));
    }
    ofLine[i] = e;
  }
  return { level, count: names.length, ofLine, name: (e) => names[e] ?? '' };
}
