// Which character separates the fields of a file (METRICS.md §8: a decision that changes every number is
// announced, an ambiguous one asks): each of `,` `;` tab `|` splits the first records of the file (quotes
// respected); a candidate fits when the header has at least two fields by it and every following record has
// as many. One fitting candidate is the delimiter; several that fit equally is a question, never a guess.

export const delimiterCandidates = [',', ';', '\t', '|'] as const;

/** Records looked at; the head of the file read before scanning holds at least these many lines. */
export const DELIMITER_SAMPLE_RECORDS = 50;

export type DelimiterDecision =
  | { kind: 'decided'; delimiter: string; fields: number; records: number; evidence: string }
  | { kind: 'ambiguous'; candidates: { delimiter: string; fields: number }[] };

/** How a delimiter is written in messages and flags. */
export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

/** Field counts of the complete records of `head` split by `delimiter` (a record cut by the end of `head` is left out). */
function fieldCounts(head: string, delimiter: string, final: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < head.length && counts.length < DELIMITER_SAMPLE_RECORDS + 1; i++) {
    const c = head[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === delimiter) fields++;
    else if (c === '\n') {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
      continue;
    }
    if (c !== '\r' && c !== ' ') blank = false;
  }
  if (final && !blank && !quoted && counts.length < DELIMITER_SAMPLE_RECORDS + 1) counts.push(fields);
  return counts;
}

/** Decides the delimiter from the head of a file (`final`: the head is the whole file). */
export function detectDelimiter(head: string, final: boolean): DelimiterDecision {
  const fitting: { delimiter: string; fields: number; records: number }[] = [];
  let best: { delimiter: string; fields: number; matching: number } | undefined;
  for (const delimiter of delimiterCandidates) {
    const [header, ...rows] = fieldCounts(head, delimiter, final);
    if (header === undefined || header < 2) continue;
    const matching = rows.filter((n) => n === header).length;
    if (matching === rows.length) fitting.push({ delimiter, fields: header, records: rows.length });
    if (best === undefined || matching > best.matching) best = { delimiter, fields: header, matching };
  }
  if (fitting.length > 1) return { kind: 'ambiguous', candidates: fitting.map(({ delimiter, fields }) => ({ delimiter, fields })) };
  const chosen = fitting[0] ?? (best ? { delimiter: best.delimiter, fields: best.fields, records: best.matching } : undefined);
  if (chosen === undefined) return { kind: 'decided', delimiter: ',', fields: 1, records: 0, evidence: 'one column: no , ; tab or | in the header' };
  const others = delimiterCandidates.filter((d) => d !== chosen.delimiter).map(delimiterName).join(', ');
  const evidence =
    fitting.length === 1
      ? `the header and the ${chosen.records} records after it have ${chosen.fields} fields each; ${others} do not split them evenly`
      : `the header has ${chosen.fields} fields by it and ${chosen.records} of the next records match; no delimiter splits every record evenly`;
  return { kind: 'decided', delimiter: chosen.delimiter, fields: chosen.fields, records: chosen.records, evidence };
}

/** `--delimiter` as typed: one character, or `tab` / `\t`. */
export function parseDelimiterOption(text: string): string | undefined {
  if (text === 'tab' || text === '\\t' || text === '\t') return '\t';
  if (text === 'comma') return ',';
  if (text === 'semicolon') return ';';
  if (text === 'pipe') return '|';
  return [...text].length === 1 && text !== '"' && text !== '\n' && text !== '\r' ? text : undefined;
}
