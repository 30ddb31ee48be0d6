// A saved JSON report (schemaVersion 1, any command) read back for `retain diff`: validated with zod at
// the edge, money strings turned into exact integer minor units of the report's currency, every other
// measure kept as the number it was written as. Rows are flattened to `group.measure` keys
// ("money.churn", "rates.nrr") so that diff works from a table of measures, not from one command's shape.
// A cohorts report has cohort rows instead of periods: each cohort × age becomes one row whose period is
// the cohort, with its age, the calendar period of that age, `size.count`, `size.mrr` and `rates.*`.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { minorDigits, parseDecimal } from '../model/money.js';
import type { SavedReport, SavedRow } from '../model/saved-report.js';

export const SUPPORTED_SCHEMA_VERSION = 1;

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string such as "12500.00"');
const measureValue = z.union([decimalText, z.number(), z.null()]);
const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const rowSchema = z
  .object({
    period: z.string().min(1),
    start: dayText,
    end: dayText,
    partial: z.boolean(),
    segment: z.record(z.string(), z.string()).nullable().default(null),
  })
  .catchall(z.unknown());

const cohortSchema = z.looseObject({
  cohort: z.string().min(1),
  start: dayText,
  end: dayText,
  segment: z.record(z.string(), z.string()).nullable().default(null),
  size: z.looseObject({ count: z.number().int(), mrr: decimalText }),
  ages: z.array(
    z.looseObject({
      age: z.number().int().min(0),
      period: z.string().min(1),
      partial: z.boolean(),
      rates: z.record(z.string(), z.union([z.number(), z.null()])),
    }),
  ),
});

const reportSchema = z.object({
  schemaVersion: z.number().int(),
  command: z.string().min(1),
  asOf: dayText,
  policy: z.looseObject({ currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO currency code') }),
  // A report has period rows or (cohorts) cohort rows; one without either still parses, so diff can say what it compares.
  periods: z.array(rowSchema).default([]),
  cohorts: z.array(cohortSchema).default([]),
});



export type ReadReportResult = { report: SavedReport } | { diagnostics: Diagnostic[] };

export async function readSavedReport(path: string, shown: string): Promise<ReadReportResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('FILE_NOT_FOUND', shown, `cannot read ${shown}: no such file`, undefined, 'check the path');
    return fail('FILE_UNREADABLE', shown, `cannot read ${shown} (${code ?? (cause as Error).message})`, undefined, 'name a JSON report saved with --format json');
  }
  return parseSavedReport(text.replace(/^\uFEFF/, ''), shown);
}

export function parseSavedReport(text: string, shown: string): ReadReportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const line = jsonErrorLine(text, (cause as Error).message);
    return fail('REPORT_INVALID', shown, `not JSON: ${(cause as Error).message}`, line, 'save reports with --format json, e.g. retain bridge … -f json -o q2.json');
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== SUPPORTED_SCHEMA_VERSION) {
    return fail('REPORT_INVALID', shown, `schemaVersion ${version} is not supported (this retain reads ${SUPPORTED_SCHEMA_VERSION})`, undefined, 'run the same version of retain that saved the report');
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'the document';
    return fail('REPORT_INVALID', shown, `${where}: ${issue?.message ?? 'invalid'}`, undefined, 'this file is not a report saved by retain --format json');
  }
  const data = parsed.data;
  const digits = minorDigits(data.policy.currency);
  const rows: SavedRow[] = [];
  for (const [index, row] of data.periods.entries()) {
    const values = new Map<string, number | null>();
    for (const [group, measures] of Object.entries(row)) {
      if (group === 'segment' || !isFlatRecord(measures)) continue;
      for (const [measure, raw] of Object.entries(measures)) {
        const checked = measureValue.safeParse(raw);
        if (!checked.success) continue; // nested or non-measure data (e.g. a compare object) is not compared
        const value = checked.data;
        if (typeof value !== 'string') {
          values.set(`${group}.${measure}`, value);
          continue;
        }
        const minor = decimalToMinor(value, digits);
        if (minor === undefined) {
          return fail('REPORT_INVALID', shown, `periods[${index}].${group}.${measure}: "${value}" has more decimals than ${data.policy.currency} allows (${digits})`, undefined, 'money must be written in the report currency');
        }
        values.set(`${group}.${measure}`, minor);
      }
    }
    rows.push({ period: row.period, start: row.start, end: row.end, partial: row.partial, segment: row.segment, values });
  }
  for (const [index, cohort] of data.cohorts.entries()) {
    const sizeMrr = decimalToMinor(cohort.size.mrr, digits);
    if (sizeMrr === undefined) {
      return fail('REPORT_INVALID', shown, `cohorts[${index}].size.mrr: "${cohort.size.mrr}" has more decimals than ${data.policy.currency} allows (${digits})`, undefined, 'money must be written in the report currency');
    }
    for (const cell of cohort.ages) {
      const values = new Map<string, number | null>([['size.count', cohort.size.count], ['size.mrr', sizeMrr]]);
      for (const [name, rate] of Object.entries(cell.rates)) values.set(`rates.${name}`, rate);
      rows.push({ period: cohort.cohort, start: cohort.start, end: cohort.end, partial: cell.partial, segment: cohort.segment, age: cell.age, agePeriod: cell.period, values });
    }
  }
  // The policy as written (zod would move the keys it knows first), so it is shown in the report's own order.
  const policy = (json as { policy: Record<string, unknown> }).policy;
  return { report: { file: shown, command: data.command, asOf: data.asOf, policy, currency: data.policy.currency, digits, rows } };
}

function isFlatRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "12500.5" with 2 digits → 1250050; undefined when the text has more decimals than the currency. */
function decimalToMinor(text: string, digits: number): number | undefined {
  const parsed = parseDecimal(text);
  if (parsed === undefined || typeof parsed.mantissa === 'bigint' || parsed.scale > digits) return undefined;
  const minor = parsed.mantissa * 10 ** (digits - parsed.scale);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** JSON.parse messages name a character position; turn it into the line people can open. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function fail(code: 'FILE_NOT_FOUND' | 'FILE_UNREADABLE' | 'REPORT_INVALID', file: string, message: string, line: number | undefined, remedy: string): ReadReportResult {
  return { diagnostics: [error(code, message, line === undefined ? { file } : { file, line }, remedy)] };
}
