// The record the row parser reads: the scanner's current record (fields as ranges of its text), or a record
// kept for later (held while a file's date layout is undecided) with the same interface.

export interface CsvRecord {
  readonly count: number;
  /** The text the field offsets point into. */
  readonly source: string;
  field(i: number): string;
  fieldStart(i: number): number;
  fieldEnd(i: number): number;
  isEscaped(i: number): boolean;
  isEmpty(i: number): boolean;
}

/** A copy of a record's fields that outlives the scanner's buffer. */
export class HeldRecord implements CsvRecord {
  readonly source: string;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    readonly fields: readonly string[],
    readonly line: number,
  ) {
    this.starts = new Int32Array(fields.length);
    this.ends = new Int32Array(fields.length);
    let offset = 0;
    fields.forEach((f, i) => {
      this.starts[i] = offset;
      offset += f.length;
      this.ends[i] = offset;
    });
    this.source = fields.join('');
  }

  static of(record: CsvRecord, line: number): HeldRecord {
    const fields: string[] = [];
    for (let f = 0; f < record.count; f++) fields.push(record.field(f));
    return new HeldRecord(fields, line);
  }

  get count(): number {
    return this.fields.length;
  }

  field(i: number): string {
    return this.fields[i] ?? '';
  }

  fieldStart(i: number): number {
    return this.starts[i]!;
  }

  fieldEnd(i: number): number {
    return this.ends[i]!;
  }

  isEscaped(): boolean {
    return false;
  }

  isEmpty(i: number): boolean {
    return this.starts[i] === this.ends[i];
  }
}
