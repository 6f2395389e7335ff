/**
 * MNG tracking numbers. MNG documents no pattern or check digit for the REST `shipmentId`
 * (research §3a). The only documented hint is Trendyol's: marketplace tracking numbers starting
 * with 728 belong to MNG [V: TY-DOC, research §0.4], 13 digits like Trendyol's other numbers.
 * Other shapes seen once (legacy `GONDERI_NO` like `NZ197406`, 10-digit self-barcodes) are too
 * thin to claim: registration asks for `carrier` instead. No I/O.
 */
export const MNG_TRENDYOL_PATTERN = /^728\d{10}$/;

export function recognisesMngNumber(trackingNumber: string): boolean {
  return MNG_TRENDYOL_PATTERN.test(trackingNumber);
}
