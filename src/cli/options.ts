// Raw flag strings → a validated ReportSpec and reading policy (zod at the edge). Resolves the
// as-of default from the injected clock: report code never reads it.
import { resolve } from 'node:path';
import { z } from 'zod';
import { isCanonicalColumn, canonicalColumns, type CanonicalColumn } from '../io/column-map.js';
import { parseDelimiterOption } from '../io/detect-delimiter.js';
import { readFxFile } from '../io/read-fx-file.js';
import type { ReadOptions } from '../io/read-inputs.js';
import { billingPeriodHelp, billingPeriodMonths } from '../model/billing-period.js';
import { parsePeriodLabel, periodEnd, periodStart, type Calendar, type Day } from '../model/calendar.js';
import { decimalToRatio, isCurrencyCode, parseDecimal, type Ratio } from '../model/money.js';
import { dateFormats, parseDate } from '../model/parse-date.js';
import { TimeZone } from '../model/time-zone.js';
import { sourceNames } from '../io/source-profiles.js';
import type { LoadedConfig } from '../io/read-config.js';
import type { FxRate, ReportSpec } from '../report/spec.js';
import { resolveAsOf } from './as-of.js';
import { csvLayouts, formats } from '../render/format.js';
import { UsageError } from './errors.js';
import { resolveSegmentSpec, segmentColumns, segmentKeys } from './segment-options.js';


export const commonSchema = z.object({
  level: z.enum(['customer', 'contract']).default('customer'),
  period: z.enum(['week', 'month', 'quarter', 'year']).default('month'),
  fiscalYearStart: z.coerce.number().int().min(1).max(12).default(1),
  asOf: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  graceDays: z.coerce.number().int().min(0).max(3650).default(30),
  unit: z.enum(['mrr', 'arr']).default('mrr'),
  annualize: z.boolean().default(false),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO currency code such as USD').default('USD'),
  fx: z.array(z.string()).default([]),
  fxFile: z.string().optional(),
  column: z.array(z.string()).default([]),
  billingPeriod: z.string().optional(),
  delimiter: z.string().optional(),
  dateFormat: z.enum(dateFormats).default('auto'),
  source: z.enum(sourceNames).optional(),
  amountUnit: z.enum(['major', 'minor']).optional(),
  timezone: z.string().optional(),
  accounts: z.string().optional(),
  churnEvents: z.string().optional(),
  endExclusive: z.boolean().default(false),
  decimalComma: z.boolean().default(false),
  format: z.enum(formats).default('table'),
  compare: z.enum(['previous', 'year-ago']).optional(),
  layout: z.enum(csvLayouts).default('wide'),
  output: z.string().optional(),
  skipInvalid: z.boolean().default(false),
  rejects: z.string().optional(),
  diagnostics: z.enum(['text', 'json']).default('text'),
  by: z.array(z.string()).default([]),
  color: z.boolean().optional(),
  quiet: z.boolean().default(false),
  debug: z.boolean().default(false),
});

export type CommonOptions = z.infer<typeof commonSchema>;

export interface ResolvedOptions {
  spec: ReportSpec;
  read: ReadOptions;
  options: CommonOptions;
  /** Input paths as given (for messages) and resolved against cwd (for reading). */
  inputs: { shown: string; path: string }[];
}

export function validateOptions(raw: Record<string, unknown>): CommonOptions {
  return validateWith(commonSchema, raw);
}

/** Raw commander flags through a zod schema; the first problem becomes a usage error naming the flag. */
export function validateWith<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = `--${String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const value = issue ? raw[String(issue.path[0])] : undefined;
    throw new UsageError(`${flag}${value === undefined ? '' : ` "${String(value)}"`}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

export async function resolveOptions(files: readonly string[], raw: Record<string, unknown>, cwd: string, now: Date): Promise<ResolvedOptions> {
  const options = validateOptions(raw);
  const calendar: Calendar = { kind: options.period, fiscalYearStart: options.fiscalYearStart };
  const asOf = options.asOf === undefined ? todayUtc(now) : resolveAsOf(options.asOf, todayUtc(now), options.fiscalYearStart);
  const from = options.from === undefined ? undefined : parseBound(options.from, calendar, 'start', '--from');
  const to = options.to === undefined ? undefined : parseBound(options.to, calendar, 'end', '--to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  const currency = options.currency.toUpperCase();
  const fx = await collectFx(options, cwd, currency);
  let defaultBillingMonths: number | undefined;
  const billingSpan = options.billingPeriod?.trim().toLowerCase() === 'span';
  if (options.billingPeriod !== undefined && !billingSpan) {
    defaultBillingMonths = billingPeriodMonths(options.billingPeriod);
    if (defaultBillingMonths === undefined) throw new UsageError(`--billing-period "${options.billingPeriod}": expected ${billingPeriodHelp}`);
  }
  const spec: ReportSpec = {
    level: options.level,
    calendar,
    asOf,
    from,
    to,
    graceDays: options.graceDays,
    unit: options.unit,
    currency,
    fx: fx.rates,
    endExclusive: options.endExclusive,
    annualize: options.annualize,
  };
  const segmentBy = segmentKeys(options.by);
  const segments = resolveSegmentSpec(segmentBy, raw, calendar, currency);
  if (segments !== undefined) spec.segments = segments;
  const delimiter = options.delimiter === undefined ? undefined : parseDelimiterOption(options.delimiter);
  if (options.delimiter !== undefined && delimiter === undefined) throw new UsageError(`--delimiter "${options.delimiter}": expected one character such as ; or |, or tab`);
  const read: ReadOptions = {
    columns: parseColumnMaps(options.column),
    delimiter,
    dimensions: segmentColumns(segmentBy),
    dateFormat: options.dateFormat,
    endExclusive: options.endExclusive,
    defaultBillingMonths,
    currency,
    fx: fx.ratios,
    amountSyntax: { decimalComma: options.decimalComma },
    unitPricing: false,
    billingSpan,
    source: options.source,
    amountUnit: options.amountUnit,
    timeZone: resolveTimeZone(options.timezone),
    accounts: options.accounts === undefined ? undefined : { path: resolve(cwd, options.accounts), shown: options.accounts },
    churnEvents: options.churnEvents === undefined ? undefined : { path: resolve(cwd, options.churnEvents), shown: options.churnEvents },
    graceDays: options.graceDays,
  };
  if (files.length === 0) throw new UsageError('no input file: name one or more CSV files, or - for standard input');
  const inputs = files.map((f) => ({ shown: f, path: f === '-' ? '-' : resolve(cwd, f) }));
  return { spec, read, options, inputs };
}

/** --timezone NAME (IANA, or ±HH:MM); UTC needs no conversion. */
function resolveTimeZone(name: string | undefined): TimeZone | undefined {
  if (name === undefined || /^(utc|z|gmt|etc\/utc)$/i.test(name.trim())) return undefined;
  try {
    return new TimeZone(name.trim());
  } catch {
    throw new UsageError(`--timezone "${name}": not a time zone (expected an IANA name such as Europe/Paris or America/New_York, or an offset such as +10:00)`);
  }
}

/** Keys whose config value is a path, resolved against the config file's directory. */
const configPathKeys = ['fxFile', 'accounts', 'churnEvents', 'reasonMap', 'plan'] as const;

/**
 * The config file under the flags (flags override the file): `raw` are commander's values, `fromCommandLine(key)`
 * says whether the user gave that flag. List flags (--column, --fx) add to the file's entries, later ones win.
 */
export function mergeConfig(raw: Record<string, unknown>, fromCommandLine: (key: string) => boolean, loaded: LoadedConfig): Record<string, unknown> {
  const { config, directory } = loaded;
  const fromFile: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || key === 'columns' || key === 'fx' || key === 'endConvention' || key === 'bands') continue;
    fromFile[key] = (configPathKeys as readonly string[]).includes(key) ? resolve(directory, String(value)) : value;
  }
  if (config.endConvention !== undefined) fromFile['endExclusive'] = config.endConvention === 'exclusive';
  if (config.bands !== undefined) fromFile['bands'] = config.bands.join(',');
  if (config.archiveProducts !== undefined) fromFile['archiveProducts'] = [config.archiveProducts.join(',')];
  for (const key of ['fiscalYearStart', 'graceDays'] as const) if (config[key] !== undefined) fromFile[key] = String(config[key]);
  const merged: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(fromFile)) if (!fromCommandLine(key)) merged[key] = value;
  const columns = Object.entries(config.columns ?? {}).map(([canonical, header]) => `${canonical}=${header}`);
  const fx = Object.entries(config.fx ?? {}).map(([code, rate]) => `${code}=${rate}`);
  if (columns.length > 0) merged['column'] = [...columns, ...((fromCommandLine('column') ? raw['column'] : []) as string[])];
  if (fx.length > 0) merged['fx'] = [...fx, ...((fromCommandLine('fx') ? raw['fx'] : []) as string[])];
  return merged;
}

export function todayUtc(now: Date): Day {
  return Math.floor(now.getTime() / 86_400_000);
}

/** --from/--to take a date or a period label (2024-03, 2024-Q1, FY2025, 2024-W09). */
function parseBound(text: string, calendar: Calendar, side: 'start' | 'end', flag: string): Day {
  const day = parseDate(text, 'YYYY-MM-DD');
  if (day !== undefined) return day;
  const period = parsePeriodLabel(calendar, text);
  if (period === undefined) throw new UsageError(`${flag} "${text}" is neither a date (YYYY-MM-DD) nor a ${calendar.kind} label such as ${exampleLabel(calendar)}`);
  return side === 'start' ? periodStart(calendar, period) : periodEnd(calendar, period);
}

function exampleLabel(calendar: Calendar): string {
  const fiscal = calendar.fiscalYearStart !== 1;
  return { week: '2024-W09', month: '2024-03', quarter: fiscal ? 'FY2025-Q1' : '2024-Q1', year: fiscal ? 'FY2025' : '2024' }[calendar.kind];
}

function parseColumnMaps(values: readonly string[]): Map<CanonicalColumn, string> {
  const map = new Map<CanonicalColumn, string>();
  for (const value of values) {
    const eq = value.indexOf('=');
    const key = eq < 0 ? '' : value.slice(0, eq).trim().toLowerCase();
    let header = eq < 0 ? '' : value.slice(eq + 1).trim();
    if (header.length >= 2 && header.startsWith('"') && header.endsWith('"')) header = header.slice(1, -1);
    // CANONICAL= (nothing after =) leaves the column unmapped, e.g. --column currency= when amounts are converted already.
    if (!isCanonicalColumn(key) || eq < 0) {
      throw new UsageError(`--column "${value}": expected CANONICAL=Header (or CANONICAL= to map nothing), with CANONICAL one of ${canonicalColumns.join(', ')}`);
    }
    map.set(key, header);
  }
  return map;
}

async function collectFx(options: CommonOptions, cwd: string, currency: string): Promise<{ rates: FxRate[]; ratios: Map<string, Ratio> }> {
  const rates = new Map<string, string>();
  if (options.fxFile !== undefined) {
    const fromFile = await readFxFile(resolve(cwd, options.fxFile), options.fxFile);
    if (typeof fromFile === 'string') throw new UsageError(fromFile);
    for (const r of fromFile) rates.set(r.currency, r.rate);
  }
  for (const entry of options.fx.flatMap((f) => f.split(','))) {
    const [code, rate] = entry.split('=').map((s) => s.trim());
    if (!code || !rate || !isCurrencyCode(code.toUpperCase())) {
      throw new UsageError(`--fx "${entry}": expected CODE=RATE such as EUR=1.10 (${currency} per one unit)`);
    }
    rates.set(code.toUpperCase(), rate);
  }
  const ratios = new Map<string, Ratio>();
  const list: FxRate[] = [];
  for (const [code, rate] of rates) {
    const parsed = parseDecimal(rate);
    const ratio = parsed === undefined ? undefined : decimalToRatio(parsed);
    if (ratio === undefined || ratio.num <= 0) throw new UsageError(`FX rate "${code}=${rate}": expected a positive decimal`);
    ratios.set(code, ratio);
    list.push({ currency: code, rate });
  }
  return { rates: list, ratios };
}

