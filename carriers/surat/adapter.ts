/**
 * Sürat Kargo's adapter: `KargoTakipHareketDetayi` answers for one `WebSiparisKodu` (the shop's key)
 * per request, so a batch becomes one request per key, sent one after another (the poller owns
 * concurrency across batches). Expected failures are values, never throws.
 */
import { failAll, type CarrierAdapter, type CarrierDeps, type TrackOutcome } from '../contract.js';
import { requestSuratTracking } from './client.js';
import type { SuratConfig } from './config.js';
import { recognisesSuratNumber } from './numbers.js';
import { parseSuratAnswer } from './parse.js';
import { suratTrackResponseSchema } from './wire.js';

export const SURAT_DISPLAY_NAME = 'Sürat Kargo';

/**
 * One key per request (the REST endpoint takes a single `WebSiparisKodu`). Sürat documents no rate
 * limit; 2 requests per second and 2 in flight are our own conservative choice (research §10).
 */
export const SURAT_LIMITS = { maxBatch: 1, requestsPerSecond: 2, concurrency: 2 } as const;

export function createSuratAdapter(config: SuratConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });

  async function trackOne(webSiparisKodu: string, signal: AbortSignal | undefined): Promise<TrackOutcome> {
    const answer = await requestSuratTracking(deps.http, config, { webSiparisKodu, signal, now: deps.now });
    if (!answer.ok) {
      logger.warn({ failure: answer.failure }, 'surat track request failed');
      return { kind: 'failed', failure: answer.failure };
    }
    const parsed = suratTrackResponseSchema.safeParse(answer.body);
    if (!parsed.success) {
      // Only the paths of the failing fields: the body itself may carry personal data.
      const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
      const failure = { kind: 'malformed', detail: `track response does not match the expected shape at ${where}` } as const;
      logger.warn({ failure }, 'surat track response malformed');
      return { kind: 'failed', failure };
    }
    const outcome = parseSuratAnswer(parsed.data, 'reference');
    if (outcome.kind === 'failed') logger.warn({ failure: outcome.failure }, 'surat answered with an error');
    return outcome;
  }

  return {
    code: 'surat',
    displayName: SURAT_DISPLAY_NAME,
    limits: SURAT_LIMITS,
    // The documented tracking call knows a parcel only by the shop's WebSiparisKodu / OzelKargoTakipNo.
    queryBy: ['reference'],
    recognises: recognisesSuratNumber,
    async track(numbers, ctx) {
      const unique = [...new Set(numbers)];
      if (ctx.by !== 'reference') {
        return failAll(unique, { kind: 'unavailable', detail: 'Sürat is tracked by the shop reference (WebSiparisKodu) only' });
      }
      const outcomes = new Map<string, TrackOutcome>();
      for (const key of unique) outcomes.set(key, await trackOne(key, ctx.signal));
      return outcomes;
    },
  };
}
