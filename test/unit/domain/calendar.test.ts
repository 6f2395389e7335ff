import {
  createBusinessCalendar,
  DEFAULT_SERVICE_LEVEL_DAYS,
  HOLIDAY_TABLE_YEARS,
  promisedDeadline,
  type BusinessCalendar,
} from '../../../src/domain/calendar.js';
import { ValidationError } from '../../../src/domain/errors.js';

const istanbul = createBusinessCalendar({ timeZone: 'Europe/Istanbul', saturdayIsBusinessDay: true });
const noSaturday = createBusinessCalendar({ timeZone: 'Europe/Istanbul', saturdayIsBusinessDay: false });
const at = (iso: string): Date => new Date(iso);
const H = 1 / 24;
const EVE_MORNING = 13 * H;

describe('businessDaysBetween (Europe/Istanbul)', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    ['Saturday 20:00 → Monday 09:00, Saturday working', istanbul, '2026-03-14T20:00:00+03:00', '2026-03-16T09:00:00+03:00', 4 * H + 9 * H],
    ['Saturday 20:00 → Monday 09:00, Saturday off', noSaturday, '2026-03-14T20:00:00+03:00', '2026-03-16T09:00:00+03:00', 9 * H],
    ['Friday 20:00 → Monday 09:00, Saturday off', noSaturday, '2026-03-13T20:00:00+03:00', '2026-03-16T09:00:00+03:00', 4 * H + 9 * H],
    ['a whole Sunday', istanbul, '2026-03-15T00:00:00+03:00', '2026-03-16T00:00:00+03:00', 0],
    ['08:00 → 20:00 on a working day', istanbul, '2026-03-17T08:00:00+03:00', '2026-03-17T20:00:00+03:00', 12 * H],
    ['Monday to Monday, Saturday working', istanbul, '2026-03-02T00:00:00+03:00', '2026-03-09T00:00:00+03:00', 6],
    ['Monday to Monday, Saturday off', noSaturday, '2026-03-02T00:00:00+03:00', '2026-03-09T00:00:00+03:00', 5],
    ['29 October (national holiday) alone', istanbul, '2026-10-29T00:00:00+03:00', '2026-10-30T00:00:00+03:00', 0],
    ['28 October half-day eve and 29 October', istanbul, '2026-10-28T00:00:00+03:00', '2026-10-30T00:00:00+03:00', EVE_MORNING],
    ['12:00 → 14:00 on 28 October (afternoon is off)', istanbul, '2026-10-28T12:00:00+03:00', '2026-10-28T14:00:00+03:00', H],
    ['the afternoon of 28 October', istanbul, '2026-10-28T13:00:00+03:00', '2026-10-29T00:00:00+03:00', 0],
    ['Ramazan Bayramı 2026 (eve 19 Mar, 20–22 Mar)', istanbul, '2026-03-18T12:00:00+03:00', '2026-03-24T00:00:00+03:00', 12 * H + EVE_MORNING + 1],
    ['Kurban Bayramı 2027 (eve Sat 15 May, 16–19 May)', istanbul, '2027-05-14T00:00:00+03:00', '2027-05-21T00:00:00+03:00', 1 + EVE_MORNING + 1],
    ['Kurban Bayramı 2027, Saturday eve off', noSaturday, '2027-05-14T00:00:00+03:00', '2027-05-21T00:00:00+03:00', 2],
    ['over Yılbaşı', istanbul, '2026-12-31T12:00:00+03:00', '2027-01-02T12:00:00+03:00', 12 * H + 12 * H],
    ['23 April 2029: national holiday beats the Kurban eve', istanbul, '2029-04-23T00:00:00+03:00', '2029-04-24T00:00:00+03:00', 0],
    ['a fixed holiday outside the table (23 April 2031)', istanbul, '2031-04-23T00:00:00+03:00', '2031-04-24T00:00:00+03:00', 0],
    ['the whole of 2026, Saturday working', istanbul, '2026-01-01T00:00:00+03:00', '2027-01-01T00:00:00+03:00', 298 + 3 * EVE_MORNING],
    ['the whole of 2026, Saturday off', noSaturday, '2026-01-01T00:00:00+03:00', '2027-01-01T00:00:00+03:00', 248 + 3 * EVE_MORNING],
  ])('counts %s', (_case, calendar, from, to, expected) => {
    expect(calendar.businessDaysBetween(at(from), at(to))).toBeCloseTo(expected, 9);
    expect(calendar.businessDaysBetween(at(to), at(from))).toBeCloseTo(-expected, 9);
  });

  it('is zero, not minus zero, for an empty or non-business span', () => {
    expect(Object.is(istanbul.businessDaysBetween(at('2026-03-17T10:00:00Z'), at('2026-03-17T10:00:00Z')), 0)).toBe(true);
    expect(Object.is(istanbul.businessDaysBetween(at('2026-03-15T20:00:00+03:00'), at('2026-03-15T08:00:00+03:00')), 0)).toBe(true);
  });

  it('rejects an invalid Date instead of returning a number', () => {
    expect(() => istanbul.businessDaysBetween(new Date('nope'), at('2026-03-17T10:00:00Z'))).toThrow(RangeError);
    expect(() => istanbul.businessDaysBetween(at('2026-03-17T10:00:00Z'), new Date('nope'))).toThrow(RangeError);
  });
});

describe('isBusinessDay and holidayName (Europe/Istanbul)', () => {
  it.each<[string, BusinessCalendar, string, boolean, string | null]>([
    ['an ordinary Tuesday', istanbul, '2026-03-17T10:00:00+03:00', true, null],
    ['a Sunday', istanbul, '2026-03-15T10:00:00+03:00', false, null],
    ['a Saturday (working)', istanbul, '2026-03-14T10:00:00+03:00', true, null],
    ['a Saturday (off)', noSaturday, '2026-03-14T10:00:00+03:00', false, null],
    ['Yılbaşı', istanbul, '2026-01-01T10:00:00+03:00', false, 'Yılbaşı'],
    ['23 April', istanbul, '2026-04-23T10:00:00+03:00', false, 'Ulusal Egemenlik ve Çocuk Bayramı'],
    ['1 May', istanbul, '2026-05-01T10:00:00+03:00', false, 'Emek ve Dayanışma Günü'],
    ['19 May', istanbul, '2026-05-19T10:00:00+03:00', false, "Atatürk'ü Anma, Gençlik ve Spor Bayramı"],
    ['15 July', istanbul, '2026-07-15T10:00:00+03:00', false, 'Demokrasi ve Millî Birlik Günü'],
    ['30 August (a Sunday too)', istanbul, '2026-08-30T10:00:00+03:00', false, 'Zafer Bayramı'],
    ['28 October evening: the morning still counts', istanbul, '2026-10-28T20:00:00+03:00', true, 'Cumhuriyet Bayramı arifesi'],
    ['29 October', istanbul, '2026-10-29T10:00:00+03:00', false, 'Cumhuriyet Bayramı'],
    ['21:30 UTC on 28 October, already 29 October in Istanbul', istanbul, '2026-10-28T21:30:00Z', false, 'Cumhuriyet Bayramı'],
    ['the Ramazan eve, evening', istanbul, '2026-03-19T20:00:00+03:00', true, 'Ramazan Bayramı arifesi'],
    ['Ramazan Bayramı day 1', istanbul, '2026-03-20T10:00:00+03:00', false, 'Ramazan Bayramı 1. gün'],
    ['the Kurban eve', istanbul, '2026-05-26T10:00:00+03:00', true, 'Kurban Bayramı arifesi'],
    ['Kurban Bayramı day 4', istanbul, '2026-05-30T10:00:00+03:00', false, 'Kurban Bayramı 4. gün'],
    ['19 May 2027, also Kurban day 4', istanbul, '2027-05-19T10:00:00+03:00', false, "Atatürk'ü Anma, Gençlik ve Spor Bayramı / Kurban Bayramı 4. gün"],
    ['23 April 2029, also the Kurban eve', istanbul, '2029-04-23T10:00:00+03:00', false, 'Ulusal Egemenlik ve Çocuk Bayramı / Kurban Bayramı arifesi'],
    ['a fixed holiday after the table (2035)', istanbul, '2035-04-23T10:00:00+03:00', false, 'Ulusal Egemenlik ve Çocuk Bayramı'],
    ['a likely bayram after the table: unknown, so working', istanbul, '2031-01-24T10:00:00+03:00', true, null],
  ])('%s', (_case, calendar, instant, businessDay, name) => {
    expect(calendar.isBusinessDay(at(instant))).toBe(businessDay);
    expect(calendar.holidayName(at(instant))).toBe(name);
  });
});

describe('the bayram table', () => {
  it('covers 2024–2030', () => {
    expect(HOLIDAY_TABLE_YEARS).toEqual({ from: 2024, to: 2030 });
  });

  // First days and what the eve morning is worth (0 when the eve is a Sunday or a whole holiday).
  it.each<[number, string, number, string, number]>([
    [2024, '2024-04-10', EVE_MORNING, '2024-06-16', EVE_MORNING],
    [2025, '2025-03-30', EVE_MORNING, '2025-06-06', EVE_MORNING],
    [2026, '2026-03-20', EVE_MORNING, '2026-05-27', EVE_MORNING],
    [2027, '2027-03-09', EVE_MORNING, '2027-05-16', EVE_MORNING],
    [2028, '2028-02-26', EVE_MORNING, '2028-05-05', EVE_MORNING],
    [2029, '2029-02-14', EVE_MORNING, '2029-04-24', 0],
    [2030, '2030-02-04', 0, '2030-04-13', EVE_MORNING],
  ])('%i has both bayrams with their eves', (_year, ramazan, ramazanEve, kurban, kurbanEve) => {
    for (const [first, length, name, eveMorning] of [
      [ramazan, 3, 'Ramazan Bayramı', ramazanEve],
      [kurban, 4, 'Kurban Bayramı', kurbanEve],
    ] as const) {
      const day = (offset: number, time: string): Date => new Date(Date.parse(`${first}T${time}+03:00`) + offset * 86_400_000);
      expect(istanbul.holidayName(day(-1, '10:00:00'))).toContain(`${name} arifesi`);
      expect(istanbul.businessDaysBetween(day(-1, '00:00:00'), day(-1, '13:00:00'))).toBeCloseTo(eveMorning, 9);
      expect(istanbul.businessDaysBetween(day(-1, '13:00:00'), day(0, '00:00:00'))).toBe(0);
      for (let i = 0; i < length; i += 1) {
        expect(istanbul.holidayName(day(i, '10:00:00'))).toContain(`${name} ${i + 1}. gün`);
        expect(istanbul.isBusinessDay(day(i, '10:00:00'))).toBe(false);
      }
      expect(istanbul.holidayName(day(length, '10:00:00')) ?? '').not.toContain(name);
    }
  });
});

describe('endOfBusinessDaysAfter (Europe/Istanbul)', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    ['Friday + 3 skips the Sunday', istanbul, '2026-03-13T10:00:00+03:00', 3, '2026-03-17T20:59:59.999Z'],
    ['Friday + 3 with Saturday off', noSaturday, '2026-03-13T10:00:00+03:00', 3, '2026-03-18T20:59:59.999Z'],
    ['shipped on the Ramazan eve morning + 3 skips the bayram', istanbul, '2026-03-19T10:00:00+03:00', 3, '2026-03-25T20:59:59.999Z'],
    ['Friday + 2 over Kurban 2027: the Saturday eve counts', istanbul, '2027-05-14T10:00:00+03:00', 2, '2027-05-20T20:59:59.999Z'],
    ['Tuesday 27 Oct + 1: the 28 October eve counts', istanbul, '2026-10-27T10:00:00+03:00', 1, '2026-10-28T20:59:59.999Z'],
    ['Wednesday 28 Oct + 1 skips 29 October', istanbul, '2026-10-28T10:00:00+03:00', 1, '2026-10-30T20:59:59.999Z'],
    ['0 on a Sunday is the Monday', istanbul, '2026-03-15T10:00:00+03:00', 0, '2026-03-16T20:59:59.999Z'],
    ['0 on a working day is that day', istanbul, '2026-03-17T10:00:00+03:00', 0, '2026-03-17T20:59:59.999Z'],
    ['0 on an eve afternoon is that day', istanbul, '2026-03-19T15:00:00+03:00', 0, '2026-03-19T20:59:59.999Z'],
    ['0 on a bayram day is the first day after it', istanbul, '2026-03-20T10:00:00+03:00', 0, '2026-03-23T20:59:59.999Z'],
    ['counts from the shop-local day (22:30 UTC Friday is Saturday)', noSaturday, '2026-03-13T22:30:00Z', 1, '2026-03-16T20:59:59.999Z'],
    ['rounds fractional days up', istanbul, '2026-03-16T10:00:00+03:00', 1.5, '2026-03-18T20:59:59.999Z'],
  ])('%s', (_case, calendar, from, days, expected) => {
    expect(calendar.endOfBusinessDaysAfter(at(from), days).toISOString()).toBe(expected);
  });

  it('rejects negative or non-finite day counts', () => {
    expect(() => istanbul.endOfBusinessDaysAfter(at('2026-03-16T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => istanbul.endOfBusinessDaysAfter(at('2026-03-16T10:00:00Z'), Number.NaN)).toThrow(RangeError);
  });
});

describe('endOfDay and localDate in any zone', () => {
  const berlin = createBusinessCalendar({ timeZone: 'Europe/Berlin', saturdayIsBusinessDay: true });
  const santiago = createBusinessCalendar({ timeZone: 'America/Santiago', saturdayIsBusinessDay: true });

  it.each<[string, BusinessCalendar, string, string]>([
    ['Istanbul', istanbul, '2026-03-04', '2026-03-04T20:59:59.999Z'],
    ['Berlin, winter time', berlin, '2026-03-28', '2026-03-28T22:59:59.999Z'],
    ['Berlin, the 23-hour day', berlin, '2026-03-29', '2026-03-29T21:59:59.999Z'],
    ['Berlin, the 25-hour day', berlin, '2026-10-25', '2026-10-25T22:59:59.999Z'],
    ['Santiago, before a midnight that does not exist', santiago, '2026-09-05', '2026-09-06T03:59:59.999Z'],
  ])('ends the day at local midnight: %s', (_case, calendar, date, expected) => {
    expect(calendar.endOfDay(date).toISOString()).toBe(expected);
  });

  it.each<[string, BusinessCalendar, string, string]>([
    ['Istanbul after 21:00 UTC', istanbul, '2026-03-04T21:30:00Z', '2026-03-05'],
    ['Istanbul before 21:00 UTC', istanbul, '2026-03-04T20:59:59.999Z', '2026-03-04'],
    ['Berlin, summer', berlin, '2026-07-01T22:30:00Z', '2026-07-02'],
    ['Berlin, winter', berlin, '2026-01-01T22:30:00Z', '2026-01-01'],
    ['Berlin, just after the spring change', berlin, '2026-03-29T01:30:00Z', '2026-03-29'],
  ])('reads the local date: %s', (_case, calendar, instant, expected) => {
    expect(calendar.localDate(at(instant))).toBe(expected);
  });

  it('counts a 25-hour working day as one business day', () => {
    // Chile leaves summer time at midnight between Saturday 4 and Sunday 5 April 2026.
    expect(santiago.businessDaysBetween(at('2026-04-04T00:00:00-03:00'), at('2026-04-05T00:00:00-04:00'))).toBeCloseTo(1, 9);
    expect(santiago.businessDaysBetween(at('2026-04-04T00:00:00-03:00'), at('2026-04-04T12:30:00-04:00'))).toBeCloseTo(13.5 / 25, 9);
  });

  it('rejects dates that are not calendar dates, and unknown zones', () => {
    expect(() => istanbul.endOfDay('2026-02-30')).toThrow(RangeError);
    expect(() => istanbul.endOfDay('4 March')).toThrow(RangeError);
    expect(() => createBusinessCalendar({ timeZone: 'Mars/Olympus', saturdayIsBusinessDay: true })).toThrow(/Mars\/Olympus/);
  });
});

describe('promisedDeadline', () => {
  const friday = at('2026-03-13T10:00:00+03:00');

  it.each<[string, Parameters<typeof promisedDeadline>[0], Readonly<Record<string, number>> | undefined, string | null]>([
    ['a promised date is the end of that day in shop time', { promisedBy: '2026-03-04', shippedAt: null, serviceLevel: null }, undefined, '2026-03-04T20:59:59.999Z'],
    ['a promised instant is taken as it is, before any service level', { promisedBy: '2026-03-04T12:00:00+03:00', shippedAt: friday, serviceLevel: 'economy' }, undefined, '2026-03-04T09:00:00.000Z'],
    ['shippedAt + standard (3 business days)', { promisedBy: null, shippedAt: friday, serviceLevel: 'standard' }, undefined, '2026-03-17T20:59:59.999Z'],
    ['shippedAt + economy (10 business days, over Ramazan Bayramı)', { promisedBy: null, shippedAt: friday, serviceLevel: 'economy' }, undefined, '2026-03-27T20:59:59.999Z'],
    ['same day on a Sunday is the Monday', { promisedBy: null, shippedAt: at('2026-03-15T10:00:00+03:00'), serviceLevel: 'same_day' }, undefined, '2026-03-16T20:59:59.999Z'],
    ['configured days replace the defaults', { promisedBy: null, shippedAt: friday, serviceLevel: 'standard' }, { ...DEFAULT_SERVICE_LEVEL_DAYS, standard: 1 }, '2026-03-14T20:59:59.999Z'],
    ['a level missing from the configuration uses the default', { promisedBy: null, shippedAt: friday, serviceLevel: 'standard' }, { express: 5 }, '2026-03-17T20:59:59.999Z'],
    ['null without promisedBy or service level', { promisedBy: null, shippedAt: friday, serviceLevel: null }, undefined, null],
    ['null without promisedBy or shippedAt', { promisedBy: null, shippedAt: null, serviceLevel: 'standard' }, undefined, null],
    ['null when nothing is known', { promisedBy: null, shippedAt: null, serviceLevel: null }, undefined, null],
  ])('%s', (_case, input, days, expected) => {
    expect(promisedDeadline(input, istanbul, days)?.toISOString() ?? null).toBe(expected);
  });

  it.each(['next week', '2026-02-30', '2026-03-04T12:00:00'])('rejects promisedBy %p, naming the field', (promisedBy) => {
    const attempt = () => promisedDeadline({ promisedBy, shippedAt: null, serviceLevel: null }, istanbul);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'promisedBy' }));
  });
});
