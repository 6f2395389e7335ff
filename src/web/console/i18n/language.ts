/**
 * Turkish first (the first market), English second. Every view keeps its own strings in both
 * languages in one object, typed so a key missing in one language is a compile error.
 */
export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_ITEM = 'shipwatch.language';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_ITEM);
    if (saved === 'tr' || saved === 'en') return saved;
  } catch {
    // Storage may be off (private mode); the browser's language decides then.
  }
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'tr';
}

let current: Language = initialLanguage();

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(LANGUAGE_ITEM, next);
  } catch {
    // Remembered for this page only.
  }
}

export type Strings<K extends string> = Record<Language, Record<K, string>>;

/** The current language's half of a view's strings. */
export function pick<K extends string>(strings: Strings<K>): Record<K, string> {
  return strings[current];
}

/** "{n} shipments" with { n: 3 } → "3 shipments". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Dates and numbers in the language's own way: dd.MM.yyyy for Turkish. */
export function locale(): string {
  return current === 'tr' ? 'tr-TR' : 'en-GB';
}
