import { createBusinessCalendar, DEFAULT_SERVICE_LEVEL_DAYS, HOLIDAY_TABLE_YEARS, promisedDeadline } from '../../../src/domain/calendar.js';

const istanbul = createBusinessCalendar({ timeZone: 'Europe/Istanbul', saturdayIsBusinessDay: true });
const noSaturday = createBusinessCalendar({ timeZone: 'Europe/Istanbul', saturdayIsBusinessDay: false });
const at = (iso: string) => new Date(iso);
const H = 1 / 24;

describe('business calendar (Europe/Istanbul)', () => {
  it.each([
    ['over a Sunday, Saturday working', istanbul, '2026-03-14T20:00:00+03:00', '2026-03-16T09:00:00+03:00', 4 * H + 9 * H],
    ['over a weekend, Saturday off', noSaturday, '2026-03-13T20:00:00+03:00', '2026-03-16T09:00:00+03:00', 4 * H + 9 * H],
    ['within one working day', istanbul, '2026-03-17T08:00:00+03:00', '2026-03-17T20:00:00+03:00', 12 * H],
    ['a full working week day to day', istanbul, '2026-03-02T00:00:00+03:00', '2026-03-09T00:00:00+03:00', 6],
    ['over Cumhuriyet Bayramı (28 Oct half, 29 Oct off)', istanbul, '2026-10-28T00:00:00+03:00', '2026-10-30T00:00:00+03:00', 13 * H],
    ['over Ramazan Bayramı 2026 (eve 19 Mar, 20–22 Mar)', istanbul, '2026-03-18T12:00:00+03:00', '2026-03-24T00:00:00+03:00', 12 * H + 13 * H + 1],
    ['over Kurban Bayramı 2027 (eve 15 May, 16–19 May)', istanbul, '2027-05-14T00:00:00+03:00', '2027-05-21T00:00:00+03:00', 1 + 13 * H + 1],
  ])('counts business time %s', (_what, calendar, from, to, expected) => {
    expect(calendar.businessDaysBetween(at(from), at(to))).toBeCloseTo(expected, 6);
  });

  it('is negative when the end comes first', () => {
    expect(istanbul.businessDaysBetween(at('2026-03-17T20:00:00+03:00'), at('2026-03-17T08:00:00+03:00'))).toBeCloseTo(-0.5, 6);
  });

  it('knows which days are business days and names the holidays', () => {
    expect(istanbul.isBusinessDay(at('2026-03-15T12:00:00+03:00'))).toBe(false); // Sunday
    expect(istanbul.isBusinessDay(at('2026-03-14T12:00:00+03:00'))).toBe(true); // Saturday
    expect(noSaturday.isBusinessDay(at('2026-03-14T12:00:00+03:00'))).toBe(false);
    expect(istanbul.isBusinessDay(at('2026-03-19T20:00:00+03:00'))).toBe(true); // eve: the morning counts
    expect(istanbul.isBusinessDay(at('2026-03-20T10:00:00+03:00'))).toBe(false);
    expect(istanbul.holidayName(at('2026-03-19T10:00:00+03:00'))).toBe('Ramazan Bayramı arifesi');
    expect(istanbul.holidayName(at('2026-05-30T10:00:00+03:00'))).toBe('Kurban Bayramı 4. gün');
    expect(istanbul.holidayName(at('2026-10-29T10:00:00+03:00'))).toBe('Cumhuriyet Bayramı');
    expect(istanbul.holidayName(at('2026-03-17T10:00:00+03:00'))).toBeNull();
    // Midnight UTC is already the next day in Istanbul.
    expect(istanbul.holidayName(at('2026-10-28T21:30:00Z'))).toBe('Cumhuriyet Bayramı');
  });

  it('has both bayrams and their eves for every year of the table', () => {
    for (let year = HOLIDAY_TABLE_YEARS.from; year <= HOLIDAY_TABLE_YEARS.to; year += 1) {
      const names = new Set<string>();
      for (let day = 0; day < 366; day += 1) {
        const name = istanbul.holidayName(new Date(Date.UTC(year, 0, 1 + day, 9)));
        if (name) names.add(name);
      }
      for (const expected of ['Ramazan Bayramı arifesi', 'Ramazan Bayramı 3. gün', 'Kurban Bayramı arifesi', 'Kurban Bayramı 4. gün']) {
        expect([year, names.has(expected)]).toEqual([year, true]);
      }
    }
  });

  it('still knows the fixed holidays outside the table', () => {
    expect(istanbul.holidayName(at('2035-04-23T10:00:00+03:00'))).toBe('Ulusal Egemenlik ve Çocuk Bayramı');
  });

  it('finds the end of the n-th business day, skipping Sundays and bayrams', () => {
    // Friday + 3 business days: Sat, (Sun), Mon, Tue.
    expect(istanbul.endOfBusinessDaysAfter(at('2026-03-13T10:00:00+03:00'), 3).toISOString()).toBe('2026-03-17T20:59:59.999Z');
    // Shipped on the Ramazan eve morning: the bayram (20–22 Mar) does not count.
    expect(istanbul.endOfBusinessDaysAfter(at('2026-03-19T10:00:00+03:00'), 3).toISOString()).toBe('2026-03-25T20:59:59.999Z');
    // Same day on a Sunday means Monday.
    expect(istanbul.endOfBusinessDaysAfter(at('2026-03-15T10:00:00+03:00'), 0).toISOString()).toBe('2026-03-16T20:59:59.999Z');
  });

  it('reads dates in the shop zone', () => {
    expect(istanbul.endOfDay('2026-03-04').toISOString()).toBe('2026-03-04T20:59:59.999Z');
    expect(istanbul.localDate(at('2026-03-04T21:30:00Z'))).toBe('2026-03-05');
  });
});

describe('business calendar in a zone with summer time', () => {
  const berlin = createBusinessCalendar({ timeZone: 'Europe/Berlin', saturdayIsBusinessDay: true });
  it('ends days at local midnight on both sides of the clock change', () => {
    expect(berlin.endOfDay('2026-03-28').toISOString()).toBe('2026-03-28T22:59:59.999Z');
    expect(berlin.endOfDay('2026-03-30').toISOString()).toBe('2026-03-30T21:59:59.999Z');
    expect(berlin.localDate(at('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
  it('counts the short day as one whole business day', () => {
    // 29 Mar 2026 is a Sunday (the change); check the Monday after a 23-hour day is still 1.
    expect(berlin.businessDaysBetween(at('2026-03-30T00:00:00+02:00'), at('2026-03-31T00:00:00+02:00'))).toBeCloseTo(1, 6);
  });
});

describe('promisedDeadline', () => {
  it('reads a promised date as the end of that day in shop time', () => {
    expect(promisedDeadline({ promisedBy: '2026-03-04', shippedAt: null, serviceLevel: null }, istanbul)?.toISOString()).toBe('2026-03-04T20:59:59.999Z');
  });
  it('takes a promised instant as it is', () => {
    expect(promisedDeadline({ promisedBy: '2026-03-04T12:00:00+03:00', shippedAt: null, serviceLevel: 'economy' }, istanbul)?.toISOString()).toBe('2026-03-04T09:00:00.000Z');
  });
  it('adds the service level business days to shippedAt', () => {
    expect(promisedDeadline({ promisedBy: null, shippedAt: at('2026-03-13T10:00:00+03:00'), serviceLevel: 'standard' }, istanbul)?.toISOString()).toBe('2026-03-17T20:59:59.999Z');
    expect(promisedDeadline({ promisedBy: null, shippedAt: at('2026-03-13T10:00:00+03:00'), serviceLevel: 'standard' }, istanbul, { ...DEFAULT_SERVICE_LEVEL_DAYS, standard: 1 })?.toISOString()).toBe('2026-03-14T20:59:59.999Z');
  });
  it('is null when nothing is known', () => {
    expect(promisedDeadline({ promisedBy: null, shippedAt: at('2026-03-13T10:00:00+03:00'), serviceLevel: null }, istanbul)).toBeNull();
    expect(promisedDeadline({ promisedBy: null, shippedAt: null, serviceLevel: 'standard' }, istanbul)).toBeNull();
  });
});
