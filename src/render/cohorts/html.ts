// The chart of `retain cohorts -f html`: the cohort triangle of the chosen metric (logo, GRR or NRR) as a
// heat map, cohorts down and ages across, from the total (unsegmented) cohorts. The page around it is the
// cohort tables (document-html.ts).
import type { CohortMetric, CohortsReport } from '../../report/cohorts-report.js';
import { rateToMillionths } from '../html/axis-format.js';
import { renderHeatMap } from '../html/heat-map.js';
import { figure, type HtmlSection } from '../html/page.js';

const metricNames: Record<CohortMetric, string> = { logo: 'Logo retention', grr: 'Gross dollar retention', nrr: 'Net dollar retention' };

export function cohortsCharts(report: CohortsReport, metric: CohortMetric): HtmlSection[] {
  const cohorts = report.rows.filter((r) => r.segment === null);
  if (cohorts.length === 0) return [];
  const ages = Math.max(...cohorts.map((c) => c.ages.length));
  const svg = renderHeatMap({
    id: `heat-cohorts-${metric}`,
    title: `${metricNames[metric]} by cohort and age`,
    rows: cohorts.map((c) => c.cohort),
    columns: Array.from({ length: ages }, (_, i) => `Age ${i}`),
    values: cohorts.map((c) => c.ages.map((a) => rateToMillionths(a.rates[metric]))),
  });
  return [{ heading: `${metricNames[metric]} by cohort`, html: figure('heat-map', `${metricNames[metric]}, by ${report.spec.calendar.kind} of first activity`, svg, true) }];
}
