/**
 * The Kolay Gelsin adapter: one GetCorporateShipmentsStatus call per chunk of numbers (the call
 * takes lists by design), each number's outcome kept apart. Expected failures are values.
 */
import { failAll, type CarrierAdapter, type CarrierDeps, type TrackContext, type TrackOutcome } from '../contract.js';
import { requestTracking } from './client.js';
import type { KolayGelsinConfig } from './config.js';
import { recognisesKolayGelsinNumber } from './numbers.js';
import { parseTrackAnswer } from './parse.js';

/**
 * No batch size or rate limit is documented (research §8, §10): a modest batch, one request in
 * flight and two per second keep us well inside any sane limit. [I]
 */
export const KOLAYGELSIN_LIMITS = { maxBatch: 50, requestsPerSecond: 2, concurrency: 1 } as const;

export const KOLAYGELSIN_DISPLAY_NAME = 'Kolay Gelsin';

export function createKolayGelsinAdapter(config: KolayGelsinConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });

  async function trackChunk(numbers: readonly string[], ctx: TrackContext): Promise<Map<string, TrackOutcome>> {
    const answer = await requestTracking(deps.http, config, { numbers, by: ctx.by, signal: ctx.signal, now: deps.now });
    if (!answer.ok) {
      logger.warn({ failure: answer.failure, numbers: numbers.length }, 'kolaygelsin track request failed');
      return failAll(numbers, answer.failure);
    }
    const outcomes = parseTrackAnswer(answer.body, numbers, ctx.by);
    const failed = [...outcomes.values()].filter((o) => o.kind === 'failed').length;
    if (failed > 0) logger.warn({ failed, numbers: numbers.length }, 'kolaygelsin answer had failed numbers');
    return outcomes;
  }

  return {
    code: 'kolaygelsin',
    displayName: KOLAYGELSIN_DISPLAY_NAME,
    limits: KOLAYGELSIN_LIMITS,
    // The shop's key (CustomerBarcode / CustomerSpecificCode) is known from label time; the
    // ShipmentId once the shop stores it or the first answer hands it back (research §0.2).
    queryBy: ['reference', 'trackingNumber'],
    recognises: recognisesKolayGelsinNumber,
    async track(numbers, ctx) {
      const outcomes = new Map<string, TrackOutcome>();
      const unique = [...new Set(numbers)];
      for (let start = 0; start < unique.length; start += KOLAYGELSIN_LIMITS.maxBatch) {
        const chunk = unique.slice(start, start + KOLAYGELSIN_LIMITS.maxBatch);
        for (const [number, outcome] of await trackChunk(chunk, ctx)) outcomes.set(number, outcome);
      }
      return outcomes;
    },
  };
}
