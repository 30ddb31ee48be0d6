// Collects the diagnostics of a run and prints them once on stderr: text lines (first 20 of each
// severity, then a count) or one JSON array (--diagnostics json), followed by the row summary.
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticToJson, formatDiagnosticList } from '../diagnostics/format.js';
import { accountingSummary, type RowAccounting } from '../model/row-accounting.js';
import type { TextSink } from './io.js';

export class DiagnosticOutput {
  private readonly list: Diagnostic[] = [];
  private accounting: RowAccounting | undefined;
  /** Decisions taken from the files' own content, with their evidence (`retain: note: FILE: …`). */
  private readonly notes: string[] = [];

  constructor(
    private readonly stderr: TextSink,
    private readonly format: 'text' | 'json',
    private readonly quiet: boolean,
  ) {}

  add(diagnostics: readonly Diagnostic[]): void {
    this.list.push(...diagnostics);
  }

  /** The decisions each file's reading took from its content (delimiter, decimal mark, date layout, columns). */
  addNotes(readings: readonly { file: string; notes: readonly string[] }[]): void {
    for (const reading of readings) for (const note of reading.notes) this.notes.push(`retain: note: ${reading.file}: ${note}`);
  }

  setAccounting(accounting: RowAccounting): void {
    this.accounting = accounting;
  }

  get isJson(): boolean {
    return this.format === 'json';
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }

  flush(): void {
    const errors = this.list.filter((d) => d.severity === 'error').sort(compareDiagnostics);
    const warnings = this.list.filter((d) => d.severity === 'warning').sort(compareDiagnostics);
    if (this.format === 'json') {
      this.stderr.write(`${JSON.stringify([...errors, ...warnings].map(diagnosticToJson))}\n`);
    } else {
      const lines = [...formatDiagnosticList(errors), ...formatDiagnosticList(warnings), ...(this.quiet ? [] : this.notes)];
      if (this.accounting && !this.quiet) lines.push(accountingSummary(this.accounting));
      if (lines.length > 0) this.stderr.write(`${lines.join('\n')}\n`);
    }
    this.list.length = 0;
    this.notes.length = 0;
  }
}
