/**
 * The UPS Track API adapter. UPS tracks one inquiry number per call (path parameter, research
 * §0.3), so numbers are asked one after another; the poller owns concurrency and pacing through
 * `limits`. Expected failures are values, never throws.
 */
import type { CarrierAdapter, CarrierDeps, CarrierFailure, TrackOutcome } from '../contract.js';
import { upsConfidence } from '../detection/index.js';
import { trackOneByOne } from '../one-by-one.js';
import { createUpsClient } from './client.js';
import type { UpsConfig } from './config.js';
import { parseTrackResponse, SAFE_CODE } from './parse.js';
import { errorBodySchema, trackResponseSchema, UPS_INVALID_NUMBER_ERROR } from './wire.js';

/**
 * One number per request. UPS publishes no Track API rate limit (research §2, §9): only the token
 * endpoint documents a 429 quota, and Track quotas are set per app and unknown to us. 2 requests
 * a second with 2 in flight (7,200 numbers an hour) is far below what public UPS integrations run
 * and leaves room for the shop's own UPS calls on the same app [I].
 */
export const UPS_LIMITS = { maxBatch: 1, requestsPerSecond: 2, concurrency: 2 } as const;

export const UPS_DISPLAY_NAME = 'UPS';

/** Platform codes of a refused or expired token (Track Alert table, research §2 [C]), also seen in 200 bodies [S]. */
const AUTH_ERROR_CODES = new Set(['UJ0001', '250002', '250003', '251004']);

export function createUpsAdapter(config: UpsConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  const client = createUpsClient(deps.http, config, deps.now);

  function failed(failure: CarrierFailure): TrackOutcome {
    logger.warn({ failure }, 'ups track request failed');
    return { kind: 'failed', failure };
  }

  async function trackOne(inquiryNumber: string, signal: AbortSignal | undefined): Promise<TrackOutcome> {
    const answer = await client.track(inquiryNumber, signal);
    if (answer.kind === 'failed') return failed(answer.failure);
    if (answer.status === 200) {
      const body = trackResponseSchema.safeParse(answer.body);
      if (body.success) {
        const outcome = parseTrackResponse(body.data, inquiryNumber);
        return outcome.kind === 'failed' ? failed(outcome.failure) : outcome;
      }
    }
    return errorAnswer(answer.status, answer.body);
  }

  /** A documented error answer (400/404), or a 200 that is not a track response. */
  function errorAnswer(status: number, body: unknown): TrackOutcome {
    const error = errorBodySchema.safeParse(body);
    if (!error.success) {
      // A 404 without UPS's error body is a wrong address, not an unknown number.
      return failed({ kind: 'malformed', detail: status === 200 ? 'track answer has no trackResponse' : `carrier answered HTTP ${status} without a UPS error body` });
    }
    const codes = error.data.response.errors.map((e) => e.code?.trim() ?? '');
    // UPS documents 404 as "Tracking number information not found" whatever the code (e.g. 151044).
    if (status === 404 || codes.includes(UPS_INVALID_NUMBER_ERROR)) return { kind: 'not_found' };
    if (codes.some((c) => AUTH_ERROR_CODES.has(c))) return failed({ kind: 'auth' });
    const code = codes.find((c) => SAFE_CODE.test(c));
    const suffix = code === undefined ? '' : ` ${code}`;
    if (status === 400) return failed({ kind: 'malformed', detail: `carrier rejected the request with error${suffix}` });
    return failed({ kind: 'unavailable', detail: `carrier reported error${suffix} in an HTTP 200 answer` });
  }

  return {
    code: 'ups',
    displayName: UPS_DISPLAY_NAME,
    limits: UPS_LIMITS,
    // Reference tracking needs pickup dates and the shipper number (research §2): not offered.
    queryBy: ['trackingNumber'],
    recognises: (trackingNumber) => upsConfidence(trackingNumber) > 0,
    track: (numbers, ctx) => trackOneByOne(numbers, (n) => trackOne(n, ctx.signal)),
  };
}
