/**
 * Carrier detection from the shape of a tracking number, with a confidence per candidate
 * (issue 5 §7). STUB: filled in by the detection work; signatures are fixed.
 */
export interface DetectionCandidate {
  carrier: string;
  confidence: number;
}

/** UPS 1Z numbers (check digit), UPS Mail Innovations etc. 0 when it does not fit. */
export function upsConfidence(_trackingNumber: string): number {
  return 0;
}

/** FedEx 12/15/20/22-digit numbers and door tags (check digits). */
export function fedexConfidence(_trackingNumber: string): number {
  return 0;
}

/** USPS IMpb (20–34 digits, mod-10) and S10 numbers ending in US. */
export function uspsConfidence(_trackingNumber: string): number {
  return 0;
}

/** DHL Express 10-digit waybills (mod 7), DHL eCommerce/Parcel shapes. */
export function dhlConfidence(_trackingNumber: string): number {
  return 0;
}
