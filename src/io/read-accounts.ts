// --accounts FILE: one row per customer with attributes (industry, size, region, CSM…) that become dimensions
// of that customer's lines (METRICS.md §6). The key is the first header that names a customer id (the
// customer_id aliases, then `id`); every other column is an attribute. A small side file: csv-parse.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { columnAliases, normalizeHeader } from './column-map.js';

export interface AccountTable {
  file: string;
  keyHeader: string;
  /** Attribute headers, in file order. */
  columns: string[];
  /** Customer id → attribute values (same order as columns). */
  rows: Map<string, string[]>;
  /** Customer id → physical line of its row. */
  lineOf: Map<string, number>;
}

export const customerKeyCandidates = ['customer_id', ...columnAliases.customer_id, 'id'];

/** The position of the customer key among `headers`, or −1. */
export function findCustomerKey(headers: readonly string[]): number {
  const normalized = headers.map(normalizeHeader);
  for (const candidate of customerKeyCandidates) {
    const position = normalized.indexOf(normalizeHeader(candidate));
    if (position >= 0) return position;
  }
  return -1;
}

/** Reads a small CSV side file into header + records with their physical line numbers; problems as Diagnostics. */
export async function readSideCsv(path: string, shown: string, what: string): Promise<{ headers: string[]; records: { fields: string[]; line: number }[] } | Diagnostic> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return error('FILE_NOT_FOUND', `cannot read ${what} ${shown}: no such file`, { file: shown }, 'check the path');
  }
  try {
    const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
    const [head, ...rest] = rows;
    if (head === undefined) return error('EMPTY_FILE', `${what} ${shown} is empty: no header row`, { file: shown }, 'export the file again with its header row');
    return { headers: head.record, records: rest.map((r) => ({ fields: r.record, line: r.info.lines })) };
  } catch (cause) {
    const line = (cause as { lines?: number }).lines;
    return error('CSV_BAD_QUOTE', `malformed CSV: ${(cause as Error).message}`, line === undefined ? { file: shown } : { file: shown, line }, 'quote the whole field and double the quotes inside it ("")');
  }
}

export async function readAccounts(path: string, shown: string): Promise<{ table: AccountTable | undefined; problems: Diagnostic[] }> {
  const csv = await readSideCsv(path, shown, '--accounts file');
  if (!('headers' in csv)) return { table: undefined, problems: [csv] };
  const key = findCustomerKey(csv.headers);
  if (key < 0) {
    return {
      table: undefined,
      problems: [error('MISSING_COLUMN', `no customer id column in the --accounts file; headers are: ${csv.headers.join(', ')}`, { file: shown, line: 1 }, 'name the key column customer_id or account_id')],
    };
  }
  const columns = csv.headers.filter((_, i) => i !== key);
  const rows = new Map<string, string[]>();
  const lineOf = new Map<string, number>();
  const problems: Diagnostic[] = [];
  for (const { fields, line } of csv.records) {
    const id = fields[key] ?? '';
    if (id === '') continue;
    if (rows.has(id)) {
      problems.push(warning('DUPLICATE_ACCOUNT', `account ${id} appears again (first on line ${lineOf.get(id)}); the first row is used`, { file: shown, line, column: key + 1, columnName: csv.headers[key] ?? '' }, 'keep one row per account'));
      continue;
    }
    rows.set(id, csv.headers.map((_, i) => fields[i] ?? '').filter((_, i) => i !== key));
    lineOf.set(id, line);
  }
  return { table: { file: shown, keyHeader: csv.headers[key] ?? '', columns, rows, lineOf }, problems };
}
