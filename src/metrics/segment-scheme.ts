// The segments of a report (METRICS.md §6) as dense integer indexes: the distinct combinations of the
// input columns of `--by` found on lines ("tuples"), crossed with the derived keys (bands of MRR or
// ARR, tenure bands, cohorts). segment = tuple × derivedSize + Σ derivedIndex × stride. A segment's
// labels and sort order follow the keys in the order given; values compare by code point, bands by rank.
import { OPEN_DAY, type LineStore } from '../model/line-store.js';
import { civilFromDays, daysInMonth, periodLabel, periodOf, type Day } from '../model/calendar.js';
import { bandIndex, bandLabels, compactAmount, isDerivedSegmentKey, type DerivedSegmentKey, type SegmentSpec } from '../model/segment-spec.js';

interface DerivedAxis {
  key: DerivedSegmentKey;
  labels: string[];
  stride: number;
}

export class SegmentScheme {
  /** Number of segments (cells per period). */
  readonly count: number;
  /** Whether any key is an input column (then the largest line decides). */
  readonly usesLines: boolean;
  /** Dense tuple id of each line (column keys only); all zero without column keys. */
  readonly tupleOfLine: Int32Array;
  private readonly tupleValues: Int32Array;
  private readonly columnKeys: { key: string; dimension: number }[];
  private readonly derived: DerivedAxis[];
  private readonly derivedSize: number;
  private readonly firstCohort: number;
  // Tenure and cohort are asked for every entity and period: the entity's first-activity month and cohort
  // are kept for the last entity seen, and each snapshot day's month is computed once.
  private cachedEntity = -1;
  private entityMonth = 0;
  private entityDayOfMonth = 0;
  private entityCohort = 0;
  private readonly monthOfDay = new Map<Day, number>();

  constructor(
    readonly spec: SegmentSpec,
    private readonly store: LineStore,
    /** First active day of each entity (OPEN_DAY = never), for tenure and cohort. */
    private readonly firstActive: Int32Array,
  ) {
    this.columnKeys = spec.by.filter((k) => !isDerivedSegmentKey(k)).map((key) => {
      const dimension = store.dimensionNames.indexOf(key);
      if (dimension < 0) throw new RangeError(`segment column ${key} was not read`);
      return { key, dimension };
    });
    this.usesLines = this.columnKeys.length > 0;
    const tuples = buildTuples(store, this.columnKeys.map((c) => c.dimension));
    this.tupleOfLine = tuples.ofLine;
    this.tupleValues = tuples.values;
    let firstCohort = Number.MAX_SAFE_INTEGER;
    let lastCohort = Number.MIN_SAFE_INTEGER;
    for (const day of firstActive) {
      if (day === OPEN_DAY) continue;
      const period = periodOf(spec.cohortCalendar, day);
      if (period < firstCohort) firstCohort = period;
      if (period > lastCohort) lastCohort = period;
    }
    if (lastCohort < firstCohort) firstCohort = lastCohort = 0;
    this.firstCohort = firstCohort;
    const derivedKeys = spec.by.filter(isDerivedSegmentKey);
    let stride = 1;
    this.derived = [];
    for (const key of [...derivedKeys].reverse()) {
      const labels = this.derivedLabels(key, lastCohort);
      this.derived.unshift({ key, labels, stride });
      stride *= labels.length;
    }
    this.derivedSize = stride;
    this.count = tuples.count * stride;
  }

  /**
   * The segment of an entity whose deciding line is `line` (−1 when no column key is used) on `day`,
   * with MRR `mrr` that day (METRICS.md §6: the largest line and the MRR at begin(P), else at the end of P).
   */
  segmentOf(entity: number, line: number, day: Day, mrr: number): number {
    let segment = this.usesLines ? this.tupleOfLine[line]! * this.derivedSize : 0;
    for (const axis of this.derived) segment += this.derivedIndex(axis.key, entity, day, mrr) * axis.stride;
    return segment;
  }

  /** Labels of a segment: key → value, in the order of `--by`. */
  labels(segment: number): Record<string, string> {
    const result: Record<string, string> = {};
    const tuple = Math.floor(segment / this.derivedSize);
    for (const key of this.spec.by) {
      const column = this.columnKeys.findIndex((c) => c.key === key);
      if (column >= 0) {
        const c = this.columnKeys[column]!;
        result[key] = this.store.dimensionValues[c.dimension]!.value(this.tupleValues[tuple * this.columnKeys.length + column]!);
      } else {
        const axis = this.derived.find((a) => a.key === key)!;
        result[key] = axis.labels[Math.floor((segment % this.derivedSize) / axis.stride) % axis.labels.length]!;
      }
    }
    return result;
  }

  /** Orders segments key by key: column values by code point, derived keys by rank. */
  compare(a: number, b: number): number {
    const tupleA = Math.floor(a / this.derivedSize);
    const tupleB = Math.floor(b / this.derivedSize);
    for (const key of this.spec.by) {
      const column = this.columnKeys.findIndex((c) => c.key === key);
      let order: number;
      if (column >= 0) {
        const values = this.store.dimensionValues[this.columnKeys[column]!.dimension]!;
        const n = this.columnKeys.length;
        order = compareText(values.value(this.tupleValues[tupleA * n + column]!), values.value(this.tupleValues[tupleB * n + column]!));
      } else {
        const axis = this.derived.find((x) => x.key === key)!;
        const rank = (s: number): number => Math.floor((s % this.derivedSize) / axis.stride) % axis.labels.length;
        order = rank(a) - rank(b);
      }
      if (order !== 0) return order;
    }
    return 0;
  }

  /** Tie-break of two equally large lines: the smaller value text (key by key) wins; −1 when a comes first. */
  compareLines(a: number, b: number): number {
    const ta = this.tupleOfLine[a]!;
    const tb = this.tupleOfLine[b]!;
    if (ta === tb) return 0;
    return this.compare(ta * this.derivedSize, tb * this.derivedSize);
  }

  private derivedIndex(key: DerivedSegmentKey, entity: number, day: Day, mrr: number): number {
    switch (key) {
      case 'mrr_band':
        return bandIndex(mrr, this.spec.mrrBands);
      case 'arr_band':
        return bandIndex(mrr * 12, this.spec.arrBands);
      case 'tenure':
        return bandIndex(this.tenureMonths(entity, day), this.spec.tenureBands);
      case 'cohort':
        this.enter(entity);
        return this.entityCohort;
    }
  }

  private enter(entity: number): void {
    if (entity === this.cachedEntity) return;
    const first = this.firstActive[entity]!;
    const c = civilFromDays(first);
    this.cachedEntity = entity;
    this.entityMonth = c.year * 12 + c.month - 1;
    this.entityDayOfMonth = c.day;
    this.entityCohort = periodOf(this.spec.cohortCalendar, first) - this.firstCohort;
  }

  /** wholeMonthsBetween(first active day, day), from cached months (see model/segment-spec.ts). */
  private tenureMonths(entity: number, day: Day): number {
    this.enter(entity);
    let packed = this.monthOfDay.get(day);
    if (packed === undefined) {
      const c = civilFromDays(day);
      packed = (c.year * 12 + c.month - 1) * 1024 + c.day * 32 + daysInMonth(c.year, c.month);
      this.monthOfDay.set(day, packed);
    }
    const month = Math.floor(packed / 1024);
    const dayOfMonth = Math.floor(packed / 32) % 32;
    let months = month - this.entityMonth;
    if (dayOfMonth < Math.min(this.entityDayOfMonth, packed % 32)) months--;
    return months < 0 ? 0 : months;
  }

  private derivedLabels(key: DerivedSegmentKey, lastCohort: number): string[] {
    const spec = this.spec;
    switch (key) {
      case 'mrr_band':
        return bandLabels(spec.mrrBands.map((t) => compactAmount(t, spec.currencyDigits)));
      case 'arr_band':
        return bandLabels(spec.arrBands.map((t) => compactAmount(t, spec.currencyDigits)));
      case 'tenure':
        return bandLabels(spec.tenureBands.map(String), 'm');
      case 'cohort': {
        const labels: string[] = [];
        for (let p = this.firstCohort; p <= lastCohort; p++) labels.push(periodLabel(spec.cohortCalendar, p));
        return labels;
      }
    }
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dense ids of the distinct combinations of the given dimensions over all lines. */
function buildTuples(store: LineStore, dimensions: readonly number[]): { ofLine: Int32Array; values: Int32Array; count: number } {
  const n = store.length;
  if (dimensions.length === 0) return { ofLine: new Int32Array(n), values: new Int32Array(0), count: 1 };
  if (dimensions.length === 1) {
    const d = dimensions[0]!;
    const size = store.dimensionValues[d]!.size;
    return { ofLine: store.dimensions[d]!.slice(0, n), values: Int32Array.from({ length: size }, (_, i) => i), count: size };
  }
  // Combine one dimension at a time: ids stay below the line count, so id × size stays exact.
  let ofLine = store.dimensions[dimensions[0]!]!.slice(0, n);
  let rows: number[][] = Array.from({ length: store.dimensionValues[dimensions[0]!]!.size }, (_, i) => [i]);
  for (let k = 1; k < dimensions.length; k++) {
    const values = store.dimensions[dimensions[k]!]!;
    const size = store.dimensionValues[dimensions[k]!]!.size;
    const ids = new Map<number, number>();
    const next = new Int32Array(n);
    const nextRows: number[][] = [];
    for (let i = 0; i < n; i++) {
      const composite = ofLine[i]! * size + values[i]!;
      let id = ids.get(composite);
      if (id === undefined) {
        id = nextRows.length;
        ids.set(composite, id);
        nextRows.push([...rows[ofLine[i]!]!, values[i]!]);
      }
      next[i] = id;
    }
    ofLine = next;
    rows = nextRows;
  }
  return { ofLine, values: Int32Array.from(rows.flat()), count: rows.length };
}
