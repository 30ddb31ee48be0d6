// The scanner's contract on hand-written inputs: fields, physical line numbers (a record is reported at
// the line where it starts), quoting, line ends, and problems with their lines. The differential test
// against csv-parse covers random inputs.
import { describe, expect, it } from 'vitest';
import { CsvScanner, type CsvSyntaxProblem } from '../../src/io/csv-scanner.js';

function scan(text: string, chunkSize = text.length || 1): { records: { line: number; fields: string[] }[]; problems: CsvSyntaxProblem[] } {
  const records: { line: number; fields: string[] }[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const scanner = new CsvScanner({
    record(s, line) {
      const fields: string[] = [];
      for (let i = 0; i < s.count; i++) fields.push(s.field(i));
      records.push({ line, fields });
    },
    problem(p) {
      problems.push(p);
    },
  });
  for (let i = 0; i < text.length; i += chunkSize) scanner.push(text.slice(i, i + chunkSize));
  scanner.end();
  return { records, problems };
}

describe('CsvScanner', () => {
  it('splits plain records and numbers their lines', () => {
    expect(scan('a,b\n1,2\n3,4\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reads CRLF, a last record without a newline, and empty fields', () => {
    expect(scan('a,b\r\n,\r\nx,').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['', ''] },
      { line: 3, fields: ['x', ''] },
    ]);
  });

  it('unquotes, undoubles quotes, and keeps commas and newlines inside quotes', () => {
    const { records } = scan('id,note\n1,"Acquired, merged"\n2,"said ""no"""\n3,"two\nlines"\n4,x\n');
    expect(records.map((r) => r.fields[1])).toEqual(['note', 'Acquired, merged', 'said "no"', 'two\nlines', 'x']);
    // The record with a newline inside starts on line 4 and ends on 5; the next one is on line 6.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'id,note\r\n1,"a ""b"", c"\r\n2,"x\r\ny"\r\n3,plain\r\n,\n';
    const whole = scan(text);
    for (let size = 1; size <= 7; size++) expect(scan(text, size)).toEqual(whole);
  });

  it('keeps a lone CR as data', () => {
    expect(scan('a,b\n1\r2,3\n').records[1]?.fields).toEqual(['1\r2', '3']);
  });

  it('reports an unclosed quote at the line where the quoted field opens', () => {
    const { records, problems } = scan('a,b\n1,2\n3,"never\nclosed\n');
    expect(records).toHaveLength(2);
    expect(problems).toEqual([{ kind: 'unclosed-quote', line: 3, column: 2 }]);
  });

  it('reports a stray quote and resumes at the next line', () => {
    const { records, problems } = scan('a,b\n1,x"y\n2,3\n');
    expect(problems).toEqual([{ kind: 'bad-quote', line: 2, column: 2, detail: 'a quote inside an unquoted field' }]);
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['2', '3']]);
  });

  it('reports text after a closing quote', () => {
    const { problems, records } = scan('a,b\n"1"x,2\n3,4\n');
    expect(problems[0]).toMatchObject({ kind: 'bad-quote', line: 2, column: 1 });
    expect(records.at(-1)).toEqual({ line: 3, fields: ['3', '4'] });
  });
});
