/**
 * FedEx numbers (sources in test/fixtures/detection/README.md):
 * - Express: 12 digits, mod 11 with weights 1,3,7 from the right. Most 12-digit numbers in the
 *   wild are FedEx's, but DHL Paket's 12-digit Identcode shares the shape.
 * - Ground: 15 digits = 7-digit account + 7-digit package + GS1 mod-10 check digit.
 * - Ground "96" barcode: 22 digits = `96` + 2-digit SCNC + 3-digit service + the 15-digit Ground
 *   number, whose own check digit is verified. 96 is no USPS channel identifier (91–95).
 * - 34-digit barcodes (`100…` Express, `96…` Ground GSN): the last 12 digits are the Express-style
 *   tracking number with its mod-11 check digit.
 * - SSCC-18 on Ground labels: `00` + 16 digits + GS1 check digit (any GS1 shipper uses SSCCs).
 * - Ground Economy (SmartPost): an IMpb number, 22 digits with AI `92`, or 20 digits with the
 *   AI left off (the check digit still counts the `92`, or `91` on older labels). USPS delivers
 *   these and tracks them too, so usps.ts claims the 22-digit form as well, a little higher.
 * - Door tags: `DT` + 12 digits; no check digit is documented.
 */
import { fedexMod11Valid, gs1Valid } from './check-digits.js';

/** FedEx shapes and their confidence when the check digit verifies; first match wins. */
const RULES: readonly { pattern: RegExp; confidence: number; valid: (n: string) => boolean }[] = [
  { pattern: /^\d{12}$/, confidence: 0.8, valid: fedexMod11Valid },
  { pattern: /^\d{15}$/, confidence: 0.7, valid: gs1Valid },
  { pattern: /^96\d{20}$/, confidence: 0.9, valid: (n) => gs1Valid(n.slice(-15)) },
  { pattern: /^(100\d|96\d\d)\d{30}$/, confidence: 0.9, valid: (n) => fedexMod11Valid(n.slice(-12)) },
  { pattern: /^00\d{16}$/, confidence: 0.5, valid: gs1Valid },
  { pattern: /^92\d{20}$/, confidence: 0.6, valid: gs1Valid },
  { pattern: /^\d{20}$/, confidence: 0.6, valid: (n) => gs1Valid(`92${n}`) },
  { pattern: /^\d{20}$/, confidence: 0.45, valid: (n) => gs1Valid(`91${n}`) },
  { pattern: /^DT\d{12}$/, confidence: 0.5, valid: () => true },
];

/** FedEx's numbers by shape and check digit; 0 for anything else. Input arrives normalised. */
export function fedexConfidence(trackingNumber: string): number {
  for (const rule of RULES) {
    if (rule.pattern.test(trackingNumber) && rule.valid(trackingNumber)) return rule.confidence;
  }
  return 0;
}
