// The customer list as neutral tables: one row per entity at the as-of snapshot, largest MRR first
// (terminal, markdown, CSV).
import { formatDay } from '../../model/calendar.js';
import { minorDigits, minorToDisplayString } from '../../model/money.js';
import type { CustomerRow, CustomersReport } from '../../report/customers-report.js';
import { policyLines } from '../policy.js';
import { segmentPolicyLines, segmentValueText } from '../segment-policy.js';
import { renderCsvPieces } from '../csv.js';
import { TABLE_ROWS } from './movements-document.js';
import type { Cell, Column, Document } from '../table-model.js';

function keysOf(report: CustomersReport): readonly string[] {
  return report.spec.segments?.by ?? [];
}

const text = (value: string, fromInput = false): Cell => ({ kind: 'text', value, fromInput });
const dayText = (day: number | null): string => (day === null ? '' : formatDay(day));

export function customersDocument(report: CustomersReport): Document {
  const unit = report.spec.unit === 'arr' ? 'ARR' : 'MRR';
  const contract = report.spec.level === 'contract';
  const columns: Column[] = [
    { key: 'customer', label: 'Customer', numeric: false },
    ...(contract ? [{ key: 'contract', label: 'Contract', numeric: false }] : []),
    { key: 'mrr', label: unit, numeric: true },
    { key: 'firstActive', label: 'First active', numeric: false },
    { key: 'tenure', label: 'Tenure (months)', numeric: true },
    ...keysOf(report).map((k) => ({ key: `segment:${k}`, label: k, numeric: false })),
    { key: 'nextRenewal', label: 'Next renewal', numeric: false },
    { key: 'expiring', label: `Expiring ${unit}`, numeric: true },
    { key: 'status', label: 'Renewal', numeric: false },
  ];
  const shown = Math.min(report.count, TABLE_ROWS);
  const rows = Array.from({ length: shown }, (_, i) => report.row(i)).map((r): Cell[] => [
    text(r.customer, true),
    ...(contract ? [text(r.contract ?? '', true)] : []),
    { kind: 'money', minor: r.mrr },
    text(formatDay(r.firstActive)),
    { kind: 'count', value: r.tenureMonths },
    ...keysOf(report).map((k) => text(r.segment === null ? '' : segmentValueText(k, r.segment[k] ?? ''), true)),
    text(dayText(r.nextRenewal)),
    r.nextRenewal === null ? text('') : { kind: 'money', minor: r.expiringMrr },
    text(r.renewalStatus ?? ''),
  ]);
  const level = report.spec.level === 'customer' ? 'customers' : 'contracts';
  const digits = minorDigits(report.spec.currency);
  const largest = report.count < report.total.count ? `the ${report.count} largest of ` : '';
  return {
    title: `${contract ? 'Contracts' : 'Customers'} by ${unit} · ${report.spec.currency} · as of ${formatDay(report.spec.asOf)}`,
    policy: [...policyLines(report.spec).filter(([k]) => k !== 'period'), ...segmentPolicyLines(report.spec.segments, 'on the as-of day')],
    tables: [{ title: `${largest}${report.total.count} ${level} · total ${unit} ${minorToDisplayString(report.total.mrr, digits)}`, columns, rows }],
    notes: [
      ...(shown < report.count ? [`Only the first ${shown} of ${report.count} rows are shown here: use --top, or --format csv or json for all.`] : []),
      'Next renewal: the earliest end date among the lines active on the as-of day; pending = past its end, still inside the grace; cancelling = every line due then is cancelled. Evergreen lines never renew.',
    ],
    currencyDigits: digits,
  };
}

/** CSV of every row, written in pieces. */
export function renderCustomersCsv(report: CustomersReport): Iterable<string> {
  const columns = ['customer', 'contract', 'mrr', 'first_active', 'tenure_months', 'segment', 'next_renewal', 'expiring_mrr', 'renewal_status'];
  return renderCsvPieces(columns, report.count, (i) => csvCells(report.row(i)), minorDigits(report.spec.currency));
}

function csvCells(r: CustomerRow): Cell[] {
  return [
    text(r.customer, true),
    text(r.contract ?? '', true),
    { kind: 'money', minor: r.mrr },
    text(formatDay(r.firstActive)),
    { kind: 'count', value: r.tenureMonths },
    text(r.segment === null ? '' : Object.entries(r.segment).map(([k, v]) => `${k}=${v}`).join(', '), true),
    text(dayText(r.nextRenewal)),
    r.nextRenewal === null ? text('') : { kind: 'money', minor: r.expiringMrr },
    text(r.renewalStatus ?? ''),
  ];
}
