/**
 * Turkish public holidays (Law 2429 on national holidays and general holidays). The fixed ones
 * repeat every year; Ramazan and Kurban Bayramı follow the lunar calendar, so their first days are
 * listed per year as published in the Diyanet İşleri Başkanlığı (Presidency of Religious Affairs)
 * "Dini Günler ve Geceler" calendars and the government's yearly holiday announcements.
 * The eve (arife) of each bayram, and 28 October, are half days: the holiday starts at 13:00.
 */
export const HOLIDAY_TABLE_YEARS = { from: 2024, to: 2030 } as const;

/** First day of each bayram, `YYYY-MM-DD`, per year. */
export const RELIGIOUS_HOLIDAYS: Readonly<Record<number, { ramazan: string; kurban: string }>> = {
  2024: { ramazan: '2024-04-10', kurban: '2024-06-16' },
  2025: { ramazan: '2025-03-30', kurban: '2025-06-06' },
  2026: { ramazan: '2026-03-20', kurban: '2026-05-27' },
  2027: { ramazan: '2027-03-09', kurban: '2027-05-16' },
  2028: { ramazan: '2028-02-26', kurban: '2028-05-05' },
  2029: { ramazan: '2029-02-14', kurban: '2029-04-24' },
  2030: { ramazan: '2030-02-04', kurban: '2030-04-13' },
};

/** `MM-DD` → name; whole-day holidays every year. */
export const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': 'Yılbaşı',
  '04-23': 'Ulusal Egemenlik ve Çocuk Bayramı',
  '05-01': 'Emek ve Dayanışma Günü',
  '05-19': "Atatürk'ü Anma, Gençlik ve Spor Bayramı",
  '07-15': 'Demokrasi ve Millî Birlik Günü',
  '08-30': 'Zafer Bayramı',
  '10-29': 'Cumhuriyet Bayramı',
};

/** `MM-DD` → name; half days every year. */
export const FIXED_HALF_DAYS: Readonly<Record<string, string>> = {
  '10-28': 'Cumhuriyet Bayramı arifesi',
};

/** Local hour at which a half-day holiday begins. */
export const HALF_DAY_ENDS_AT_HOUR = 13;

export interface HolidayDay {
  name: string;
  half: boolean;
}

/** Every holiday date of one year, `YYYY-MM-DD` → what it is. */
export function holidaysOfYear(year: number): Map<string, HolidayDay> {
  const days = new Map<string, HolidayDay>();
  for (const [md, name] of Object.entries(FIXED_HOLIDAYS)) days.set(`${year}-${md}`, { name, half: false });
  for (const [md, name] of Object.entries(FIXED_HALF_DAYS)) days.set(`${year}-${md}`, { name, half: true });
  const religious = RELIGIOUS_HOLIDAYS[year];
  if (religious) {
    addBayram(days, religious.ramazan, 3, 'Ramazan Bayramı');
    addBayram(days, religious.kurban, 4, 'Kurban Bayramı');
  }
  return days;
}

function addBayram(days: Map<string, HolidayDay>, first: string, length: number, name: string): void {
  days.set(shiftDate(first, -1), { name: `${name} arifesi`, half: true });
  for (let i = 0; i < length; i += 1) days.set(shiftDate(first, i), { name: `${name} ${i + 1}. gün`, half: false });
}

/** Calendar arithmetic on `YYYY-MM-DD` strings, free of any time zone. */
export function shiftDate(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}
