// CSV for spreadsheets and BI: raw numbers ("12500.00", rates with 6 decimals), stable column order.
// Text that came from the input and starts like a formula is prefixed with ' (OWASP CSV injection).
import { stringify } from 'csv-stringify/sync';
import { machineCell } from './format-values.js';
import type { Cell, Table } from './table-model.js';

export function neutralizeFormula(text: string): string {
  if (text === '' || !/^[=+\-@\t\r]/.test(text)) return text;
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  return `'${text}`;
}

export function csvCell(cell: Cell, digits: number): string {
  if (cell.kind === 'text' && cell.fromInput) return neutralizeFormula(cell.value);
  return machineCell(cell, digits);
}

export function renderCsvRows(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows], { eof: true, record_delimiter: 'unix' });
}

export function renderCsvTable(table: Table, digits: number): string {
  return renderCsvRows(
    table.columns.map((c) => c.key),
    table.rows.map((row) => row.map((cell) => csvCell(cell, digits))),
  );
}

/**
 * A long table written in pieces: `rowAt(i)` builds row i only when its piece is written, so millions of
 * rows never exist as cells at once.
 */
/** The CSV of `count` rows built `piece` rows at a time, produced lazily as those pieces (header first). */
export function* renderCsvPieces(columns: readonly string[], count: number, rowAt: (index: number) => readonly Cell[], digits: number, piece = 10_000): Generator<string> {
  yield renderCsvRows(columns, []);
  for (let from = 0; from < count; from += piece) {
    const rows: string[][] = [];
    for (let i = from; i < Math.min(count, from + piece); i++) rows.push(rowAt(i).map((cell) => csvCell(cell, digits)));
    yield stringify(rows, { eof: true, record_delimiter: 'unix' });
  }
}
