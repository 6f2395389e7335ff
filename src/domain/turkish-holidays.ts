/**
 * Turkish public holidays (Law 2429 on national and general holidays, as amended by Law 6752 in
 * 2016, which added 15 July). The fixed holidays repeat every year. Ramazan and Kurban Bayramı follow
 * the Hijri calendar, so the first day of each is listed per year below. The day before each bayram
 * (arife) and 28 October are half days: the holiday starts at 13:00 local time.
 *
 * Source of the bayram table: the Diyanet İşleri Başkanlığı (Presidency of Religious Affairs)
 * "Dini Günler" calendars and its official-holiday list (vakithesaplama.diyanet.gov.tr, "Resmî
 * Tatiller"). The government announces each year's holiday days, and may add administrative leave
 * days that are not in this table. How each date was checked:
 *  - 2024, 2025, 2026: both bayrams and their arifes as printed in Diyanet's calendars, quoted by
 *    Habertürk, NTV, Dünya, Ekonomist and Yeni Şafak.
 *  - 2027, 2028, 2030: agree in two independent tables, python-holidays (TurkeyIslamicHolidays) and
 *    the Ruby `holidays` gem (whose Turkish table cites the Diyanet page above for 2021–2030).
 *  - Kurban Bayramı 2029: agrees in both tables.
 *  - Ramazan Bayramı 2029: the sources disagree. python-holidays has 14 February; the Ruby gem has
 *    15 February. 14 February is kept because the Diyanet rule (2016 Istanbul Hijri calendar
 *    congress: elongation ≥ 8° and altitude ≥ 5° at sunset, with the Americas exception) gives 14
 *    February, and the same rule reproduces Diyanet's 2027 and 2028 dates. The Diyanet page itself
 *    could not be read: re-check this one date against it before February 2029.
 */
export const HOLIDAY_TABLE_YEARS = { from: 2024, to: 2030 } as const;

/** First day (`YYYY-MM-DD`) of each bayram, per year. */
export const BAYRAM_FIRST_DAYS: Readonly<Record<number, { ramazan: string; kurban: string }>> = {
  2024: { ramazan: '2024-04-10', kurban: '2024-06-16' },
  2025: { ramazan: '2025-03-30', kurban: '2025-06-06' },
  2026: { ramazan: '2026-03-20', kurban: '2026-05-27' },
  2027: { ramazan: '2027-03-09', kurban: '2027-05-16' },
  2028: { ramazan: '2028-02-26', kurban: '2028-05-05' },
  2029: { ramazan: '2029-02-14', kurban: '2029-04-24' },
  2030: { ramazan: '2030-02-04', kurban: '2030-04-13' },
};

/** Whole-day holidays every year, `MM-DD` → official name. */
export const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': 'Yılbaşı',
  '04-23': 'Ulusal Egemenlik ve Çocuk Bayramı',
  '05-01': 'Emek ve Dayanışma Günü',
  '05-19': "Atatürk'ü Anma, Gençlik ve Spor Bayramı",
  '07-15': 'Demokrasi ve Millî Birlik Günü',
  '08-30': 'Zafer Bayramı',
  '10-29': 'Cumhuriyet Bayramı',
};

/** Half-day holidays every year, `MM-DD` → name. */
export const FIXED_HALF_DAYS: Readonly<Record<string, string>> = {
  '10-28': 'Cumhuriyet Bayramı arifesi',
};

/** Local hour at which a half-day holiday begins (Law 2429: "saat 13.00'ten itibaren"). */
export const HALF_DAY_STARTS_AT_HOUR = 13;

export interface HolidayDay {
  /** Turkish name; two holidays on one day are joined with " / ". */
  readonly name: string;
  /** True when only the afternoon is off (an arife); a whole-day holiday on the same day wins. */
  readonly half: boolean;
}

/** Every holiday of one Gregorian year, `YYYY-MM-DD` → what it is. Bayrams only inside the table. */
export function turkishHolidaysOf(year: number): ReadonlyMap<string, HolidayDay> {
  const days = new Map<string, HolidayDay>();
  const add = (date: string, name: string, half: boolean): void => {
    const existing = days.get(date);
    days.set(date, existing ? { name: `${existing.name} / ${name}`, half: existing.half && half } : { name, half });
  };
  for (const [monthDay, name] of Object.entries(FIXED_HOLIDAYS)) add(`${year}-${monthDay}`, name, false);
  for (const [monthDay, name] of Object.entries(FIXED_HALF_DAYS)) add(`${year}-${monthDay}`, name, true);
  // A bayram can straddle New Year (not within 2024–2030, but the table may grow): look at both years.
  for (const tableYear of [year - 1, year, year + 1]) {
    const bayrams = BAYRAM_FIRST_DAYS[tableYear];
    if (!bayrams) continue;
    for (const [first, length, name] of [
      [bayrams.ramazan, 3, 'Ramazan Bayramı'],
      [bayrams.kurban, 4, 'Kurban Bayramı'],
    ] as const) {
      const eve = addDays(first, -1);
      if (eve.startsWith(`${year}-`)) add(eve, `${name} arifesi`, true);
      for (let i = 0; i < length; i += 1) {
        const day = addDays(first, i);
        if (day.startsWith(`${year}-`)) add(day, `${name} ${i + 1}. gün`, false);
      }
    }
  }
  return days;
}

/** Calendar arithmetic on `YYYY-MM-DD`, independent of any time zone. */
function addDays(isoDate: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
