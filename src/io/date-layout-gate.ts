// Decides a file's layout of slashed dates from the file itself (METRICS.md §8, --date-format auto): 13/04/2024
// can only be day-first and 04/13/2024 only month-first; rows whose dates fit both readings are held until a
// deciding value shows up, then parsed. A file where every slashed date fits both is an error, never a guess.
import { HeldRecord, type CsvRecord } from './csv-record.js';
import { splitLayout } from '../model/parse-date.js';

export type SlashLayout = 'MM/DD/YYYY' | 'DD/MM/YYYY';

/** Rows held at most while undecided; beyond, the file is declared ambiguous (it would not fit in memory). */
export const HOLD_LIMIT = 50_000;

export interface AmbiguousExample {
  line: number;
  position: number;
  value: string;
}

export class DateLayoutGate {
  layout: SlashLayout | undefined;
  /** The value that decided the layout, for messages. */
  decidedBy: AmbiguousExample | undefined;
  readonly held: HeldRecord[] = [];
  firstAmbiguous: AmbiguousExample | undefined;

  /** `positions`: every field position the row parser reads as a date. */
  constructor(private readonly positions: readonly number[]) {}

  /** Looks at a record's date fields: 'decided' when one proves the layout, 'ambiguous' when some fit both. */
  inspect(record: CsvRecord, line: number): 'decided' | 'ambiguous' | 'none' {
    let ambiguous = false;
    for (const position of this.positions) {
      if (position >= record.count || !hasSlash(record, position)) continue;
      const value = record.field(position).trim();
      const parts = splitLayout(value, 0, value.length, 47);
      if (parts === undefined || parts.first === parts.second) continue;
      if (parts.first > 12 && parts.second <= 12) return this.decide('DD/MM/YYYY', { line, position, value });
      if (parts.second > 12 && parts.first <= 12) return this.decide('MM/DD/YYYY', { line, position, value });
      if (parts.first <= 12 && parts.second <= 12) {
        ambiguous = true;
        this.firstAmbiguous ??= { line, position, value };
      }
    }
    return ambiguous ? 'ambiguous' : 'none';
  }

  hold(record: CsvRecord, line: number): boolean {
    if (this.held.length >= HOLD_LIMIT) return false;
    this.held.push(HeldRecord.of(record, line));
    return true;
  }

  private decide(layout: SlashLayout, example: AmbiguousExample): 'decided' {
    this.layout = layout;
    this.decidedBy = example;
    return 'decided';
  }
}

/** Whether the field holds a '/', looked up in the record's text without making a string (the hot path). */
function hasSlash(record: CsvRecord, position: number): boolean {
  const text = record.source;
  const start = record.fieldStart(position);
  const end = record.fieldEnd(position);
  if (end - start >= 10 && text.charCodeAt(start + 4) === 45) return false; // ISO: 2024-…
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 47) return true;
  return false;
}
