// The renewals report as neutral tables for the terminal and markdown: the flow in units and in CMRR,
// expected CMRR (locked vs at due, with planned churn), the split of the renewal CMRR change, timing and
// late renewals, churn and downgrades by class and by reason; with --detail, every unit.
import { formatDay } from '../../model/calendar.js';
import { minorDigits } from '../../model/money.js';
import { splitParts, type SplitPart } from '../../metrics/renewal-split.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import { splitOutcomes, type RenewalsRow, type SplitOutcome } from '../../report/renewals-rows.js';
import { policyLines } from '../policy.js';
import { renewalsDetailTable } from './detail-table.js';
import type { Cell, Column, Document, Table } from '../table-model.js';

const partLabels: Record<SplitPart, string> = { quantity: 'Quantity', listPrice: 'List price', discount: 'Discount', crossSell: 'Cross-sell', productChurn: 'Product churn', unattributed: 'Unattributed' };
const outcomeLabels: Record<SplitOutcome, string> = { flat: 'flat renewals', upgraded: 'upgrades', downgraded: 'downgrades', archived: 'archives' };

const money = (minor: number | null): Cell => (minor === null ? { kind: 'text', value: '–' } : { kind: 'money', minor });
const count = (value: number | null): Cell => (value === null ? { kind: 'text', value: '–' } : { kind: 'count', value });
const percent = (row: RenewalsRow, name: keyof RenewalsRow['rates']): Cell => ({ kind: 'rate', rate: row.rates[name], style: 'percent' });
const num = (key: string, label: string): Column => ({ key, label, numeric: true });

export function segmentLabel(row: RenewalsRow): string {
  return row.segment === null ? '' : Object.entries(row.segment).map(([k, v]) => `${k}=${v}`).join(', ');
}

export function renewalsTitle(report: RenewalsReport): string {
  const spec = report.spec;
  const partial = report.rows.find((r) => r.partial);
  const level = spec.level === 'customer' ? 'customers' : 'contracts';
  return `Renewals (${spec.unit === 'arr' ? 'ARR' : 'MRR'}) by ${spec.calendar.kind} · ${level} · ${spec.currency} · as of ${formatDay(spec.asOf)}${partial ? ` (${partial.period} partial)` : ''}`;
}

export function renewalsPolicy(report: RenewalsReport): [string, string][] {
  const o = report.options;
  return [
    ...policyLines(report.spec),
    ['archive products', o.archiveProducts.length === 0 ? 'none' : o.archiveProducts.join(', ')],
    ['churn reasons', o.reasonMapSource === undefined ? 'classified by keywords' : `reason map ${o.reasonMapSource}, then keywords`],
    ...(o.plan === undefined ? [] : ([['plan', `planned churn from ${o.plan.source}, on the expected CMRR locked at each period start`]] as [string, string][])),
  ];
}

export function renewalsDocument(report: RenewalsReport): Document {
  const rows = report.rows;
  const segmented = rows.some((r) => r.segment !== null);
  const lead: Column[] = [{ key: 'period', label: 'Period', numeric: false }, ...(segmented ? [{ key: 'segment', label: 'Segment', numeric: false }] : [])];
  const leadCells = (r: RenewalsRow): Cell[] => [{ kind: 'text', value: r.partial ? `${r.period}*` : r.period }, ...(segmented ? [{ kind: 'text', value: segmentLabel(r) || 'total', fromInput: true } as Cell] : [])];
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const flowColumns = [num('due', 'Due'), num('rolledIn', 'Rolled in'), num('flat', 'Flat'), num('upgraded', 'Upgraded'), num('downgraded', 'Downgraded'), num('archived', 'Archived'), num('cancelled', 'Cancelled'), num('notRenewed', 'Not renewed'), num('rolledForward', 'Rolled fwd'), num('pending', 'Pending')];
  const tables: Table[] = [
    {
      title: 'Renewal units: due + rolled in = decided + rolled forward + pending',
      columns: [...lead, ...flowColumns, num('countRate', 'Count rate')],
      rows: rows.map((r) => {
        const c = r.counts;
        return [...leadCells(r), ...[c.expected, c.rolledIn, c.renewedFlat, c.upgraded, c.downgraded, c.archived, c.cancelled, c.notRenewed, c.rolledForward, c.pending].map(count), percent(r, 'countRenewal')];
      }),
    },
    {
      title: `Renewal C${unit} (${report.spec.currency}), at expiring values; successor = C${unit} after renewal`,
      columns: [...lead, ...flowColumns, num('successor', 'Successor'), num('gross', 'Gross $ rate'), num('net', 'Net $ rate')],
      rows: rows.map((r) => {
        const m = r.money;
        return [...leadCells(r), ...[m.expected, m.rolledIn, m.renewedFlat, m.upgraded, m.downgraded, m.archived, m.cancelled, m.notRenewed, m.rolledForward, m.pending, m.successor].map(money), percent(r, 'grossDollarRenewal'), percent(r, 'netDollarRenewal')];
      }),
    },
    expectedTable(report, lead, leadCells),
    splitTable(rows, lead, leadCells),
    {
      title: 'Timing (renewed units) and late renewals',
      columns: [...lead, num('early', 'Early'), num('onTime', 'On time'), num('late', 'Late'), num('lateCmrr', `Late C${unit}`), num('avgDays', 'Avg days late'), num('maxDays', 'Max days late'), num('outstanding', 'Past due, open'), num('outstandingCmrr', `Past due C${unit}`)],
      rows: rows.map((r) => [...leadCells(r), count(r.counts.early), count(r.counts.onTime), count(r.counts.late), money(r.money.late), { kind: 'rate', rate: r.averageDaysLate, style: 'ratio' }, count(r.maxDaysLate), count(r.counts.outstandingPastDue), money(r.money.outstandingPastDue)]),
    },
    classTable(rows, lead, leadCells, unit),
    reasonTable(rows, lead, leadCells, unit),
  ];
  if (report.units !== null) tables.push(renewalsDetailTable(report));
  const notes: string[] = [];
  if (rows.some((r) => r.partial)) notes.push('* partial period: measured up to the as-of date; units still undecided then are pending.');
  if (rows.length === 0) notes.push('No period to show: no renewal unit is due on or before the as-of period.');
  return { title: renewalsTitle(report), policy: renewalsPolicy(report), tables, notes, currencyDigits: minorDigits(report.spec.currency) };
}

type LeadCells = (r: RenewalsRow) => Cell[];

function expectedTable(report: RenewalsReport, lead: Column[], leadCells: LeadCells): Table {
  const withPlan = report.options.plan !== undefined;
  return {
    title: 'Expected renewal CMRR: locked at the period start vs at the due dates' + (withPlan ? '; planned vs actual churn' : ''),
    columns: [...lead, num('locked', 'Locked at start'), num('atDue', 'At due dates'), num('addOns', 'Mid-period add-ons'), ...(withPlan ? [num('rate', 'Plan rate'), num('planned', 'Planned churn'), num('actual', 'Actual churn'), num('variance', 'Variance')] : [])],
    rows: report.rows.map((r) => [
      ...leadCells(r),
      money(r.money.expectedLocked),
      money(r.money.expected),
      money(r.money.midPeriodAddOns),
      ...(withPlan ? [{ kind: 'rate', rate: r.plan.rate, style: 'percent' } as Cell, money(r.plan.planned), money(r.plan.actual), money(r.plan.variance)] : []),
    ]),
  };
}

/** Upgrades and downgrades always; flat renewals and archives only when their parts are not all zero. */
function splitTable(rows: readonly RenewalsRow[], lead: Column[], leadCells: LeadCells): Table {
  const body: Cell[][] = [];
  for (const r of rows) {
    for (const outcome of splitOutcomes) {
      const parts = r.parts[outcome];
      const always = outcome === 'upgraded' || outcome === 'downgraded';
      if (!always && splitParts.every((p) => parts[p] === 0)) continue;
      const total = splitParts.reduce((acc, p) => acc + parts[p], 0);
      body.push([...leadCells(r), { kind: 'text', value: outcomeLabels[outcome] }, ...splitParts.map((p) => money(parts[p])), money(total)]);
    }
  }
  return {
    title: 'Change of renewal CMRR by part (parts sum to the change)',
    columns: [...lead, { key: 'outcome', label: 'Of', numeric: false }, ...splitParts.map((p) => num(p, partLabels[p])), num('change', 'Change')],
    rows: body,
  };
}

function classTable(rows: readonly RenewalsRow[], lead: Column[], leadCells: LeadCells, unit: string): Table {
  const body: Cell[][] = [];
  for (const r of rows) {
    const axes = [['avoidability', r.classes.avoidable], ['voluntariness', r.classes.voluntary]] as const;
    for (const [axis, classes] of axes) {
      for (const [name, f] of Object.entries(classes)) {
        if (f.churnedCount === 0 && f.downgradedCount === 0) continue;
        body.push([...leadCells(r), { kind: 'text', value: axis }, { kind: 'text', value: name }, count(f.churnedCount), money(f.churnedCmrr), count(f.downgradedCount), money(f.downgradedCmrr)]);
      }
    }
  }
  return {
    title: 'Churn and downgrades by class',
    columns: [...lead, { key: 'axis', label: 'Axis', numeric: false }, { key: 'class', label: 'Class', numeric: false }, num('churned', 'Churned'), num('churnedCmrr', `Churned C${unit}`), num('downgraded', 'Downgraded'), num('downgradedCmrr', `Downgrade C${unit}`)],
    rows: body,
  };
}

function reasonTable(rows: readonly RenewalsRow[], lead: Column[], leadCells: LeadCells, unit: string): Table {
  const body: Cell[][] = [];
  for (const r of rows) {
    for (const reason of r.reasons) {
      body.push([
        ...leadCells(r),
        { kind: 'text', value: reason.reason === '' ? '(none)' : reason.reason, fromInput: true },
        { kind: 'text', value: reason.avoidable },
        { kind: 'text', value: reason.voluntary },
        count(reason.churnedCount),
        money(reason.churnedCmrr),
        count(reason.downgradedCount),
        money(reason.downgradedCmrr),
      ]);
    }
  }
  return {
    title: 'Churn and downgrades by reason',
    columns: [...lead, { key: 'reason', label: 'Reason', numeric: false }, { key: 'avoidable', label: 'Avoidability', numeric: false }, { key: 'voluntary', label: 'Voluntariness', numeric: false }, num('churned', 'Churned'), num('churnedCmrr', `Churned C${unit}`), num('downgraded', 'Downgraded'), num('downgradedCmrr', `Downgrade C${unit}`)],
    rows: body,
  };
}
