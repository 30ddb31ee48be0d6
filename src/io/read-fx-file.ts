// --fx-file rates.csv: a small side file with columns currency,rate (reporting units per one unit).
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

const rowSchema = z.object({
  currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'an ISO currency code such as EUR'),
  rate: z.string().trim().regex(/^\d+(\.\d+)?$/, 'a positive decimal such as 1.10'),
});

export interface FxFileRate {
  currency: string;
  rate: string;
}

/** Returns the rates, or a message naming the line and the problem. */
export async function readFxFile(path: string, shown: string = path): Promise<FxFileRate[] | string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return `cannot read --fx-file ${shown}`;
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), bom: true, skip_empty_lines: true });
  } catch (cause) {
    return `--fx-file ${shown}: not a CSV with the columns currency,rate (${(cause as Error).message})`;
  }
  const rates: FxFileRate[] = [];
  for (const [i, record] of records.entries()) {
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `--fx-file ${shown}:${i + 2}: ${issue?.path.join('.') || 'row'}: expected ${issue?.message ?? 'currency,rate'}`;
    }
    rates.push({ currency: parsed.data.currency.toUpperCase(), rate: parsed.data.rate });
  }
  return rates;
}
