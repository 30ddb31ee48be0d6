// `--detail`: one row per renewal unit (terminal, markdown and CSV share this table). Lines are file:line of
// the expiring term and of its successor, space-separated.
import { formatDay } from '../../model/calendar.js';
import { splitParts } from '../../metrics/renewal-split.js';
import type { RenewalUnitRow } from '../../report/renewals-detail.js';
import type { RenewalsReport } from '../../report/renewals-report.js';
import { snake } from './measures.js';
import type { Cell, Column, Table } from '../table-model.js';

const text = (value: string, fromInput = false): Cell => ({ kind: 'text', value, fromInput });
const money = (minor: number | null): Cell => (minor === null ? { kind: 'text', value: '' } : { kind: 'money', minor });

export const detailColumns: Column[] = [
  { key: 'due_date', label: 'Due', numeric: false },
  { key: 'due_period', label: 'Due in', numeric: false },
  { key: 'decided_period', label: 'Decided in', numeric: false },
  { key: 'contract', label: 'Contract', numeric: false },
  { key: 'customer', label: 'Customer', numeric: false },
  { key: 'outcome', label: 'Outcome', numeric: false },
  { key: 'timing', label: 'Timing', numeric: false },
  { key: 'days_late', label: 'Days late', numeric: true },
  { key: 'successor_start', label: 'Successor start', numeric: false },
  { key: 'expiring', label: 'Expiring', numeric: true },
  { key: 'successor', label: 'Successor', numeric: true },
  { key: 'locked', label: 'Locked', numeric: true },
  { key: 'change', label: 'Change', numeric: true },
  ...splitParts.map((p) => ({ key: snake(p), label: p === 'listPrice' ? 'List price' : p === 'crossSell' ? 'Cross-sell' : p === 'productChurn' ? 'Product churn' : p[0]!.toUpperCase() + p.slice(1), numeric: true })),
  { key: 'churn_reason', label: 'Reason', numeric: false },
  { key: 'avoidable', label: 'Avoidability', numeric: false },
  { key: 'voluntary', label: 'Voluntariness', numeric: false },
  { key: 'expiring_lines', label: 'Expiring lines', numeric: false },
  { key: 'successor_lines', label: 'Successor lines', numeric: false },
];

export function unitCells(u: RenewalUnitRow): Cell[] {
  return [
    text(formatDay(u.dueDate)),
    text(u.duePeriod),
    text(u.decidedPeriod ?? ''),
    text(u.contract, true),
    text(u.customer, true),
    text(u.outcome),
    text(u.timing),
    u.daysLate === null ? text('') : { kind: 'count', value: u.daysLate },
    text(u.successorStart === null ? '' : formatDay(u.successorStart)),
    money(u.expiring),
    money(u.successor),
    money(u.locked),
    money(u.change),
    ...splitParts.map((p) => money(u.parts === null ? null : u.parts[p])),
    text(u.reason, true),
    text(u.classes?.avoidable ?? ''),
    text(u.classes?.voluntary ?? ''),
    text(u.expiringLines.join(' '), true),
    text(u.successorLines.join(' '), true),
  ];
}

export function renewalsDetailTable(report: RenewalsReport): Table {
  return { title: 'Renewal units', columns: detailColumns, rows: (report.units ?? []).map(unitCells) };
}
