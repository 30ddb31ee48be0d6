// The cohort report as neutral tables: the triangle of one metric (--metric) with cohort sizes and a
// weighted average row per segment (terminal and markdown), and every metric of every cohort × age in
// CSV (--layout wide: one row per cohort × segment × age; tidy: one row per … × measure, for heat maps).
import { formatDay } from '../../model/calendar.js';
import { minorDigits } from '../../model/money.js';
import type { CohortMetric, CohortRow, CohortsReport } from '../../report/cohorts-report.js';
import { formatRateForPeople } from '../format-values.js';
import { policyLines } from '../policy.js';
import { segmentPolicyLines, segmentValueText } from '../segment-policy.js';
import type { Cell, Column, Document, Table } from '../table-model.js';

const metricTitles: Record<CohortMetric, string> = {
  logo: 'Logo retention: share of the cohort active at each age',
  grr: 'Gross dollar retention: Σ min(MRR now, start MRR) ÷ Σ start MRR',
  nrr: 'Net dollar retention: Σ MRR now ÷ Σ start MRR',
};
const metricNames: Record<CohortMetric, string> = { logo: 'logo retention', grr: 'gross dollar retention', nrr: 'net dollar retention' };
const rateKeys: Record<CohortMetric, string> = { logo: 'logo_retention', grr: 'grr', nrr: 'nrr' };

function keysOf(report: CohortsReport): readonly string[] {
  return report.spec.segments?.by ?? [];
}

function segmentCells(report: CohortsReport, segment: Readonly<Record<string, string>> | null): Cell[] {
  return keysOf(report).map((k): Cell => ({ kind: 'text', value: segmentValueText(k, segment?.[k] ?? ''), fromInput: true }));
}

export function cohortsTitle(report: CohortsReport, metric: CohortMetric): string {
  const spec = report.spec;
  const level = spec.level === 'customer' ? 'customers' : 'contracts';
  const by = keysOf(report).length > 0 ? ` and ${keysOf(report).join(' × ')}` : '';
  const partial = report.rows.flatMap((r) => r.ages).find((a) => a.partial);
  return `Cohort ${metricNames[metric]} by ${spec.calendar.kind}${by} · ${level} · ${spec.currency} · as of ${formatDay(spec.asOf)}${partial ? ` (${partial.period} partial)` : ''}`;
}

export function cohortsDocument(report: CohortsReport, metric: CohortMetric): Document {
  const maxAges = Math.max(0, ...report.rows.map((r) => r.ages.length));
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const columns: Column[] = [
    { key: 'cohort', label: 'Cohort', numeric: false },
    ...keysOf(report).map((k) => ({ key: `segment:${k}`, label: k, numeric: false })),
    { key: 'size', label: report.spec.level === 'customer' ? 'Customers' : 'Contracts', numeric: true },
    { key: 'sizeMrr', label: `Start ${unit}`, numeric: true },
    ...Array.from({ length: maxAges }, (_, a) => ({ key: `age${a}`, label: String(a), numeric: true })),
  ];
  const rows: Cell[][] = [];
  const totalRows = new Set<number>();
  const blank: Cell = { kind: 'text', value: '' };
  for (const average of report.averages) {
    const key = JSON.stringify(average.segment);
    for (const row of report.rows.filter((r) => JSON.stringify(r.segment) === key)) {
      rows.push([
        { kind: 'text', value: row.cohort },
        ...segmentCells(report, row.segment),
        { kind: 'count', value: row.sizeCount },
        { kind: 'money', minor: row.sizeMrr },
        ...Array.from({ length: maxAges }, (_, a): Cell => {
          const age = row.ages[a];
          if (age === undefined) return blank;
          return age.partial ? { kind: 'text', value: `${formatRateForPeople(age.rates[metric], 'percent')}*` } : { kind: 'rate', rate: age.rates[metric], style: 'percent' };
        }),
      ]);
    }
    totalRows.add(rows.length);
    rows.push([
      { kind: 'text', value: 'Weighted average' },
      ...segmentCells(report, average.segment),
      blank,
      blank,
      ...Array.from({ length: maxAges }, (_, a): Cell => {
        const age = average.ages.find((x) => x.age === a);
        return age === undefined ? blank : { kind: 'rate', rate: age.rates[metric], style: 'percent' };
      }),
    ]);
  }
  const table: Table = { title: `${metricTitles[metric]} (columns: periods since the cohort's first period)`, columns, rows, totalRows };
  const notes = [
    `A cohort holds the ${report.spec.level === 'customer' ? 'customers' : 'contracts'} first active in its period with MRR at its end (the bridge's new ones); start ${unit} is their ${unit} then. The weighted average adds up the cohorts that reached each age with a complete period.`,
  ];
  if (report.rows.some((r) => r.ages.some((a) => a.partial))) notes.push('* partial period: measured up to the as-of date (left out of the averages).');
  if (report.rows.length === 0) notes.push('No cohort to show: nobody became active in the periods shown.');
  return {
    title: cohortsTitle(report, metric),
    policy: [...policyLines(report.spec), ...segmentPolicyLines(report.spec.segments, 'at the end of its cohort period')],
    tables: [table],
    notes,
    currencyDigits: minorDigits(report.spec.currency),
  };
}

const wideMeasures = ['size_count', 'size_mrr', 'active_count', 'mrr', 'retained_mrr', 'logo_retention', 'grr', 'nrr'] as const;

function segmentText(segment: Readonly<Record<string, string>> | null): string {
  return segment === null ? '' : Object.entries(segment).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Measures of one cohort age as machine cells, in wideMeasures order. */
function measureCells(row: CohortRow, a: number): Cell[] {
  const age = row.ages[a]!;
  return [
    { kind: 'count', value: row.sizeCount },
    { kind: 'money', minor: row.sizeMrr },
    { kind: 'count', value: age.active },
    { kind: 'money', minor: age.mrr },
    { kind: 'money', minor: age.retainedMrr },
    ...(['logo', 'grr', 'nrr'] as const).map((m): Cell => ({ kind: 'rate', rate: age.rates[m], style: 'ratio' })),
  ];
}

export function cohortsWideTable(report: CohortsReport): Table {
  const lead = ['cohort', 'start', 'end', 'segment', 'age', 'period', 'partial'];
  const columns: Column[] = [...lead, ...wideMeasures].map((k) => ({ key: k, label: k, numeric: (wideMeasures as readonly string[]).includes(k) }));
  const rows: Cell[][] = [];
  for (const row of report.rows) {
    row.ages.forEach((age, a) => rows.push([...leadCells(row, age.age, age.period, age.partial), ...measureCells(row, a)]));
  }
  for (const average of report.averages) {
    for (const age of average.ages) {
      const text = (value: string): Cell => ({ kind: 'text', value });
      rows.push([
        text('average'), text(''), text(''), { kind: 'text', value: segmentText(average.segment), fromInput: true }, { kind: 'count', value: age.age }, text(''), text('false'),
        text(''), text(''), text(''), text(''), text(''),
        ...(['logo', 'grr', 'nrr'] as const).map((m): Cell => ({ kind: 'rate', rate: age.rates[m], style: 'ratio' })),
      ]);
    }
  }
  return { title: 'cohorts', columns, rows };
}

export function cohortsTidyTable(report: CohortsReport): Table {
  const columns: Column[] = ['cohort', 'start', 'end', 'segment', 'age', 'period', 'measure', 'value'].map((k) => ({ key: k, label: k, numeric: k === 'value' }));
  const rows: Cell[][] = [];
  for (const row of report.rows) {
    row.ages.forEach((age, a) => {
      const lead = leadCells(row, age.age, age.period, age.partial).slice(0, 6);
      measureCells(row, a).forEach((cell, i) => rows.push([...lead, { kind: 'text', value: wideMeasures[i]! }, cell]));
    });
  }
  for (const average of report.averages) {
    for (const age of average.ages) {
      const lead: Cell[] = [{ kind: 'text', value: 'average' }, { kind: 'text', value: '' }, { kind: 'text', value: '' }, { kind: 'text', value: segmentText(average.segment), fromInput: true }, { kind: 'count', value: age.age }, { kind: 'text', value: '' }];
      rows.push([...lead, { kind: 'text', value: 'cohorts' }, { kind: 'count', value: age.cohorts }]);
      for (const m of ['logo', 'grr', 'nrr'] as const) rows.push([...lead, { kind: 'text', value: rateKeys[m] }, { kind: 'rate', rate: age.rates[m], style: 'ratio' }]);
    }
  }
  return { title: 'cohorts', columns, rows };
}

function leadCells(row: CohortRow, age: number, period: string, partial: boolean): Cell[] {
  return [
    { kind: 'text', value: row.cohort },
    { kind: 'text', value: formatDay(row.start) },
    { kind: 'text', value: formatDay(row.end) },
    { kind: 'text', value: segmentText(row.segment), fromInput: true },
    { kind: 'count', value: age },
    { kind: 'text', value: period },
    { kind: 'text', value: partial ? 'true' : 'false' },
  ];
}
