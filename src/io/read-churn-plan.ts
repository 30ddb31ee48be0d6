// --plan plan.csv: planned churn rates for `retain renewals`, columns period, segment (optional) and churn_rate.
// period is a period label or *, segment a segment label or *; churn_rate is a fraction of the locked expected
// CMRR (0.10) or a percentage (10%). Period labels are checked against the calendar by the caller.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { decimalToRatio, parseDecimal, type Ratio } from '../model/money.js';

export interface ChurnPlanRow {
  period: string;
  segment: string;
  rate: Ratio;
  /** Physical line of the row, for messages. */
  line: number;
}

const rowSchema = z.object({
  period: z.string().trim().min(1, 'a period label or *'),
  segment: z.string().trim().default('*'),
  churn_rate: z.string().trim().min(1, 'a rate such as 0.10 or 10%'),
});

/** Parses "0.10" or "10%" into an exact fraction within 0–1. */
export function parseChurnRate(text: string): Ratio | undefined {
  const percent = text.endsWith('%');
  const value = parseDecimal(percent ? text.slice(0, -1) : text);
  const ratio = value === undefined ? undefined : decimalToRatio(value);
  if (ratio === undefined) return undefined;
  const den = percent ? ratio.den * 100 : ratio.den;
  if (ratio.num < 0 || ratio.num > den) return undefined;
  return { num: ratio.num, den };
}

/** Returns the rows, or a message naming the line and the problem. */
export async function readChurnPlan(path: string, shown: string): Promise<ChurnPlanRow[] | string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return `cannot read --plan ${shown}`;
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), bom: true, skip_empty_lines: true, info: true });
  } catch (cause) {
    return `--plan ${shown}: ${(cause as Error).message}`;
  }
  if (records.length > 0 && !('churn_rate' in (records[0]?.record ?? {}))) return `--plan ${shown}: no churn_rate column (expected columns period, segment, churn_rate)`;
  const rows: ChurnPlanRow[] = [];
  for (const { record, info } of records) {
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `--plan ${shown}:${info.lines}: ${issue?.path.join('.') || 'row'}: expected ${issue?.message ?? 'period,segment,churn_rate'}`;
    }
    const rate = parseChurnRate(parsed.data.churn_rate);
    if (rate === undefined) return `--plan ${shown}:${info.lines}: churn_rate "${parsed.data.churn_rate}" is not a fraction 0–1 or a percentage 0–100%`;
    rows.push({ period: parsed.data.period, segment: parsed.data.segment === '' ? '*' : parsed.data.segment, rate, line: info.lines });
  }
  return rows;
}
