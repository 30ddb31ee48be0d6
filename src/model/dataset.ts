// Lines → everything the metrics need that does not depend on the period kind: contract keys,
// entities, each line's active span (with grace) and the per-entity event lists.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDay, type Day } from './calendar.js';
import { resolveContractKeys } from './contract-keys.js';
import { buildEntities, type Entities, type Level } from './entities.js';
import { groupLinesByEntity, type LinesByEntity } from './group-lines.js';
import type { LineStore } from './line-store.js';

export interface Dataset {
  store: LineStore;
  entities: Entities;
  /** Lines known at as-of (start ≤ as-of), by entity, sorted by start. */
  linesByEntity: LinesByEntity;
  asOf: Day;
  graceDays: number;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export function buildDataset(store: LineStore, level: Level, asOf: Day, graceDays: number): Dataset {
  const keys = resolveContractKeys(store);
  const entities = buildEntities(store, level, keys);
  const linesByEntity = groupLinesByEntity(store, entities.ofLine, entities.count, (i) => store.start[i]! <= asOf);
  const errors = keys.diagnostics.filter((d) => d.severity === 'error');
  const warnings = keys.diagnostics.filter((d) => d.severity === 'warning');
  let known = 0;
  for (let i = 0; i < store.length; i++) if (store.start[i]! <= asOf) known++;
  if (store.length > 0 && known === 0) {
    warnings.push(warning('AS_OF_BEFORE_DATA', `as-of ${formatDay(asOf)} is before every line's start: the report is empty`, undefined, 'give a later --as-of'));
  }
  return { store, entities, linesByEntity, asOf, graceDays, errors, warnings };
}
