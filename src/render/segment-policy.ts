// The policy lines of a segmented report (METRICS.md §6), shared by every command that takes --by: which
// keys, how an entity is attributed, and the band thresholds in use.
import { compactAmount, isDerivedSegmentKey, type SegmentSpec } from '../model/segment-spec.js';

/** `when` says which day decides: the period reports use begin(P), else the end of P. */
export function segmentPolicyLines(segments: SegmentSpec | undefined, when = 'at the start of the period (else at its end)'): [string, string][] {
  if (segments === undefined || segments.by.length === 0) return [];
  const lines: [string, string][] = [['segments', `${segments.by.join(' × ')}: the value of each entity's largest line ${when}`]];
  const money = (t: readonly number[]): string => t.map((v) => compactAmount(v, segments.currencyDigits)).join(', ');
  if (segments.by.includes('mrr_band')) lines.push(['mrr_band', `MRR thresholds ${money(segments.mrrBands)}`]);
  if (segments.by.includes('arr_band')) lines.push(['arr_band', `ARR thresholds ${money(segments.arrBands)}`]);
  if (segments.by.includes('tenure')) lines.push(['tenure', `months since first active, thresholds ${segments.tenureBands.join(', ')}`]);
  if (segments.by.includes('cohort')) lines.push(['cohort', `${segments.cohortCalendar.kind} of first activity`]);
  return lines;
}

/** A segment value as people read it: an empty input value is "(blank)". */
export function segmentValueText(key: string, value: string): string {
  return value === '' && !isDerivedSegmentKey(key) ? '(blank)' : value;
}
