/**
 * The MNG Kargo / DHL eCommerce Türkiye adapter. MNG's REST API tracks one shipment per call (no
 * batch, research §3a), so numbers are asked one after another; the poller owns concurrency and
 * pacing through `limits`. Expected failures are values, never throws.
 */
import { type CarrierAdapter, type CarrierDeps, type CarrierFailure, type QueryKey, type TrackOutcome } from '../contract.js';
import { trackOneByOne } from '../one-by-one.js';
import { failureFromStatus } from '../http.js';
import { createMngClient } from './client.js';
import type { MngConfig } from './config.js';
import { recognisesMngNumber } from './numbers.js';
import { parseTrackEvents } from './parse.js';
import { errorBodySchema, gatewayErrorSchema, trackResponseSchema } from './wire.js';

/**
 * One identifier per request (path parameter). MNG documents no rate limit; API Connect plans do
 * throttle, so stay gentle: 2 requests a second, 2 in flight [I].
 */
export const MNG_LIMITS = { maxBatch: 1, requestsPerSecond: 2, concurrency: 2 } as const;

export const MNG_DISPLAY_NAME = 'MNG Kargo (DHL eCommerce Türkiye)';

export function createMngAdapter(config: MngConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  const client = createMngClient(deps.http, config, deps.now);

  function failed(failure: CarrierFailure, by: QueryKey): TrackOutcome {
    logger.warn({ failure, by }, 'mng track request failed');
    return { kind: 'failed', failure };
  }

  async function trackOne(identifier: string, by: QueryKey, signal: AbortSignal | undefined): Promise<TrackOutcome> {
    const answer = await client.track(identifier, by, signal);
    if (answer.kind === 'not_found') return { kind: 'not_found' };
    if (answer.kind === 'failed') return failed(answer.failure, by);

    const events = trackResponseSchema.safeParse(answer.body);
    if (events.success) return parseTrackEvents(events.data, by);
    return bodyFailure(answer.body, by);
  }

  /** HTTP 200 whose body is an error object, or no readable answer at all. */
  function bodyFailure(body: unknown, by: QueryKey): TrackOutcome {
    const gateway = gatewayErrorSchema.safeParse(body);
    if (gateway.success) {
      const status = Number(gateway.data.httpCode);
      if (status === 404) return { kind: 'not_found' };
      const failure = Number.isInteger(status) ? failureFromStatus(status, {}, deps.now()) : null;
      return failed(failure ?? { kind: 'malformed', detail: 'gateway error object in an HTTP 200 answer' }, by);
    }
    const error = errorBodySchema.safeParse(body);
    if (error.success) {
      // Descriptions are free text and may echo the request: only a code-like code is kept.
      const raw = error.data.error.code ?? error.data.error.Code ?? '';
      const code = /^[A-Za-z0-9_.-]{1,40}$/.test(raw) ? ` ${raw}` : '';
      return failed({ kind: 'unavailable', detail: `carrier reported error${code} in an HTTP 200 answer` }, by);
    }
    return failed({ kind: 'malformed', detail: 'trackshipment answer is not a list of events' }, by);
  }

  return {
    code: 'mng',
    displayName: MNG_DISPLAY_NAME,
    limits: MNG_LIMITS,
    // referenceId is known from label time; shipmentId only once MNG has created the shipment.
    queryBy: ['reference', 'trackingNumber'],
    recognises: recognisesMngNumber,
    track: (numbers, ctx) => trackOneByOne(numbers, (identifier) => trackOne(identifier, ctx.by, ctx.signal)),
  };
}
