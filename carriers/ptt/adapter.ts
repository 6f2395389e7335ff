/**
 * PTT Kargo's adapter: GonderiTakipV2 answers one parcel per call, so a batch is asked one number
 * after another, each keeping its own outcome. Bad credentials or a rate limit stop the batch (the
 * remaining numbers share that failure rather than hammer PTT); any other failure stays with its
 * number. Expected failures are values, never throws.
 */
import type { CarrierAdapter, CarrierDeps, TrackContext, TrackOutcome } from '../contract.js';
import { trackOneByOne } from '../one-by-one.js';
import { callPttTracking } from './client.js';
import type { PttConfig } from './config.js';
import { recognisesPttBarcode } from './numbers.js';
import { parsePttReturn } from './parse.js';
import { pttReturnSchema } from './wire.js';

/**
 * PTT documents no rate limit; one parcel per call is documented [I from the operation shapes].
 * These are deliberately gentle (research §10: undocumented → go slow).
 */
export const PTT_LIMITS = { maxBatch: 1, requestsPerSecond: 2, concurrency: 2 } as const;

export const PTT_DISPLAY_NAME = 'PTT Kargo';

export function createPttAdapter(config: PttConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });

  async function trackOne(key: string, ctx: TrackContext): Promise<TrackOutcome> {
    const answer = await callPttTracking(deps.http, config, { key, by: ctx.by, signal: ctx.signal, now: deps.now });
    if (!answer.ok) {
      logger.warn({ failure: answer.failure, by: ctx.by }, 'ptt track request failed');
      return { kind: 'failed', failure: answer.failure };
    }
    const parsed = pttReturnSchema.safeParse(answer.result);
    if (!parsed.success) {
      // Only the paths of the failing fields: the body itself holds names and addresses.
      const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
      const failure = { kind: 'malformed', detail: `PTT answer does not match the expected shape at ${where}` } as const;
      logger.warn({ failure, by: ctx.by }, 'ptt track answer malformed');
      return { kind: 'failed', failure };
    }
    const outcome = parsePttReturn(parsed.data, ctx.by);
    if (outcome.kind === 'failed') logger.warn({ failure: outcome.failure, by: ctx.by }, 'ptt refused one parcel');
    return outcome;
  }

  return {
    code: 'ptt',
    displayName: PTT_DISPLAY_NAME,
    limits: PTT_LIMITS,
    // The shop's musteriReferansNo is known from label time and the answer carries the barcode.
    queryBy: ['reference', 'trackingNumber'],
    recognises: recognisesPttBarcode,
    track: (numbers, ctx) => trackOneByOne(numbers, (key) => trackOne(key, ctx)),
  };
}
