// One finding of the data-quality audit (retain check): a Diagnostic and every input row it is about.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineStore, Provenance } from '../model/line-store.js';

export interface Finding {
  diagnostic: Diagnostic;
  /** Every input row the finding is about (the diagnostic's own row first). */
  rows: Provenance[];
}

/** A finding located at line `line` of the store, naming `others` as the other rows involved. */
export function findingAt(store: LineStore, line: number, diagnostic: Omit<Diagnostic, 'source'>, others: readonly number[] = []): Finding {
  const own = store.provenance(line);
  return { diagnostic: { ...diagnostic, source: own }, rows: [own, ...others.map((i) => store.provenance(i))] };
}
