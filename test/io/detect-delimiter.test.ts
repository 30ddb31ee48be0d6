import { describe, expect, test } from 'vitest';
import { detectDelimiter, parseDelimiterOption } from '../../src/io/detect-delimiter.js';
import { runCli } from '../helpers/run-cli.js';

describe('the delimiter is decided from the first records', () => {
  test.each([
    ['comma', 'a,b,c\n1,2,3\n4,5,6\n', ',', 3],
    ['semicolon with decimal commas in the amounts', 'id;amount;date\n1;1.234,50;2024-01-01\n2;99,00;2024-02-01\n', ';', 3],
    ['tab', 'id\tamount\n1\t12.50\n', '\t', 2],
    ['pipe', 'id|amount|plan\n1|12.50|a,b\n2|13|c\n', '|', 3],
    ['quoted delimiters do not count', 'id,name,amount\n1,"Acme; Inc",5\n2,"a,b",6\n', ',', 3],
    ['a quoted field over two lines is one record', 'id;note\n1;"line one\nline two; still"\n2;x\n', ';', 2],
  ])('%s', (_name, head, delimiter, fields) => {
    const decision = detectDelimiter(head, true);
    expect(decision).toMatchObject({ kind: 'decided', delimiter, fields });
  });

  test('a record cut by the end of the head is not counted (the file goes on)', () => {
    // The last line is cut in the middle: by commas it has 2 fields of 3, which must not spoil the decision.
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5', false)).toMatchObject({ kind: 'decided', delimiter: ',', records: 1 });
  });

  test('two delimiters that split every record evenly are a question', () => {
    expect(detectDelimiter('account;plan,tier\nA1;basic,1\n', true)).toEqual({
      kind: 'ambiguous',
      candidates: [
        { delimiter: ',', fields: 2 },
        { delimiter: ';', fields: 2 },
      ],
    });
  });

  test('no delimiter splits every record: the one matching most records is used', () => {
    const decision = detectDelimiter('id;amount\n1;5\n2;6\n3;7;8\n', true);
    expect(decision).toMatchObject({ kind: 'decided', delimiter: ';', records: 2 });
  });

  test('--delimiter accepts one character or a name', () => {
    expect(['tab', '\\t', ';', 'pipe', '|'].map(parseDelimiterOption)).toEqual(['\t', '\t', ';', '|', '|']);
    expect(parseDelimiterOption(';;')).toBeUndefined();
    expect(parseDelimiterOption('"')).toBeUndefined();
  });
});

describe('retain bridge on a semicolon file', () => {
  const csv = 'customer_id;start_date;mrr\nA;2024-01-01;100.50\nB;2024-02-01;200\n';

  test('reads it with no flag and announces the delimiter with its evidence', async () => {
    const result = await runCli(['bridge', '--as-of', '2024-02-29', '-f', 'csv', '-'], { stdin: csv });
    expect(result.exitCode).toBe(0);
    // February: begin 100.50 (A), new 200.00 (B), end 300.50.
    expect(result.stdout).toMatch(/^2024-02,.*,100\.50,200\.00,/m);
    expect(result.stderr).toContain('retain: note: <stdin>: fields separated by ";": the header and the 2 records after it have 3 fields each');
  });

  test('--delimiter , reads the same file as one column and says which columns are missing', async () => {
    const result = await runCli(['bridge', '--as-of', '2024-02-29', '--delimiter', ',', '-'], { stdin: csv });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('MISSING_COLUMN');
    expect(result.stderr).not.toContain('fields separated by');
  });
});
