/**
 * Aras tracking numbers: 13 digits, unique (research §2 "Numbers & links", [V: ARAS-LINK]). No
 * check digit is documented, so detection is the pattern alone: a 13-digit number may belong to
 * other carriers too, and registration then asks for `carrier`. The 20-digit piece barcode is not
 * a tracking number and is not recognised.
 */
export const ARAS_TRACKING_NUMBER_PATTERN = /^\d{13}$/;

export function recognisesArasNumber(trackingNumber: string): boolean {
  return ARAS_TRACKING_NUMBER_PATTERN.test(trackingNumber);
}
