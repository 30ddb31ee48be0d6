// The calendar day of an instant in a time zone (--timezone, METRICS.md §8): date-times with an offset, and
// naive date-times of UTC columns, become the day they fall on in the reporting zone. Offsets come from
// Intl once per UTC hour and are cached, so millions of date-times cost a Map lookup each.
import type { Day } from './calendar.js';

const fixedOffset = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})$/;

export class TimeZone {
  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly fixedMinutes: number | undefined;
  private readonly offsets = new Map<number, number>();

  /** Throws RangeError for an unknown zone name. */
  constructor(readonly name: string) {
    const m = fixedOffset.exec(name);
    if (m) {
      const minutes = Number(m[2]) * 60 + Number(m[3]);
      if (minutes > 18 * 60) throw new RangeError(`offset out of range: ${name}`);
      this.fixedMinutes = m[1] === '-' ? -minutes : minutes;
      return;
    }
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** The day, in this zone, of the instant `utcMinutes` minutes after 1970-01-01T00:00Z. */
  dayOf(utcMinutes: number): Day {
    return Math.floor((utcMinutes + this.offsetMinutes(utcMinutes)) / 1440);
  }

  /** Minutes the zone is ahead of UTC at that instant. */
  offsetMinutes(utcMinutes: number): number {
    if (this.fixedMinutes !== undefined) return this.fixedMinutes;
    const hour = Math.floor(utcMinutes / 60);
    const cached = this.offsets.get(hour);
    if (cached !== undefined) return cached;
    // Offsets change on whole quarter hours at most; the offset at the hour's start serves the whole hour
    // except in the rare zones that switch at :30 or :45, where the day can only be wrong within that hour.
    const parts = this.format!.formatToParts(new Date(hour * 3_600_000));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) / 60_000;
    const offset = local - hour * 60;
    this.offsets.set(hour, offset);
    return offset;
  }
}
