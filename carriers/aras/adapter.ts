/**
 * Aras Kargo's adapter: asks GetQueryJSON by integration code (QueryType 39) or by tracking number
 * (QueryType 14), at most ARAS_MAX_BATCH numbers per comma-separated request, one request after
 * another. Expected failures are values, never throws.
 */
import { failAll, type CarrierAdapter, type CarrierDeps, type TrackContext, type TrackOutcome } from '../contract.js';
import { requestQuery } from './client.js';
import type { ArasConfig } from './config.js';
import { recognisesArasNumber } from './numbers.js';
import { parseCargos, readQueryResult } from './parse.js';
import { ARAS_MAX_BATCH, ARAS_MAX_REFERENCE_LENGTH } from './wire.js';

/** No rate limit is documented (research §2 "Limits"): stay gentle [I]. */
export const ARAS_LIMITS = { maxBatch: ARAS_MAX_BATCH, requestsPerSecond: 2, concurrency: 1 } as const;

export const ARAS_DISPLAY_NAME = 'Aras Kargo';

/** A comma would split the batch list; integration codes are at most 32 characters. */
function queryable(number: string, ctx: TrackContext): boolean {
  if (ctx.by === 'trackingNumber') return /^\d{1,20}$/.test(number);
  return number.length > 0 && number.length <= ARAS_MAX_REFERENCE_LENGTH && !/[,<>&\s]/.test(number);
}

export function createArasAdapter(config: ArasConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });

  async function trackChunk(numbers: readonly string[], ctx: TrackContext): Promise<Map<string, TrackOutcome>> {
    const answer = await requestQuery(deps.http, config, { numbers, by: ctx.by, signal: ctx.signal, now: deps.now });
    if (!answer.ok) {
      logger.warn({ failure: answer.failure, numbers: numbers.length }, 'aras query failed');
      return failAll(numbers, answer.failure);
    }
    const reading = readQueryResult(answer.result);
    if (!reading.ok) {
      logger.warn({ failure: reading.failure, numbers: numbers.length }, 'aras query answer refused');
      return failAll(numbers, reading.failure);
    }
    return parseCargos(reading.cargos, numbers, ctx.by);
  }

  return {
    code: 'aras',
    displayName: ARAS_DISPLAY_NAME,
    limits: ARAS_LIMITS,
    // The integration code (MÖK) is known from the label on; the 13-digit number only after acceptance.
    queryBy: ['reference', 'trackingNumber'],
    recognises: recognisesArasNumber,
    async track(numbers, ctx) {
      const outcomes = new Map<string, TrackOutcome>();
      const unique = [...new Set(numbers)];
      const valid = unique.filter((n) => queryable(n, ctx));
      for (const n of unique) {
        if (!valid.includes(n)) {
          const what = ctx.by === 'reference' ? 'integration code' : 'tracking number';
          outcomes.set(n, { kind: 'failed', failure: { kind: 'malformed', detail: `not a valid Aras ${what}` } });
        }
      }
      for (let start = 0; start < valid.length; start += ARAS_MAX_BATCH) {
        const chunk = valid.slice(start, start + ARAS_MAX_BATCH);
        for (const [number, outcome] of await trackChunk(chunk, ctx)) outcomes.set(number, outcome);
      }
      return outcomes;
    },
  };
}
