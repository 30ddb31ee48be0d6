// Diagnostics to text (one line each, location first, as editors and grep expect) or JSON.
import type { Diagnostic } from './diagnostic.js';

export function formatLocation(d: Diagnostic): string {
  const s = d.source;
  if (!s) return '';
  let loc = s.file;
  if (s.line !== undefined) loc += `:${s.line}`;
  if (s.column !== undefined) loc += `:${s.column}`;
  if (s.columnName) loc += ` [${s.columnName}]`;
  return `${loc}: `;
}

export function formatDiagnostic(d: Diagnostic): string {
  const remedy = d.remedy ? ` (${d.remedy})` : '';
  return `retain: ${d.severity}: ${formatLocation(d)}${d.code}: ${d.message}${remedy}`;
}

export interface DiagnosticJson {
  code: string;
  severity: string;
  file: string | null;
  line: number | null;
  column: number | null;
  columnName: string | null;
  message: string;
  remedy: string | null;
}

export function diagnosticToJson(d: Diagnostic): DiagnosticJson {
  return {
    code: d.code,
    severity: d.severity,
    file: d.source?.file ?? null,
    line: d.source?.line ?? null,
    column: d.source?.column ?? null,
    columnName: d.source?.columnName ?? null,
    message: d.message,
    remedy: d.remedy ?? null,
  };
}

/** The first `limit` diagnostics as lines, then "…and N more" so a flood of errors stays readable. */
export function formatDiagnosticList(list: readonly Diagnostic[], limit = 20): string[] {
  const lines = list.slice(0, limit).map(formatDiagnostic);
  if (list.length > limit) lines.push(`retain: …and ${list.length - limit} more`);
  return lines;
}
