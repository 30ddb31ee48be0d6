// Which period of A is compared with which period of B. By default each report's latest period (last
// quarter's run against this quarter's); `--a-period`/`--b-period` choose (e.g. a year ago); `--all-periods`
// matches every period the two reports share, label to label.
import { periodsOf, type PeriodInfo, type SavedReportInput } from './diff-side.js';

export type Pairing = { mode: 'latest'; a?: string; b?: string } | { mode: 'all' };

export interface PeriodPair {
  a: string;
  b: string;
  aPartial: boolean;
  bPartial: boolean;
}

/** The pairs to compare, or a message naming the period that is not there. */
export function choosePairs(a: Pick<SavedReportInput, 'rows' | 'file'>, b: Pick<SavedReportInput, 'rows' | 'file'>, pairing: Pairing): PeriodPair[] | string {
  const pa = periodsOf(a);
  const pb = periodsOf(b);
  if (pairing.mode === 'all') {
    const inA = new Map(pa.map((p) => [p.label, p]));
    return pb.filter((p) => inA.has(p.label)).map((p) => ({ a: p.label, b: p.label, aPartial: inA.get(p.label)!.partial, bPartial: p.partial }));
  }
  const x = pick(pa, pairing.a, a.file, '--a-period');
  if (typeof x === 'string') return x;
  const y = pick(pb, pairing.b, b.file, '--b-period');
  if (typeof y === 'string') return y;
  if (x === undefined || y === undefined) return [];
  return [{ a: x.label, b: y.label, aPartial: x.partial, bPartial: y.partial }];
}

function pick(periods: readonly PeriodInfo[], label: string | undefined, file: string, flag: string): PeriodInfo | undefined | string {
  if (label === undefined) return periods[periods.length - 1];
  const found = periods.find((p) => p.label === label);
  if (found) return found;
  const range = periods.length === 0 ? 'it has no period' : `its periods are ${periods[0]!.label} … ${periods[periods.length - 1]!.label}`;
  return `${flag} ${label} is not a period of ${file} (${range})`;
}
