// The --detail CSV is written record by record (render/renewals-csv.ts csvRecord): it must quote exactly as
// csv-stringify does for every other CSV of retain, and keep the formula neutralisation of input text.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord } from '../../src/render/renewals/csv.js';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

describe('csvRecord', () => {
  it('quotes like csv-stringify on any fields', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', 'a"b', 'x\ny', 'x\r\ny', ' lead', "'=1", '=SUM(A1)'));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        expect(`${csvRecord(fields)}\n`).toBe(stringify([fields], { record_delimiter: 'unix' }));
      }),
      { numRuns: 500 },
    );
  });

  it('neutralises a customer id that looks like a formula in the detail listing', async () => {
    const run = await runCli(['renewals', '-f', 'csv', '--detail', '--as-of', '2024-06-30', '-'], {
      stdin: csv`
        customer_id,contract_id,start_date,end_date,mrr,churn_reason
        "=HYPERLINK(""x"")","C,1",2024-01-01,2024-03-31,100,"Moved, ""cheaper"""
      `,
    });
    expect(run.exitCode).toBe(0);
    const record = run.stdout.split('\n')[1];
    expect(record).toBe(`2024-03-31,2024-03,2024-05,"C,1","'=HYPERLINK(""x"")",churned_not_renewed,,,,100.00,0.00,100.00,-100.00,,,,,,,"Moved, ""cheaper""",avoidable,voluntary,<stdin>:2,`);
  });
});
