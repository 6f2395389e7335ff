import { TZDate } from '@date-fns/tz';

/** One calendar day in a zone: its date and [start, end) as instants. */
export interface LocalDay {
  date: string;
  start: Date;
  end: Date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The last `count` calendar days in a zone, oldest first, ending with the day `now` falls on.
 * Boundaries are the zone's midnights, so a day across a DST change is 23 or 25 hours long.
 */
export function lastLocalDays(now: Date, timeZone: string, count: number): LocalDay[] {
  const today = new TZDate(now.getTime(), timeZone);
  const [year, month, day] = [today.getFullYear(), today.getMonth(), today.getDate()];
  // TZDate normalises an out-of-range day of month like Date does (day 0 = the last of the month before).
  const midnight = (offset: number) => new TZDate(year, month, day + offset, 0, 0, 0, 0, timeZone);
  const days: LocalDay[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const start = midnight(-back);
    days.push({
      date: `${pad(start.getFullYear(), 4)}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
      start: new Date(start.getTime()),
      end: new Date(midnight(-back + 1).getTime()),
    });
  }
  return days;
}
