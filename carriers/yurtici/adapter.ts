/**
 * The Yurtiçi adapter: queries by the shop's cargoKey (the only key `queryShipment` takes besides
 * invoiceKey; the carrier's docId cannot be queried there, research §1 "Request"), in chunks, one
 * request at a time, and hands back the docId it learns. Yurtiçi blocks repeated queries of one key
 * within a minute (research §1 "Usage rules"), so a key asked again sooner is answered here with
 * `rate_limited` for the time left, without a request. Expected failures are values, never throws.
 */
import { failAll, type CarrierAdapter, type CarrierDeps, type TrackContext, type TrackOutcome } from '../contract.js';
import { requestQueryShipment } from './client.js';
import type { YurticiConfig } from './config.js';
import { isValidCargoKey, recognisesYurticiNumber } from './numbers.js';
import { parseShippingDelivery } from './parse.js';
import { queryShipmentBodySchema } from './wire.js';

/**
 * The batch size is undocumented (Yurtiçi's own sample sends 2 keys); 20 is our conservative
 * choice. Answers take up to 16 s (research §1), so one request at a time.
 */
export const YURTICI_LIMITS = { maxBatch: 20, requestsPerSecond: 1, concurrency: 1 } as const;
export const YURTICI_REPEAT_BLOCK_MS = 60_000;

export function createYurticiAdapter(config: YurticiConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  /** When each key was last sent to Yurtiçi; entries older than a minute are dropped. */
  const lastQueried = new Map<string, number>();

  function admit(keys: readonly string[], outcomes: Map<string, TrackOutcome>): string[] {
    const now = deps.now().getTime();
    for (const [key, at] of lastQueried) if (now - at >= YURTICI_REPEAT_BLOCK_MS) lastQueried.delete(key);
    const admitted: string[] = [];
    for (const key of keys) {
      const at = lastQueried.get(key);
      if (at !== undefined) {
        outcomes.set(key, { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: YURTICI_REPEAT_BLOCK_MS - (now - at) } });
      } else if (!isValidCargoKey(key)) {
        outcomes.set(key, { kind: 'failed', failure: { kind: 'malformed', detail: 'not a valid Yurtiçi cargoKey (1–20 characters)' } });
      } else {
        // Counted as asked from the moment it is sent: Yurtiçi counts failed answers too.
        lastQueried.set(key, now);
        admitted.push(key);
      }
    }
    return admitted;
  }

  async function trackChunk(keys: readonly string[], ctx: TrackContext): Promise<Map<string, TrackOutcome>> {
    const answer = await requestQueryShipment(deps.http, config, { keys, signal: ctx.signal, now: deps.now });
    if (!answer.ok) {
      logger.warn({ failure: answer.failure, keys: keys.length }, 'yurtici queryShipment failed');
      return failAll(keys, answer.failure);
    }
    const parsed = queryShipmentBodySchema.safeParse(answer.body);
    if (!parsed.success) {
      // Only the paths of the failing fields: the body itself carries personal data.
      const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
      const failure = { kind: 'malformed', detail: `queryShipment answer does not match the expected shape at ${where}` } as const;
      logger.warn({ failure, keys: keys.length }, 'yurtici queryShipment answer malformed');
      return failAll(keys, failure);
    }
    const outcomes = parseShippingDelivery(parsed.data.queryShipmentResponse.ShippingDeliveryVO, keys);
    const failed = [...outcomes.values()].filter((o) => o.kind === 'failed').length;
    if (failed > 0) logger.warn({ keys: keys.length, failed }, 'yurtici queryShipment failed some keys');
    return outcomes;
  }

  return {
    code: 'yurtici',
    displayName: 'Yurtiçi Kargo',
    limits: YURTICI_LIMITS,
    queryBy: ['reference'],
    recognises: recognisesYurticiNumber,
    async track(numbers, ctx) {
      const unique = [...new Set(numbers)];
      if (ctx.by !== 'reference') {
        return failAll(unique, { kind: 'malformed', detail: 'Yurtiçi queryShipment is asked by cargoKey (reference) only' });
      }
      const outcomes = new Map<string, TrackOutcome>();
      const admitted = admit(unique, outcomes);
      for (let start = 0; start < admitted.length; start += YURTICI_LIMITS.maxBatch) {
        const chunk = admitted.slice(start, start + YURTICI_LIMITS.maxBatch);
        for (const [key, outcome] of await trackChunk(chunk, ctx)) outcomes.set(key, outcome);
      }
      return outcomes;
    },
  };
}
