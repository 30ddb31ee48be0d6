// The output formats and the shape of a report kind's renderers: one function per format in a table that the
// CLI indexes once (cli/report-command.ts), so no command switches on the format. Adding a format is adding
// its name here and one renderer in each report kind's index.ts (the compiler lists the kinds that lack it).
import type { RowAccounting } from '../model/row-accounting.js';
import type { ReportText } from './report-text.js';

export const formats = ['table', 'markdown', 'csv', 'json', 'html'] as const;
export type Format = (typeof formats)[number];

export const csvLayouts = ['wide', 'tidy'] as const;
export type CsvLayout = (typeof csvLayouts)[number];

/** What every renderer may need besides its report: the CSV layout and the row accounting of the input. */
export interface RenderContext {
  layout: CsvLayout;
  input: RowAccounting;
}

export type Renderer<R, C = RenderContext> = (report: R, context: C) => ReportText;

/** A report kind's renderers, one per format. */
export type Renderers<R, C = RenderContext> = Readonly<Record<Format, Renderer<R, C>>>;

/** The renderers of a report kind that some formats do not suit (an audit has no chart page). */
export type SomeRenderers<R, C = RenderContext> = Readonly<Partial<Record<Format, Renderer<R, C>>>>;

/** The formats a table of renderers covers, in the order of `formats` (for -f choices and messages). */
export function formatsOf(renderers: SomeRenderers<never, never>): Format[] {
  return formats.filter((f) => renderers[f] !== undefined);
}
