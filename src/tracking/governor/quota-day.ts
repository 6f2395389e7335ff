/** A carrier's quota day: the calendar day in its quota zone (DHL and FedEx reset at midnight GMT). */
import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';

/** `YYYY-MM-DD` of `now` in the zone. */
export function quotaDay(now: Date, zone: string): string {
  return format(new TZDate(now.getTime(), zone), 'yyyy-MM-dd');
}

/** The instant the next quota day starts: the zone's next midnight. */
export function nextQuotaReset(now: Date, zone: string): Date {
  return new Date(startOfDay(addDays(new TZDate(now.getTime(), zone), 1)).getTime());
}

/** "2026-11-24T00:00Z": a reset or probe time to the minute, in UTC, for reasons people read. */
export function isoMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16)}Z`;
}
