/**
 * UPS numbers (sources in test/fixtures/detection/README.md):
 * - 1Z: `1Z` + 6-character shipper number + 2-character service + 7-character package number +
 *   a mod-10 check digit over the 15 characters after `1Z`, letters turned into digits.
 * - Waybill: one of A, H, J, K, T, V + 9 digits + a mod-10 check digit; listed only by
 *   tracking_number_data, so weaker.
 * UPS Mail Innovations and SurePost parcels carry USPS IMpb numbers, which usps.ts claims; UPS's
 * Track Alert API takes only 1Z (and Roadie 1R) numbers (research carriers-global.md §2).
 */
import { ups1zValid, upsWaybillValid } from './check-digits.js';

/** 1Z is UPS's alone, so a verified check digit makes it near certain. */
export const UPS_1Z_CONFIDENCE = 0.98;

/** UPS 1Z and waybill numbers with a valid check digit; 0 for anything else. Input arrives normalised. */
export function upsConfidence(trackingNumber: string): number {
  if (ups1zValid(trackingNumber)) return UPS_1Z_CONFIDENCE;
  return upsWaybillValid(trackingNumber) ? 0.5 : 0;
}
