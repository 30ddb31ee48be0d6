// A neutral table that every text-like renderer (terminal, markdown, CSV) draws from, so a report is
// turned into rows once and each format only decides how cells look.
import type { MinorSum, Rate } from '../model/money.js';

export type Cell =
  | { kind: 'text'; value: string; fromInput?: boolean }
  | { kind: 'money'; minor: MinorSum; signed?: boolean }
  | { kind: 'count'; value: number; signed?: boolean }
  // 'points': a difference of two rates, shown in percentage points ("+1.2 pp"). signed: changes show "+".
  | { kind: 'rate'; rate: Rate | null; style: 'percent' | 'ratio' | 'points'; signed?: boolean };

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
