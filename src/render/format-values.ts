// Display precision is decided here and only here: money with the currency's digits, rates as
// percentages with one decimal (or ratios with two), exact strings for machine formats.
import { minorToDecimalString, minorToDisplayString, type Rate } from '../model/money.js';
import type { Cell } from './table-model.js';

/** Decimals of rates in JSON and CSV. */
export const RATE_PLACES = 6;

export function displayCell(cell: Cell, digits: number): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'money':
      return minorToDisplayString(cell.minor, digits);
    case 'count':
      return String(cell.value);
    case 'rate':
      return formatRateForPeople(cell.rate, cell.style);
  }
}

export function machineCell(cell: Cell, digits: number): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'money':
      return minorToDecimalString(cell.minor, digits);
    case 'count':
      return String(cell.value);
    case 'rate':
      return cell.rate === null ? '' : cell.rate.toFixed(RATE_PLACES);
  }
}

export function formatRateForPeople(rate: Rate | null, style: 'percent' | 'ratio'): string {
  if (rate === null) return '–';
  return style === 'percent' ? rate.toPercent(1) : rate.toFixed(2);
}

/** Control characters from input text would move the cursor or colour the terminal: drop them. */
export function stripControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
