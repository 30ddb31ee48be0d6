// retain.config.json (or --config FILE): the settings an analyst would otherwise repeat on every command line
// (column map, source, currency and FX, grace, level, fiscal year, bands, reason map, …). Validated with zod;
// a problem names the key path and the allowed values. Flags override the file (cli/options.ts mergeConfig).
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { dateFormats } from '../model/parse-date.js';
import { canonicalColumns } from './column-map.js';
import { sourceNames } from './source-profiles.js';

export const CONFIG_FILE_NAME = 'retain.config.json';

const currencyCode = z.string().regex(/^[A-Za-z]{3}$/, 'an ISO currency code such as USD');
const rate = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/, 'a positive decimal such as "1.10"')]);

export const configSchema = z
  .object({
    source: z.enum(sourceNames).optional(),
    columns: z.partialRecord(z.enum(canonicalColumns), z.string()).optional(),
    currency: currencyCode.optional(),
    fx: z.record(currencyCode, rate).optional(),
    fxFile: z.string().min(1).optional(),
    level: z.enum(['customer', 'contract']).optional(),
    period: z.enum(['week', 'month', 'quarter', 'year']).optional(),
    fiscalYearStart: z.number().int().min(1).max(12).optional(),
    graceDays: z.number().int().min(0).max(3650).optional(),
    unit: z.enum(['mrr', 'arr']).optional(),
    endConvention: z.enum(['inclusive', 'exclusive']).optional(),
    billingPeriod: z.string().min(1).optional(),
    delimiter: z.string().min(1).optional(),
    dateFormat: z.enum(dateFormats).optional(),
    decimalComma: z.boolean().optional(),
    amountUnit: z.enum(['major', 'minor']).optional(),
    timezone: z.string().min(1).optional(),
    accounts: z.string().min(1).optional(),
    churnEvents: z.string().min(1).optional(),
    by: z.array(z.string().min(1)).optional(),
    bands: z.array(z.number().nonnegative()).optional(),
    reasonMap: z.string().min(1).optional(),
    archiveProducts: z.array(z.string().min(1)).optional(),
    plan: z.string().min(1).optional(),
  })
  .strict();

export type RetainConfig = z.infer<typeof configSchema>;

export interface LoadedConfig {
  config: RetainConfig;
  /** The file as named in messages. */
  file: string;
  /** Directory that relative paths inside the file are resolved against. */
  directory: string;
}

/** `explicit`: --config as given (resolved path + shown name); else `<cwd>/retain.config.json` when it exists. */
export async function findConfig(cwd: string, explicit: { path: string; shown: string } | undefined): Promise<LoadedConfig | Diagnostic | undefined> {
  if (explicit === undefined) {
    const path = join(cwd, CONFIG_FILE_NAME);
    const exists = await stat(path).then((s) => s.isFile(), () => false);
    return exists ? readConfig(path, CONFIG_FILE_NAME) : undefined;
  }
  return readConfig(explicit.path, explicit.shown);
}

/** Whether a file exists at `path` (retain init refuses to overwrite one without --force). */
export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function readConfig(path: string, shown: string): Promise<LoadedConfig | Diagnostic> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return error('FILE_NOT_FOUND', `cannot read the configuration file ${shown}: no such file`, { file: shown }, 'check the --config path');
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    return error('INVALID_CONFIG', `not valid JSON: ${(cause as Error).message}`, { file: shown }, 'write the configuration as one JSON object');
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) return configProblem(parsed.error.issues[0], json, shown);
  return { config: parsed.data, file: shown, directory: dirname(path) };
}

function configProblem(issue: z.core.$ZodIssue | undefined, json: unknown, shown: string): Diagnostic {
  if (issue === undefined) return error('INVALID_CONFIG', 'invalid configuration', { file: shown });
  const path = issue.path.map(String).join('.');
  const at = path === '' ? 'the file' : `key "${path}"`;
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    const allowed = (path === 'columns' ? canonicalColumns : Object.keys(configSchema.shape)).join(', ');
    message = `${at}: unknown key ${issue.keys.map((k) => `"${path === '' ? k : `${path}.${k}`}"`).join(', ')} (allowed keys: ${allowed})`;
  } else if (issue.code === 'invalid_value') {
    message = `${at}: ${JSON.stringify(valueAt(json, issue.path))} is not allowed (expected one of ${issue.values.map(String).join(', ')})`;
  } else {
    const value = valueAt(json, issue.path);
    message = `${at}: ${value === undefined ? '' : `${JSON.stringify(value)}: `}expected ${issue.message.replace(/^Invalid input: expected /, '')}`;
  }
  return error('INVALID_CONFIG', message, { file: shown }, 'see docs/config.md');
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
