import type { CarrierAdapter, CarrierDefinition } from '../contract.js';

/**
 * Shipments nobody polls: a carrier without an API, or one the shop tracks by hand. Their events
 * arrive through the API and still go through ingest.
 */
export const manualCarrier: CarrierDefinition<Record<string, never>> = {
  code: 'manual',
  displayName: 'Manual (events entered by hand or pushed)',
  enableWith: [],
  // Never guessed from a number: a shop asks for manual tracking explicitly.
  recognises: () => false,
  loadConfig: () => ({ enabled: true, config: {} }),
  create(): CarrierAdapter {
    return {
      code: 'manual',
      displayName: 'Manual',
      limits: { maxBatch: 1, requestsPerSecond: 1, concurrency: 1 },
      queryBy: [],
      recognises: () => false,
      async track(numbers) {
        return new Map(numbers.map((n) => [n, { kind: 'not_found' } as const]));
      },
    };
  },
};
