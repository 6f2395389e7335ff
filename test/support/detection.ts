/**
 * The detection test vectors (test/fixtures/detection/vectors.json, sources in its README) and
 * the carrier definitions they are scored against, shared by the detection test and
 * bench/detection.ts.
 */
import { readFileSync } from 'node:fs';
import type { CarrierDefinition } from '../../carriers/contract.js';
import { GLOBAL_CARRIER_CONFIDENCE } from '../../carriers/detection/index.js';
import { carrierDefinitions } from '../../carriers/registry.js';

export interface DetectionVector {
  /** As printed or typed: spaces and lower case are part of the test. */
  number: string;
  /** The carrier whose number it is, or null when it is nobody's (wrong check digit, random…). */
  expected: string | null;
  /** Other carriers that may rightly be named too (a SmartPost number is also USPS's IMpb). */
  alsoAccept?: string[];
  /** A key into the README's source table. */
  source: string;
  note: string;
  /**
   * Present when shipwatch is known to get this vector wrong: the carrier it names instead, or
   * null when it names none. The test pins the miss so a change in it is noticed.
   */
  knownMiss?: string | null;
}

export function loadDetectionVectors(): DetectionVector[] {
  const url = new URL('../fixtures/detection/vectors.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { vectors: DetectionVector[] }).vectors;
}

/** Whether naming `carrier` for the vector is right. */
export function isCorrect(vector: DetectionVector, carrier: string | null): boolean {
  if (carrier === null) return vector.expected === null;
  return carrier === vector.expected || (vector.alsoAccept ?? []).includes(carrier);
}

/**
 * The registry's definitions, plus a detection-only stand-in for each global carrier
 * (GLOBAL_CARRIER_CONFIDENCE) the registry does not list yet; once it does, the real
 * definition is scored instead.
 */
export function detectionDefinitions(): CarrierDefinition<never>[] {
  const known = new Set(carrierDefinitions.map((d) => d.code));
  const standIns = Object.entries(GLOBAL_CARRIER_CONFIDENCE)
    .filter(([code]) => !known.has(code))
    .map(
      ([code, confidence]): CarrierDefinition<never> => ({
        code,
        displayName: code,
        enableWith: [],
        recognises: (n) => confidence(n) > 0,
        confidence,
        loadConfig: () => ({ enabled: false }),
        create: () => {
          throw new Error(`${code} is a detection stand-in without an adapter`);
        },
      }),
    );
  return [...carrierDefinitions, ...standIns];
}
