/**
 * The hand-written list of carriers shipwatch knows, and the one place that picks a carrier for a
 * tracking number when the shop did not name one.
 */
import { normaliseTrackingNumber } from '../src/domain/shipment.js';
import type { CarrierAdapter, CarrierConfigResult, CarrierDefinition, CarrierDeps } from './contract.js';
import type { DetectionCandidate } from './detection/index.js';
import { seventeenTrackCarrier } from './17track/index.js';
import { arasCarrier } from './aras/index.js';
import { dhlCarrier } from './dhl/index.js';
import { fedexCarrier } from './fedex/index.js';
import { hepsijetCarrier } from './hepsijet/index.js';
import { kolaygelsinCarrier } from './kolaygelsin/index.js';
import { manualCarrier } from './manual/index.js';
import { mngCarrier } from './mng/index.js';
import { pttCarrier } from './ptt/index.js';
import { sandboxCarrier } from './sandbox/index.js';
import { suratCarrier } from './surat/index.js';
import { upsCarrier } from './ups/index.js';
import { uspsCarrier } from './usps/index.js';
import { yurticiCarrier } from './yurtici/index.js';

export const carrierDefinitions: readonly CarrierDefinition<never>[] = [
  sandboxCarrier as CarrierDefinition<never>,
  arasCarrier as CarrierDefinition<never>,
  hepsijetCarrier as CarrierDefinition<never>,
  kolaygelsinCarrier as CarrierDefinition<never>,
  mngCarrier as CarrierDefinition<never>,
  pttCarrier as CarrierDefinition<never>,
  suratCarrier as CarrierDefinition<never>,
  yurticiCarrier as CarrierDefinition<never>,
  dhlCarrier as CarrierDefinition<never>,
  fedexCarrier as CarrierDefinition<never>,
  upsCarrier as CarrierDefinition<never>,
  uspsCarrier as CarrierDefinition<never>,
  seventeenTrackCarrier as CarrierDefinition<never>,
  manualCarrier as CarrierDefinition<never>,
];

export type Detection =
  | { kind: 'detected'; code: string }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; candidates: string[] };

/**
 * When registration may pick a carrier by itself: the only candidate, or a best candidate sure
 * enough (a verified check digit on a distinctive prefix, scale in carriers/detection/index.ts)
 * over a runner-up that is at most a weak guess. Anything closer is the shop's call.
 */
export const DETECTED_AT_LEAST = 0.9;
export const RUNNER_UP_BELOW = 0.6;

/** A definition's confidence, clamped to [0, 1]; without `confidence`, `recognises` counts 0.5. */
function confidenceOf(definition: CarrierDefinition<never>, trackingNumber: string): number {
  const value = definition.confidence ? definition.confidence(trackingNumber) : definition.recognises(trackingNumber) ? 0.5 : 0;
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Every definition's confidence for a number, best first, ties in registry order; no I/O. */
export function rankCandidates(definitions: readonly CarrierDefinition<never>[], trackingNumber: string): DetectionCandidate[] {
  const number = normaliseTrackingNumber(trackingNumber);
  if (number === '') return [];
  return definitions
    .map((definition, order) => ({ carrier: definition.code, confidence: confidenceOf(definition, number), order }))
    .filter((c) => c.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence || a.order - b.order)
    .map(({ carrier, confidence }) => ({ carrier, confidence }));
}

/** The registration decision over ranked candidates (see DETECTED_AT_LEAST). */
export function decide(candidates: readonly DetectionCandidate[]): Detection {
  const [best, second] = candidates;
  if (!best) return { kind: 'unknown' };
  if (!second || (best.confidence >= DETECTED_AT_LEAST && second.confidence < RUNNER_UP_BELOW)) {
    return { kind: 'detected', code: best.carrier };
  }
  return { kind: 'ambiguous', candidates: candidates.map((c) => c.carrier) };
}

export interface CarrierRegistry {
  /** Every known carrier code, enabled or not. */
  readonly codes: readonly string[];
  definition(code: string): CarrierDefinition<never> | undefined;
  /** The adapter of an enabled carrier. */
  adapter(code: string): CarrierAdapter | undefined;
  enabledCodes(): string[];
  /** Carriers whose shipments are never polled. */
  unpolledCodes(): string[];
  /** Carriers whose number shape fits, best first; empty when none does. Normalises the number. */
  candidates(trackingNumber: string): DetectionCandidate[];
  /** Whether registration can pick the carrier by itself (see DETECTED_AT_LEAST). */
  detect(trackingNumber: string): Detection;
}

export function buildCarrierRegistry(
  configs: Readonly<Record<string, CarrierConfigResult<unknown>>>,
  deps: CarrierDeps,
  definitions: readonly CarrierDefinition<never>[] = carrierDefinitions,
): CarrierRegistry {
  const adapters = new Map<string, CarrierAdapter>();
  for (const definition of definitions) {
    const result = configs[definition.code];
    if (result?.enabled === true) {
      adapters.set(
        definition.code,
        definition.create(result.config as never, { ...deps, logger: deps.logger.child({ carrier: definition.code }) }),
      );
    }
  }
  return {
    codes: definitions.map((d) => d.code),
    definition: (code) => definitions.find((d) => d.code === code),
    adapter: (code) => adapters.get(code),
    enabledCodes: () => [...adapters.keys()],
    unpolledCodes: () => definitions.map((d) => d.code).filter((code) => (adapters.get(code)?.queryBy.length ?? 0) === 0),
    candidates: (trackingNumber) => rankCandidates(definitions, trackingNumber),
    detect: (trackingNumber) => decide(rankCandidates(definitions, trackingNumber)),
  };
}
