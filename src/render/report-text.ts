// A rendered report: one string, or consecutive pieces written one after the other. Listings of millions
// of rows are returned in pieces so that no single string nears V8's limit (about 512 million characters)
// and no copy of the whole report is made just to join it.
export type ReportText = string | readonly string[];

export function reportTextToString(text: ReportText): string {
  return typeof text === 'string' ? text : text.join('');
}
