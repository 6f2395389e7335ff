/**
 * The shop's business calendar (DESIGN §8). Stall and lateness rules count business time in the
 * shop's zone. Sundays and Turkish public holidays don't count; bayram eves and 28 October count
 * only their morning (the holiday starts at 13:00). Saturday counts unless the shop says otherwise.
 *
 * Days are handled as integer "day numbers" (days since 1970-01-01 of the local calendar date), so
 * walking a span is integer arithmetic. Each day's boundaries in the shop zone are computed once
 * per calendar and cached: converting a wall-clock time in a zone is the slow part, and a sweep over
 * many shipments asks about the same few hundred days again and again.
 */
import { TZDate } from '@date-fns/tz';
import { ValidationError } from './errors.js';
import type { ServiceLevel } from './shipment.js';
import { HALF_DAY_STARTS_AT_HOUR, turkishHolidaysOf, type HolidayDay } from './turkish-holidays.js';

export { HOLIDAY_TABLE_YEARS } from './turkish-holidays.js';

export interface CalendarOptions {
  timeZone: string;
  saturdayIsBusinessDay: boolean;
}

export interface BusinessCalendar {
  readonly timeZone: string;
  /** Whether the shop-local calendar day containing this instant has any business time. */
  isBusinessDay(at: Date): boolean;
  /** Holiday name (Turkish) for the shop-local day containing `at`, or null. Half-day eves included, e.g. "Ramazan Bayramı arifesi". */
  holidayName(at: Date): string | null;
  /**
   * Business time elapsed from `from` to `to`, in business days (fractional): only time on
   * business days counts; a full business day contributes 1, the morning of a half-day eve 13/24,
   * Sundays/holidays/Saturday-when-off 0. Negative if `to` < `from`.
   */
  businessDaysBetween(from: Date, to: Date): number;
  /**
   * End (23:59:59.999 shop time) of the `days`-th business day after the shop-local day of `from`;
   * days = 0 → end of that day if it is a business day, else of the next business day. A half-day
   * eve counts as a business day here (parcels move in the morning). Fractional days round up.
   */
  endOfBusinessDaysAfter(from: Date, days: number): Date;
  /** `YYYY-MM-DD` → the last millisecond of that day in shop time. */
  endOfDay(isoDate: string): Date;
  /** Shop-local calendar date `YYYY-MM-DD` of an instant. */
  localDate(at: Date): string;
}

export const DEFAULT_SERVICE_LEVEL_DAYS: Readonly<Record<ServiceLevel, number>> = {
  same_day: 0,
  next_day: 1,
  express: 2,
  standard: 3,
  economy: 10,
};

const DAY_MS = 86_400_000;

/** One local day: [start, end) in epoch ms; business time is [start, businessEnd). */
interface DayShape {
  start: number;
  end: number;
  businessEnd: number;
}

export function createBusinessCalendar(options: CalendarOptions): BusinessCalendar {
  const { timeZone, saturdayIsBusinessDay } = options;
  assertTimeZone(timeZone);
  const holidayYears = new Map<number, ReadonlyMap<string, HolidayDay>>();
  const dayStarts = new Map<number, number>();
  const shapes = new Map<number, DayShape>();

  function dayOf(at: Date): number {
    assertInstant(at);
    const local = new TZDate(at.getTime(), timeZone);
    return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY_MS;
  }

  /** The instant of `hour`:00 local on a day; a missing wall-clock time (DST gap) moves forward. */
  function instantAt(day: number, hour: number): number {
    const date = new Date(day * DAY_MS);
    return new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour, 0, 0, 0, timeZone).getTime();
  }

  function startOf(day: number): number {
    let start = dayStarts.get(day);
    if (start === undefined) {
      start = instantAt(day, 0);
      dayStarts.set(day, start);
    }
    return start;
  }

  function holiday(day: number): HolidayDay | undefined {
    const iso = isoOf(day);
    const year = Number(iso.slice(0, 4));
    let days = holidayYears.get(year);
    if (!days) {
      days = turkishHolidaysOf(year);
      holidayYears.set(year, days);
    }
    return days.get(iso);
  }

  function shape(day: number): DayShape {
    const cached = shapes.get(day);
    if (cached) return cached;
    const start = startOf(day);
    const end = startOf(day + 1);
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const special = holiday(day);
    let businessEnd = end;
    if (weekday === 0 || (weekday === 6 && !saturdayIsBusinessDay) || (special && !special.half)) businessEnd = start;
    else if (special) businessEnd = Math.min(end, Math.max(start, instantAt(day, HALF_DAY_STARTS_AT_HOUR)));
    const result = { start, end, businessEnd };
    shapes.set(day, result);
    return result;
  }

  const hasBusinessTime = (day: number): boolean => {
    const { start, businessEnd } = shape(day);
    return businessEnd > start;
  };

  /** Business days in [from, to), from <= to, walking one local day at a time. */
  function between(from: number, to: number, fromDay: number): number {
    let total = 0;
    for (let day = fromDay; startOf(day) < to; day += 1) {
      const { start, end, businessEnd } = shape(day);
      const overlap = Math.min(businessEnd, to) - Math.max(start, from);
      // A 23- or 25-hour day (DST change) still counts as one whole day.
      if (overlap > 0) total += overlap / (end - start);
    }
    return total;
  }

  function endOfLocalDay(day: number): Date {
    return new Date(startOf(day + 1) - 1);
  }

  return {
    timeZone,
    localDate: (at) => isoOf(dayOf(at)),
    isBusinessDay: (at) => hasBusinessTime(dayOf(at)),
    holidayName: (at) => holiday(dayOf(at))?.name ?? null,
    endOfDay(isoDate) {
      const day = dayNumberOf(isoDate);
      if (day === null) throw new RangeError(`endOfDay: "${isoDate}" is not a calendar date (YYYY-MM-DD)`);
      return endOfLocalDay(day);
    },
    businessDaysBetween(from, to) {
      assertInstant(from);
      assertInstant(to);
      const a = from.getTime();
      const b = to.getTime();
      if (b >= a) return between(a, b, dayOf(from));
      const back = between(b, a, dayOf(to));
      return back === 0 ? 0 : -back;
    },
    endOfBusinessDaysAfter(from, days) {
      if (!Number.isFinite(days) || days < 0) throw new RangeError(`endOfBusinessDaysAfter: days must be ≥ 0, got ${days}`);
      let day = dayOf(from);
      if (days === 0) {
        while (!hasBusinessTime(day)) day += 1;
        return endOfLocalDay(day);
      }
      for (let counted = 0; counted < days; ) {
        day += 1;
        if (hasBusinessTime(day)) counted += 1;
      }
      return endOfLocalDay(day);
    },
  };
}

/**
 * The promised deadline (DESIGN §8): the shop's promisedBy (a date means the end of that day in
 * shop time; an instant with offset is taken as it is), else shippedAt plus the service level's
 * business days; null when neither is known. Callers pass createdAt as shippedAt when they want a
 * deadline for a parcel not shipped yet. A level missing from `serviceLevelDays` uses the default.
 */
export function promisedDeadline(
  input: { promisedBy: string | null; shippedAt: Date | null; serviceLevel: keyof typeof DEFAULT_SERVICE_LEVEL_DAYS | null },
  calendar: BusinessCalendar,
  serviceLevelDays: Readonly<Record<string, number>> = DEFAULT_SERVICE_LEVEL_DAYS,
): Date | null {
  const { promisedBy, shippedAt, serviceLevel } = input;
  if (promisedBy !== null) {
    if (dayNumberOf(promisedBy) !== null) return calendar.endOfDay(promisedBy);
    const at = new Date(promisedBy);
    // Without an offset, Date would read the time in the server's zone, not the shop's.
    if (!/T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(promisedBy) || Number.isNaN(at.getTime())) {
      throw new ValidationError(
        `promisedBy "${promisedBy}" must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset`,
        { field: 'promisedBy' },
      );
    }
    return at;
  }
  if (!shippedAt || !serviceLevel) return null;
  const days = serviceLevelDays[serviceLevel] ?? DEFAULT_SERVICE_LEVEL_DAYS[serviceLevel];
  return calendar.endOfBusinessDaysAfter(shippedAt, days);
}

/** `YYYY-MM-DD` of a day number. */
function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a real calendar date `YYYY-MM-DD`, or null (wrong shape, or e.g. 2026-02-30). */
function dayNumberOf(isoDate: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(ms) || isoOf(ms / DAY_MS) !== isoDate ? null : ms / DAY_MS;
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch (cause) {
    throw new RangeError(`business calendar: "${timeZone}" is not an IANA time zone`, { cause });
  }
}

function assertInstant(at: Date): void {
  if (Number.isNaN(at.getTime())) throw new RangeError('business calendar: an instant is an invalid Date');
}
