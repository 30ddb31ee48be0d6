// Reads the inputs and builds the dataset, applying the bad-input policy of METRICS.md §8: by default
// any invalid row fails the run (exit 2) with every problem listed; --skip-invalid computes without
// them; --rejects is written whenever rows were rejected.
import { error } from '../diagnostics/diagnostic.js';
import { linesFloatExact } from '../metrics/bridge-exact.js';
import { readInputs, type ReadResult } from '../io/read-inputs.js';
import { writeRejects } from '../io/write-rejects.js';
import { addChurnDimensions } from '../model/churn-dimensions.js';
import { buildDataset, type Dataset } from '../model/dataset.js';
import type { DiagnosticOutput } from './diagnostic-output.js';
import { writeOrFail } from './emit-report.js';
import { InputError } from './errors.js';
import type { CliIo } from './io.js';
import type { ResolvedOptions } from './options.js';
import { resolve } from 'node:path';

export interface LoadedInput {
  read: ReadResult;
  dataset: Dataset;
}

/**
 * `exactSums`: the caller computes exactly past 2^53 minor units (the unsegmented bridge); every other
 * report sums in Float64 and refuses such an input rather than print a figure off by a few cents.
 */
export async function loadInput(resolved: ResolvedOptions, io: CliIo, out: DiagnosticOutput, exactSums = false): Promise<LoadedInput> {
  const { options, spec } = resolved;
  const read = await readInputs(resolved.inputs.map((i) => i.path), resolved.read, io.stdin, resolved.inputs.map((i) => i.shown));
  out.add(read.fatal);
  out.add(read.warnings);
  out.add(read.rowErrors);
  out.addNotes(read.readings);
  if (read.fatal.length === 0) out.setAccounting(read.accounting);
  if (options.rejects !== undefined && read.rejects.length > 0) {
    const rejects = options.rejects;
    await writeOrFail(rejects, '--rejects', () => writeRejects(resolve(io.cwd, rejects), read.rejects, read.headers));
  }
  if (read.fatal.length > 0) throw new InputError('the input cannot be read');
  if (read.rowErrors.length > 0 && !options.skipInvalid) {
    throw new InputError(`${read.accounting.rejected} invalid row(s); fix them, or run with --skip-invalid (and --rejects FILE)`);
  }
  if (read.accounting.used === 0) {
    out.add([error('NO_VALID_ROWS', 'no valid row to compute from', undefined, read.accounting.rejected > 0 ? 'every row was rejected: see the row errors' : 'check that the export has data rows')]);
    throw new InputError('no valid row');
  }
  if (!exactSums && !linesFloatExact(read.store.mrr, read.store.length)) {
    out.add([
      error('SUM_OUT_OF_RANGE', `the lines' MRR adds up to more than 2^45 minor units of ${spec.currency} (about 3.5 × 10^11 major units): this report's sums could pass 2^53 and stop being exact to the cent`, undefined, 'run retain bridge without --by and --compare, which sums exactly at any size'),
    ]);
    throw new InputError('the amounts are too large for this report');
  }
  if (spec.segments !== undefined) addChurnDimensions(read.store, spec.segments.by);
  const dataset = buildDataset(read.store, spec.level, spec.asOf, spec.graceDays);
  out.add(dataset.errors);
  out.add(dataset.warnings);
  if (dataset.errors.length > 0) throw new InputError('the input is inconsistent');
  return { read, dataset };
}
