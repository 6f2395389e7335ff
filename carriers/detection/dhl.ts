/**
 * DHL numbers, across the divisions DHL's Unified Tracking API answers for (sources in
 * test/fixtures/detection/README.md):
 * - Express waybill: 10 digits, the first nine mod 7 give the check digit (`7777777770`). An
 *   11-digit variant with the same rule is listed by tracking_number_data only: weaker.
 * - Parcel Germany (DHL Paket): 20-digit piece code `003404…` (Deutsche Post's GS1 prefix, GS1
 *   mod-10 check digit); 12-digit Identcode (weights 4,9, mod 10), a shape FedEx Express shares;
 *   `JJD` + digits.
 * - Express piece IDs and licence plates: `JJD…`, `JVGL…`, `JD` + 18 digits; no check digit.
 * - eCommerce: `GM` (Global Mail) + 16–22 digits; other eCommerce prefixes (`LX`, `RX`, `CN`…) +
 *   digits, seen only in tracking_number_data: pattern only, weak.
 */
import { gs1Valid, identcodeValid, mod7Valid } from './check-digits.js';

const RULES: readonly { pattern: RegExp; confidence: number; valid: (n: string) => boolean }[] = [
  { pattern: /^003404\d{14}$/, confidence: 0.9, valid: gs1Valid },
  { pattern: /^\d{10}$/, confidence: 0.7, valid: mod7Valid },
  { pattern: /^\d{12}$/, confidence: 0.5, valid: identcodeValid },
  { pattern: /^(J[A-Z]{2,3}\d{9,20}|JD\d{18})$/, confidence: 0.5, valid: () => true },
  { pattern: /^GM\d{16,22}$/, confidence: 0.5, valid: () => true },
  { pattern: /^\d{11}$/, confidence: 0.4, valid: mod7Valid },
  { pattern: /^(LX|RX|UV|CN|SG|TH|IN|HK|MY)\d{10,39}$/, confidence: 0.3, valid: () => true },
];

/** DHL's numbers by shape and check digit; 0 for anything else. Input arrives normalised. */
export function dhlConfidence(trackingNumber: string): number {
  for (const rule of RULES) {
    if (rule.pattern.test(trackingNumber) && rule.valid(trackingNumber)) return rule.confidence;
  }
  return 0;
}
