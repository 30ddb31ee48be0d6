// Reads CSV text through the real reader (readInputs, as standard input) and returns the lines it made, with
// days as ISO dates and MRR in minor units, plus the whole read result (accounting, diagnostics, readings).
import { Readable } from 'node:stream';
import { readInputs, type ReadOptions, type ReadResult } from '../../src/io/read-inputs.js';
import { formatDay } from '../../src/model/calendar.js';
import { OPEN_DAY } from '../../src/model/line-store.js';
import type { Ratio } from '../../src/model/money.js';

export interface ReadLine {
  customer: string;
  contract: string;
  product: string;
  start: string;
  end: string | null;
  cancel: string | null;
  booked: string | null;
  reason: string;
  mrr: number;
  line: number;
}

export function readOptions(overrides: Partial<ReadOptions> = {}): ReadOptions {
  return {
    columns: new Map(),
    dimensions: [],
    dateFormat: 'auto',
    endExclusive: false,
    defaultBillingMonths: undefined,
    currency: 'USD',
    fx: new Map<string, Ratio>([['EUR', { num: 110, den: 100 }]]),
    amountSyntax: { decimalComma: false },
    unitPricing: false,
    ...overrides,
  };
}

export async function readLines(text: string, overrides: Partial<ReadOptions> = {}): Promise<{ lines: ReadLine[]; result: ReadResult }> {
  const result = await readInputs(['-'], readOptions(overrides), Readable.from([Buffer.from(text)]));
  const s = result.store;
  const day = (d: number): string | null => (d === OPEN_DAY || d === -2_000_000_000 ? null : formatDay(d));
  const lines: ReadLine[] = [];
  for (let i = 0; i < s.length; i++) {
    lines.push({
      customer: s.customers.value(s.customer[i]!),
      contract: s.contracts.value(s.contract[i]!),
      product: s.products.value(s.product[i]!),
      start: formatDay(s.start[i]!),
      end: day(s.end[i]!),
      cancel: day(s.cancel[i]!),
      booked: day(s.booked[i]!),
      reason: s.reasons.value(s.reason[i]!),
      mrr: s.mrr[i]!,
      line: s.lineNumber[i]!,
    });
  }
  return { lines, result };
}
