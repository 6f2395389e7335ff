/**
 * Kolay Gelsin numbers (research §8): the carrier's `ShipmentId` is a plain number (e.g. 70000)
 * with no documented length, prefix or check digit, and the shop's `CustomerBarcode` is whatever
 * the shop printed. Neither can be told apart from other carriers' numbers, so detection never
 * claims a number for Kolay Gelsin: the shop names the carrier when registering.
 */

/** The shape of a Kolay Gelsin ShipmentId: digits, no leading zero. Used to check, not to detect. */
export const KOLAYGELSIN_SHIPMENT_ID_PATTERN = /^[1-9]\d{0,18}$/;

export function isKolayGelsinShipmentId(value: string): boolean {
  return KOLAYGELSIN_SHIPMENT_ID_PATTERN.test(value);
}

/** No pattern or check digit is documented: recognising any number would only be a guess. */
export function recognisesKolayGelsinNumber(trackingNumber: string): boolean {
  void trackingNumber;
  return false;
}
