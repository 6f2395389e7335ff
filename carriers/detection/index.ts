/**
 * Carrier detection from the shape of a tracking number, with a confidence per candidate
 * (issue 5 §7). Every function takes a normalised number (no spaces, upper case: the registry's
 * `candidates` normalises once) and returns a confidence in (0, 1], or 0 when the number does
 * not fit. No I/O.
 *
 * The scale, shared by every carrier so that numbers from different files compare:
 *   0.95–0.99  check digit verified on a prefix or shape only this carrier uses
 *              (UPS 1Z…, UPU S10 with its country, sandbox SBX…)
 *   0.9        check digit verified on a prefix that is this carrier's by convention, where the
 *              check covers only part of the number (FedEx 96… and 34-digit, DHL 003404…)
 *   0.6–0.85   check digit verified on a digit string other carriers' formats also allow
 *              (FedEx 12 digits 0.8, USPS IMpb 0.7–0.85, DHL 10 digits 0.7, PTT barcode 0.6)
 *   0.4–0.5    a weaker check or a prefix hint without one (FedEx DT…, DHL JJD…/GM…, legacy
 *              20-digit USPS, Trendyol prefixes 725/726/728)
 *   0.3        a bare pattern without a check digit (Aras 13 digits, Sürat 14 digits)
 * A definition without `confidence` counts 0.5 when it `recognises` a number.
 * The registry's `detect` turns these into a decision (carriers/registry.ts).
 */
import { dhlConfidence } from './dhl.js';
import { fedexConfidence } from './fedex.js';
import { otherPostConfidence } from './s10.js';
import { upsConfidence } from './ups.js';
import { uspsConfidence } from './usps.js';

export interface DetectionCandidate {
  carrier: string;
  confidence: number;
}

export { upsConfidence } from './ups.js';
export { fedexConfidence } from './fedex.js';
export { uspsConfidence } from './usps.js';
export { dhlConfidence } from './dhl.js';
export { otherPostConfidence, parseS10, POSTS_WITH_ADAPTERS, type S10Number } from './s10.js';
export {
  arasConfidence,
  mngConfidence,
  pttConfidence,
  sandboxConfidence,
  suratConfidence,
  yurticiConfidence,
} from './turkish.js';

/**
 * The confidence function each global carrier's definition uses (`confidence`, and
 * `recognises` as `confidence(n) > 0`). 17TRACK takes the S10 numbers of posts without their
 * own adapter. The benchmark and the detection test stand these in for carriers a registry
 * does not have yet.
 */
export const GLOBAL_CARRIER_CONFIDENCE: Readonly<Record<string, (trackingNumber: string) => number>> = {
  dhl: dhlConfidence,
  ups: upsConfidence,
  fedex: fedexConfidence,
  usps: uspsConfidence,
  '17track': otherPostConfidence,
};
