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
      return plusSign(cell.signed === true && cell.minor > 0, minorToDisplayString(cell.minor, digits));
    case 'count':
      if (cell.signed !== true) return String(cell.value);
      return plusSign(cell.value > 0, cell.value < 0 ? `−${-cell.value}` : String(cell.value));
    case 'rate': {
      const text = formatRateForPeople(cell.rate, cell.style);
      if (cell.signed !== true && cell.style !== 'points') return text;
      return plusSign(cell.rate !== null && cell.rate.compare(0) > 0, minusSign(text));
    }
  }
}

/** "+" on a positive change, unless it shows as zero at display precision. */
function plusSign(positive: boolean, text: string): string {
  return positive && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Differences read better with a typographic minus, as money does ("−50.00"); "-0.0" is shown as "0.0". */
function minusSign(text: string): string {
  if (!text.startsWith('-')) return text;
  return /^-0(\.0*)?\D*$/.test(text) ? text.slice(1) : `−${text.slice(1)}`;
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

export function formatRateForPeople(rate: Rate | null, style: 'percent' | 'ratio' | 'points'): string {
  if (rate === null) return '–';
  // A difference of two rates in percentage points: 0.012 → "1.2 pp".
  if (style === 'points') return `${rate.toPercent(1).slice(0, -1)} pp`;
  return style === 'percent' ? rate.toPercent(1) : rate.toFixed(2);
}

/** Control characters from input text would move the cursor or colour the terminal: drop them. */
export function stripControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
