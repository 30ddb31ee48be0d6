// Row accounting (METRICS.md §8): rows = used + excluded + rejected; blank rows are counted apart.

export interface RowAccounting {
  files: string[];
  rows: number;
  used: number;
  /** Rows left out on purpose, by reason (one-time charges, closed-lost deals…). */
  excluded: Record<string, number>;
  rejected: number;
  blank: number;
}

export function excludedTotal(accounting: RowAccounting): number {
  return Object.values(accounting.excluded).reduce((a, b) => a + b, 0);
}

export function accountingSummary(a: RowAccounting): string {
  const files = a.files.length === 1 ? '1 file' : `${a.files.length} files`;
  const blank = a.blank > 0 ? ` (${a.blank} blank skipped)` : '';
  return `retain: read ${a.rows} rows from ${files}: ${a.used} used, ${excludedTotal(a)} excluded, ${a.rejected} rejected${blank}`;
}
