// --date-format auto (the default): slashed dates are read the only way the file allows; a file where both
// month/day and day/month readings stay valid throughout is an error suggesting --date-format.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { csv } from '../helpers/csv.js';
import { readLines } from '../helpers/read-lines.js';

describe('slashed dates decided by the file', () => {
  it('holds the ambiguous rows until 13/01/2024 proves day-first, then reads them all day-first', async () => {
    const { lines, result } = await readLines(csv`
      customer_id,start_date,end_date,mrr
      A,01/02/2024,,10
      B,03/04/2024,,10
      C,13/01/2024,,10
      D,02/03/2024,,10
    `);
    expect(lines.map((l) => [l.customer, l.start, l.line])).toEqual([
      ['A', '2024-02-01', 2],
      ['B', '2024-04-03', 3],
      ['C', '2024-01-13', 4],
      ['D', '2024-03-02', 5],
    ]);
    expect(result.readings[0]?.dateLayout).toEqual({ layout: 'DD/MM/YYYY', line: 4, value: '13/01/2024' });
  });

  it('any date column decides (here the end date 12/31/2024: month-first)', async () => {
    const { lines } = await readLines(csv`
      customer_id,start_date,end_date,mrr
      A,01/02/2024,12/31/2024,10
    `);
    expect(lines.map((l) => [l.start, l.end])).toEqual([['2024-01-02', '2024-12-31']]);
  });

  it('after the decision, a date that fits only the other reading is an invalid date', async () => {
    const { result } = await readLines(csv`
      customer_id,start_date,mrr
      A,12/31/2024,10
      B,31/12/2024,10
    `);
    expect(result.rowErrors.map(formatDiagnostic)).toEqual(['retain: error: <stdin>:3:2 [start_date]: INVALID_DATE: start_date "31/12/2024" is not a date (expected MM/DD/YYYY or YYYY-MM-DD) (see --date-format)']);
  });

  it('an ambiguous file is an error naming a value and the flag, and its rows are counted as rejected', async () => {
    const { lines, result } = await readLines(csv`
      customer_id,start_date,mrr
      A,01/02/2024,10
      B,03/04/2024,10
      C,05/05/2024,10
    `);
    expect(lines).toEqual([]);
    expect(result.fatal.map(formatDiagnostic)).toEqual([
      'retain: error: <stdin>:2:2 [start_date]: AMBIGUOUS_DATE: dates such as "01/02/2024" read as both month/day and day/month in every row; retain will not guess (give --date-format MM/DD/YYYY or --date-format DD/MM/YYYY)',
    ]);
    expect(result.accounting).toMatchObject({ rows: 3, used: 0, rejected: 3 });
  });

  it('--date-format decides without looking', async () => {
    const { lines } = await readLines(csv`
      customer_id,start_date,mrr
      A,01/02/2024,10
    `, { dateFormat: 'MM/DD/YYYY' });
    expect(lines[0]?.start).toBe('2024-01-02');
  });

  it('--date-format excel reads serial day numbers (and still ISO)', async () => {
    const { lines } = await readLines(csv`
      customer_id,start_date,end_date,mrr
      A,45292,45657.5,10
      B,2024-02-01,,10
    `, { dateFormat: 'excel' });
    // 45292 = 2024-01-01; 45657 = 2024-12-31 (365 days later; the .5 is noon).
    expect(lines.map((l) => [l.start, l.end])).toEqual([
      ['2024-01-01', '2024-12-31'],
      ['2024-02-01', null],
    ]);
  });

  it('a column that has shown ISO dates is an ISO column', async () => {
    const { result } = await readLines(csv`
      customer_id,start_date,mrr
      A,2024-01-02,10
      B,01/02/2024,10
    `);
    expect(result.rowErrors.map((d) => d.code)).toEqual(['INVALID_DATE']);
  });
});
