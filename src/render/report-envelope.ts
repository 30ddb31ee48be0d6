// The head every JSON report shares (schemaVersion 1): command, as-of, the policy it was computed under,
// the segment keys, and the row accounting (rows = used + excluded + rejected; blank apart). `retain diff`
// reads exactly these keys back to decide whether two reports are comparable.
import { formatDay } from '../model/calendar.js';
import type { RowAccounting } from '../model/row-accounting.js';
import type { ReportSpec } from '../report/spec.js';
import { policyJson, type PolicyJson } from './policy.js';

export interface ReportEnvelope {
  schemaVersion: 1;
  command: string;
  asOf: string;
  policy: PolicyJson & Record<string, unknown>;
  segmentBy?: readonly string[];
  input: { files: string[]; rows: number; used: number; excluded: Record<string, number>; rejected: number; blank: number };
}

export function reportEnvelope(command: string, spec: ReportSpec, input: RowAccounting, extraPolicy: Record<string, unknown> = {}): ReportEnvelope {
  return {
    schemaVersion: 1,
    command,
    asOf: formatDay(spec.asOf),
    policy: { ...policyJson(spec), ...extraPolicy },
    ...(spec.segments ? { segmentBy: spec.segments.by } : {}),
    input: { files: input.files, rows: input.rows, used: input.used, excluded: input.excluded, rejected: input.rejected, blank: input.blank },
  };
}
