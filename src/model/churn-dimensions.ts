// `--by churn_class`, `churn_type`, `churn_reason`: dimensions computed from each line's churn_reason with
// the classes of METRICS.md §7, added to the line store after reading so that segment attribution treats
// them like input columns (the entity's largest line decides). A line without a reason is `unspecified`
// on both axes and `(none)` as a reason.
import { classifyReason, type ReasonMap } from './churn-reason.js';
import type { LineStore } from './line-store.js';
import { isChurnSegmentKey } from './segment-spec.js';

export function addChurnDimensions(store: LineStore, keys: readonly string[], reasonMap?: ReasonMap): void {
  for (const key of keys.filter(isChurnSegmentKey)) {
    if (store.dimensionNames.includes(key)) continue;
    const classes = store.reasons.values.map((reason) => classifyReason(reason, reasonMap));
    store.addDimension(key, (line) => {
      const reason = store.reason[line]!;
      if (key === 'churn_class') return classes[reason]!.avoidable;
      if (key === 'churn_type') return classes[reason]!.voluntary;
      return store.reasons.value(reason) || '(none)';
    });
  }
}
