// A neutral table that every text-like renderer (terminal, markdown, CSV) draws from, so a report is
// turned into rows once and each format only decides how cells look.
import type { Rate } from '../model/money.js';

export type Cell =
  | { kind: 'text'; value: string; fromInput?: boolean }
  | { kind: 'money'; minor: number }
  | { kind: 'count'; value: number }
  | { kind: 'rate'; rate: Rate | null; style: 'percent' | 'ratio' };

export interface Column {
  key: string;
  label: string;
  numeric: boolean;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Indexes of rows that are totals (drawn emphasised, separated). */
  totalRows?: ReadonlySet<number>;
}

export interface Document {
  title: string;
  policy: [string, string][];
  tables: Table[];
  notes: string[];
  /** Minor-unit digits of the reporting currency. */
  currencyDigits: number;
}
