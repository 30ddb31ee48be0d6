// Problems are data: a code, a severity, where it happened, and the values needed to explain it.
// Formatting into text or JSON happens in format.ts, never here.

export type Severity = 'error' | 'warning';

export interface Source {
  file: string;
  line?: number;
  column?: number;
  columnName?: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  source?: Source;
  /** One sentence saying what is wrong, with the offending value. */
  message: string;
  /** What the user can do about it. */
  remedy?: string;
}

export const diagnosticCodes = [
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'OUTPUT_UNWRITABLE',
  'OUTPUT_CONFLICT',
  'EMPTY_FILE',
  'HEADER_ONLY',
  'HEADER_NOT_FIRST',
  'DUPLICATE_HEADER',
  'MISSING_COLUMN',
  'UNKNOWN_COLUMN_MAPPING',
  'CSV_UNCLOSED_QUOTE',
  'CSV_BAD_QUOTE',
  'CSV_FIELD_COUNT',
  'AMBIGUOUS_DELIMITER',
  'CR_LINE_ENDINGS',
  'INVALID_UTF8',
  'INVALID_UTF16',
  'NUL_BYTE',
  'MISSING_VALUE',
  'INVALID_DATE',
  'INVALID_AMOUNT',
  'NO_MONEY',
  'NO_BILLING_PERIOD',
  'UNKNOWN_BILLING_PERIOD',
  'UNKNOWN_CURRENCY',
  'END_BEFORE_START',
  'CANCEL_NOT_AFTER_START',
  'RENEWS_UNKNOWN',
  'RENEWS_CONFLICT',
  'RENEWS_CYCLE',
  'NEGATIVE_ENTITY_MRR',
  'AS_OF_BEFORE_DATA',
  'NO_VALID_ROWS',
  'SUM_OUT_OF_RANGE',
  // retain renewals
  'ARCHIVE_PRODUCT_UNKNOWN',
  // retain diff: saved reports that cannot be read or compared
  'REPORT_INVALID',
  'REPORT_MISMATCH',
  'POLICY_CHANGED',
  // source profiles, side files and the data-quality audit (retain check)
  'INVALID_TERM',
  'AMBIGUOUS_DATE',
  'INVALID_CONFIG',
  'ACCOUNT_MISSING',
  'ACCOUNT_UNUSED',
  'DUPLICATE_ACCOUNT',
  'CHURN_EVENT_UNMATCHED',
  'OVERLAPPING_TERMS',
  'DUPLICATE_LINE',
  'COTERM_BROKEN',
  'MID_TERM_AMENDMENT',
  'ZERO_AMOUNT',
  'NEGATIVE_AMOUNT',
  'CANCEL_OUTSIDE_TERM',
  'MIXED_CURRENCY',
  'START_AFTER_AS_OF',
  'LATE_RENEWAL_GAP',
  // segments, cohorts and drill-down
  'COHORT_WITHOUT_START',
] as const;

export type DiagnosticCode = (typeof diagnosticCodes)[number];

export function error(code: DiagnosticCode, message: string, source?: Source, remedy?: string): Diagnostic {
  return build(code, 'error', message, source, remedy);
}

export function warning(code: DiagnosticCode, message: string, source?: Source, remedy?: string): Diagnostic {
  return build(code, 'warning', message, source, remedy);
}

function build(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  source: Source | undefined,
  remedy: string | undefined,
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (source) d.source = source;
  if (remedy) d.remedy = remedy;
  return d;
}

/** Orders diagnostics by file, line, column, code so output never depends on discovery order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.source?.file ?? '';
  const fb = b.source?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.source?.line ?? 0;
  const lb = b.source?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.source?.column ?? 0;
  const cb = b.source?.column ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
