/**
 * PTT barcodes: 13 digits, a 12-digit number from the range PTT allocates to the shop plus an
 * EAN-13-style check digit (weights 1,3,1,3… from the left; research §4, PTT-02 [V], PTT-AH
 * `getBarcode` [M]). Prefixed e-commerce forms (`KP…`) are seen once and not recognised here: a
 * shop with such numbers registers them with `carrier: 'ptt'`. Many 13-digit numbers pass an EAN
 * check by chance, so other carriers may claim the same number; registration then asks.
 */
export const PTT_BARCODE_PATTERN = /^\d{13}$/;

/** The check digit of the first twelve digits. */
export function pttCheckDigit(twelveDigits: string): number {
  let sum = 0;
  for (let i = 0; i < twelveDigits.length; i += 1) sum += Number(twelveDigits[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** Builds a valid barcode from a 12-digit range number (for tests and docs). */
export function pttBarcode(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new RangeError('a PTT barcode range number has 12 digits');
  return `${twelveDigits}${pttCheckDigit(twelveDigits)}`;
}

/** Pattern and check digit, no I/O. Input arrives normalised (uppercase, no spaces). */
export function recognisesPttBarcode(trackingNumber: string): boolean {
  if (!PTT_BARCODE_PATTERN.test(trackingNumber)) return false;
  return pttCheckDigit(trackingNumber.slice(0, 12)) === Number(trackingNumber[12]);
}
