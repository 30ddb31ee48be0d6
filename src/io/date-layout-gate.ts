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
  /** Every date column has shown an ISO date (and no row is held): the file needs no gate any more. */
  settled = false;
  private readonly isoSeen: Uint8Array;
  private isoMissing: number;

  /** `positions`: every field position the row parser reads as a date. */
  constructor(private readonly positions: readonly number[]) {
    this.isoSeen = new Uint8Array(positions.length);
    this.isoMissing = positions.length;
  }

  /** Looks at a record's date fields: 'decided' when one proves the layout, 'ambiguous' when some fit both. */
  inspect(record: CsvRecord, line: number): 'decided' | 'ambiguous' | 'none' {
    let ambiguous = false;
    for (let k = 0; k < this.positions.length; k++) {
      const position = this.positions[k]!;
      if (position >= record.count) continue;
      const kind = fieldKind(record, position);
      if (kind === ISO) {
        // A column that holds ISO dates is an ISO column; once all are, slashed dates are simply invalid.
        if (this.isoSeen[k] === 0) {
          this.isoSeen[k] = 1;
          if (--this.isoMissing === 0 && this.held.length === 0) this.settled = true;
        }
        continue;
      }
      if (kind !== SLASHED) continue;
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

const OTHER = 0;
const ISO = 1;
const SLASHED = 2;

/** ISO (2024-…), slashed (has a '/') or other, from the record's text without making a string (the hot path). */
function fieldKind(record: CsvRecord, position: number): number {
  const text = record.source;
  const start = record.fieldStart(position);
  const end = record.fieldEnd(position);
  if (end - start >= 10 && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) return ISO;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 47) return SLASHED;
  return OTHER;
}
