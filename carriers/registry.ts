/**
 * The hand-written list of carriers shipwatch knows, and the one place that picks a carrier for a
 * tracking number when the shop did not name one.
 */
import type { CarrierAdapter, CarrierConfigResult, CarrierDefinition, CarrierDeps } from './contract.js';
import { arasCarrier } from './aras/index.js';
import { hepsijetCarrier } from './hepsijet/index.js';
import { kolaygelsinCarrier } from './kolaygelsin/index.js';
import { manualCarrier } from './manual/index.js';
import { mngCarrier } from './mng/index.js';
import { pttCarrier } from './ptt/index.js';
import { sandboxCarrier } from './sandbox/index.js';
import { suratCarrier } from './surat/index.js';
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
  manualCarrier as CarrierDefinition<never>,
];

export type Detection =
  | { kind: 'detected'; code: string }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; candidates: string[] };

export interface CarrierRegistry {
  /** Every known carrier code, enabled or not. */
  readonly codes: readonly string[];
  definition(code: string): CarrierDefinition<never> | undefined;
  /** The adapter of an enabled carrier. */
  adapter(code: string): CarrierAdapter | undefined;
  enabledCodes(): string[];
  /** Carriers whose shipments are never polled. */
  unpolledCodes(): string[];
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
    detect(trackingNumber) {
      const candidates = definitions.filter((d) => d.recognises(trackingNumber)).map((d) => d.code);
      if (candidates.length === 1 && candidates[0] !== undefined) return { kind: 'detected', code: candidates[0] };
      if (candidates.length === 0) return { kind: 'unknown' };
      return { kind: 'ambiguous', candidates };
    },
  };
}
