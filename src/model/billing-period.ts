// Billing periods → months, so that an amount per period becomes a monthly amount (METRICS.md §2).
import { civilFromDays, type Day } from './calendar.js';

const named: Record<string, number> = {
  month: 1,
  monthly: 1,
  mo: 1,
  quarter: 3,
  quarterly: 3,
  semiannual: 6,
  semiannually: 6,
  halfyear: 6,
  halfyearly: 6,
  biannual: 6,
  year: 12,
  yearly: 12,
  annual: 12,
  annually: 12,
  yr: 12,
};

/** Months in a billing period: `quarterly` → 3, `semi-annual` → 6, `24` → 24; undefined when unknown. */
export function billingPeriodMonths(text: string): number | undefined {
  const key = text.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  const byName = named[key];
  if (byName !== undefined) return byName;
  if (/^\d{1,3}$/.test(key)) {
    const months = Number(key);
    if (months >= 1 && months <= 120) return months;
  }
  return undefined;
}

export const billingPeriodHelp = 'month, quarter, semiannual, year, or a whole number of months 1–120';

/** Months as an exact ratio: whole months, or days on the 365.25-day year (one month = 365.25 ÷ 12 days). */
export interface MonthsRatio {
  num: number;
  den: number;
}

const DAYS_PER_4_YEARS = 1461; // 365.25 × 4: a day is 48/1461 of a month
const dayUnits: Record<string, number> = { week: 7, weekly: 7, weeks: 7, day: 1, daily: 1, days: 1 };

/** Months of a billing period, also for weeks and days (Stripe and Chargebee intervals); undefined when unknown. */
export function billingPeriodRatio(text: string): MonthsRatio | undefined {
  const months = billingPeriodMonths(text);
  if (months !== undefined) return { num: months, den: 1 };
  const days = dayUnits[text.trim().toLowerCase()];
  return days === undefined ? undefined : { num: days * 48, den: DAYS_PER_4_YEARS };
}

/**
 * Months covered by [start, endExclusive) (--billing-period span, METRICS.md §2): whole calendar months when
 * both fall on the same day of the month, else days ÷ (365.25 ÷ 12). Undefined for an empty span.
 */
export function spanMonths(start: Day, endExclusive: Day): MonthsRatio | undefined {
  if (endExclusive <= start) return undefined;
  const a = civilFromDays(start);
  const b = civilFromDays(endExclusive);
  if (a.day === b.day) return { num: (b.year - a.year) * 12 + (b.month - a.month), den: 1 };
  return { num: (endExclusive - start) * 48, den: DAYS_PER_4_YEARS };
}
