/**
 * Sürat's own tracking number, `KargoTakipNo`, is 14 digits (e.g. `25220148446193`; research
 * carriers-tr.md §5 "Numbers", [M]). No check digit is documented, so detection is the pattern
 * only: conservative on purpose, since other carriers also use long numeric numbers and
 * registration asks for `carrier` when more than one recognises a number.
 */
export const SURAT_TRACKING_NUMBER_PATTERN = /^\d{14}$/;

/** Pattern only, no I/O. Input arrives normalised (no spaces). */
export function recognisesSuratNumber(trackingNumber: string): boolean {
  return SURAT_TRACKING_NUMBER_PATTERN.test(trackingNumber) && !/^0+$/.test(trackingNumber);
}
