// Billing periods → months, so that an amount per period becomes a monthly amount (METRICS.md §2).

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
