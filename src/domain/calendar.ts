/**
 * The shop's business calendar (DESIGN §8): stalls and lateness count business time in the shop's
 * zone, where Sundays and Turkish public holidays do not count and bayram eves count only their
 * morning. Saturday counts unless the shop says otherwise.
 */
import { TZDate } from '@date-fns/tz';
import type { ServiceLevel } from './shipment.js';
import { HALF_DAY_ENDS_AT_HOUR, holidaysOfYear, shiftDate, type HolidayDay } from './turkish-holidays.js';

export { HOLIDAY_TABLE_YEARS } from './turkish-holidays.js';

export interface CalendarOptions {
  timeZone: string;
  saturdayIsBusinessDay: boolean;
}

export interface BusinessCalendar {
  readonly timeZone: string;
  /** Whether the shop-local day containing this instant has any business time. */
  isBusinessDay(at: Date): boolean;
  /** The holiday (or half-day eve) on the shop-local day containing this instant, or null. */
  holidayName(at: Date): string | null;
  /** Business time from `from` to `to` in business days (fractional); negative when `to` is earlier. */
  businessDaysBetween(from: Date, to: Date): number;
  /** End of the `days`-th business day after the local day of `from` (0: that day, or the next business day). */
  endOfBusinessDaysAfter(from: Date, days: number): Date;
  /** `YYYY-MM-DD` → the last millisecond of that day in shop time. */
  endOfDay(isoDate: string): Date;
  /** The shop-local calendar date of an instant. */
  localDate(at: Date): string;
}

export const DEFAULT_SERVICE_LEVEL_DAYS: Readonly<Record<ServiceLevel, number>> = {
  same_day: 0,
  next_day: 1,
  express: 2,
  standard: 3,
  economy: 10,
};

export function createBusinessCalendar(options: CalendarOptions): BusinessCalendar {
  const { timeZone } = options;
  const holidayYears = new Map<number, Map<string, HolidayDay>>();

  function holiday(date: string): HolidayDay | undefined {
    const year = Number(date.slice(0, 4));
    let days = holidayYears.get(year);
    if (!days) {
      days = holidaysOfYear(year);
      holidayYears.set(year, days);
    }
    return days.get(date);
  }

  function startOf(date: string): number {
    const [y, m, d] = date.split('-').map(Number);
    return new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, 0, 0, 0, 0, timeZone).getTime();
  }

  function localDate(at: Date): string {
    const local = new TZDate(at.getTime(), timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  }

  /** The business part of a local day as [start, end) instants, or null when the day has none. */
  function businessWindow(date: string): { start: number; end: number; dayLength: number } | null {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || (weekday === 6 && !options.saturdayIsBusinessDay)) return null;
    const start = startOf(date);
    const next = startOf(shiftDate(date, 1));
    const special = holiday(date);
    if (special && !special.half) return null;
    if (special?.half) {
      const [y, m, d] = date.split('-').map(Number);
      const cutoff = new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, HALF_DAY_ENDS_AT_HOUR, 0, 0, 0, timeZone).getTime();
      return { start, end: cutoff, dayLength: next - start };
    }
    return { start, end: next, dayLength: next - start };
  }

  function between(from: number, to: number): number {
    let total = 0;
    for (let date = localDate(new Date(from)); startOf(date) < to; date = shiftDate(date, 1)) {
      const window = businessWindow(date);
      if (!window) continue;
      const overlap = Math.min(window.end, to) - Math.max(window.start, from);
      if (overlap > 0) total += overlap / window.dayLength;
    }
    return total;
  }

  function endOfDay(isoDate: string): Date {
    return new Date(startOf(shiftDate(isoDate, 1)) - 1);
  }

  return {
    timeZone,
    localDate,
    endOfDay,
    isBusinessDay: (at) => businessWindow(localDate(at)) !== null,
    holidayName: (at) => holiday(localDate(at))?.name ?? null,
    businessDaysBetween(from, to) {
      const a = from.getTime();
      const b = to.getTime();
      return b >= a ? between(a, b) : -between(b, a);
    },
    endOfBusinessDaysAfter(from, days) {
      let date = localDate(from);
      if (days <= 0) {
        while (!businessWindow(date)) date = shiftDate(date, 1);
        return endOfDay(date);
      }
      for (let counted = 0; counted < days; ) {
        date = shiftDate(date, 1);
        if (businessWindow(date)) counted += 1;
      }
      return endOfDay(date);
    },
  };
}

/**
 * The promised deadline (DESIGN §8): the shop's promisedBy (a date is the end of that day in shop
 * time), else shippedAt plus the service level's business days; null when neither is known.
 */
export function promisedDeadline(
  input: { promisedBy: string | null; shippedAt: Date | null; serviceLevel: ServiceLevel | null },
  calendar: BusinessCalendar,
  serviceLevelDays: Readonly<Record<ServiceLevel, number>> = DEFAULT_SERVICE_LEVEL_DAYS,
): Date | null {
  if (input.promisedBy) {
    return /^\d{4}-\d{2}-\d{2}$/.test(input.promisedBy) ? calendar.endOfDay(input.promisedBy) : new Date(input.promisedBy);
  }
  if (input.shippedAt && input.serviceLevel) {
    return calendar.endOfBusinessDaysAfter(input.shippedAt, serviceLevelDays[input.serviceLevel]);
  }
  return null;
}
