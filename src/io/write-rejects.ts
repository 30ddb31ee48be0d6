// The rejects file: every rejected row with its file, line, column, code and message, followed by the
// row's original fields under the first file's headers (csvkit csvclean, qsv validate).
import { stringify } from 'csv-stringify/sync';
import { writeOutput } from './write-output.js';
import type { RejectedRow } from './row-policy.js';

export function rejectsCsv(rows: readonly RejectedRow[], headers: readonly string[]): string {
  const records: string[][] = [['file', 'line', 'column', 'code', 'message', ...headers]];
  for (const row of rows) {
    const first = row.diagnostics[0];
    records.push([
      row.file,
      String(row.line),
      first?.source?.column === undefined ? '' : String(first.source.column),
      row.diagnostics.map((d) => d.code).join(';'),
      row.diagnostics.map((d) => d.message).join('; '),
      ...row.fields,
    ]);
  }
  return stringify(records, { eof: true, record_delimiter: 'unix' });
}

export async function writeRejects(path: string, rows: readonly RejectedRow[], headers: readonly string[]): Promise<void> {
  await writeOutput(path, rejectsCsv(rows, headers));
}
