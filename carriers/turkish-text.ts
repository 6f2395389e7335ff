/**
 * Matching on Turkish text: "İADE", "iade" and "Iade" must meet, and "ı" must not turn into "i"
 * the way the default locale would fold it. Keys are lower-cased with Turkish rules and spaces
 * collapsed; the carrier's text itself is always stored verbatim.
 */
export function turkishKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('tr-TR');
}

export function containsTurkish(haystack: string, needle: string): boolean {
  return turkishKey(haystack).includes(turkishKey(needle));
}
