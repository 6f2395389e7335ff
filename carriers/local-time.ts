import { parse, isValid } from 'date-fns';
import { tz } from '@date-fns/tz';

/**
 * Reads a carrier's local timestamp (Turkish carriers send `dd.MM.yyyy HH:mm` with no offset) in the
 * carrier's zone and returns the UTC instant, or null when the text does not fit the format.
 */
export function parseCarrierLocalTime(text: string, format: string, timeZone: string): Date | null {
  const parsed = parse(text.trim(), format, new Date(0), { in: tz(timeZone) });
  return isValid(parsed) ? new Date(parsed.getTime()) : null;
}

/** Turkish carriers send local Turkey time with no offset (research carriers-tr.md §0.1). */
export const TURKEY_TIME_ZONE = 'Europe/Istanbul';

/** Tries each format in turn; the first that reads the whole text wins. */
export function parseTurkishTime(text: string, formats: readonly string[]): Date | null {
  for (const format of formats) {
    const parsed = parseCarrierLocalTime(text, format, TURKEY_TIME_ZONE);
    if (parsed) return parsed;
  }
  return null;
}
