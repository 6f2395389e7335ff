/**
 * USPS numbers (sources in test/fixtures/detection/README.md):
 * - S10 numbers issued in the US (`EC207920162US`): see s10.ts.
 * - IMpb (Intelligent Mail package barcode): channel AI `91`–`95` + service type + Mailer ID +
 *   serial + GS1 mod-10 check digit, 22 or 26 digits, optionally preceded by the routing part
 *   `420` + destination ZIP (5 or 9 digits), 30 or 34 digits in all; the check digit covers the
 *   tracking part only. AI 94/95 are USPS's own channels; 92/93 are commercial mailers, which
 *   include FedEx Ground Economy, UPS Mail Innovations and DHL eCommerce: USPS delivers those
 *   parcels and tracks the number, but the shop may know them by the other carrier.
 * - Legacy 20-digit numbers (Certified Mail `7013…`, Delivery Confirmation `0307…`): GS1 mod 10
 *   on the 20 digits, or on `91` + the 20 digits when the AI was left off the label.
 */
import { gs1Valid } from './check-digits.js';
import { s10Confidence } from './s10.js';

const IMPB_TRACKING_PART = /^9[1-5](\d{20}|\d{24})$/;

/** The confidence of an IMpb number, with or without its `420` + ZIP routing part; 0 if none. */
function impbConfidence(trackingNumber: string): number {
  const routed = trackingNumber.startsWith('420');
  const parts = routed ? [trackingNumber.slice(8), trackingNumber.slice(12)] : [trackingNumber];
  const part = parts.find((p) => IMPB_TRACKING_PART.test(p) && gs1Valid(p));
  if (part === undefined) return 0;
  // USPS's own channels are USPS's; commercial AIs are shared with consolidators (see above).
  // A full barcode with routing is how USPS prints it; the other carriers show the short form.
  const ownChannel = part.startsWith('94') || part.startsWith('95');
  if (ownChannel) return routed ? 0.85 : 0.8;
  return routed ? 0.75 : 0.7;
}

/** Legacy 20 digits: a check digit, but on a bare digit string other formats share. */
function legacyConfidence(trackingNumber: string): number {
  if (!/^\d{20}$/.test(trackingNumber)) return 0;
  return gs1Valid(trackingNumber) || gs1Valid(`91${trackingNumber}`) ? 0.5 : 0;
}

/** USPS IMpb, legacy 20-digit and US S10 numbers; 0 for anything else. Input arrives normalised. */
export function uspsConfidence(trackingNumber: string): number {
  return Math.max(s10Confidence(trackingNumber, 'US'), impbConfidence(trackingNumber), legacyConfidence(trackingNumber));
}
