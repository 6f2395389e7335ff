/**
 * The USPS Tracking API v3 adapter. The GET endpoint tracks one number per call (research §4),
 * so numbers are asked one after another; the poller owns pacing through `limits`. Expected
 * failures are values, never throws.
 */
import type { CarrierAdapter, CarrierDeps, CarrierFailure, TrackOutcome } from '../contract.js';
import { failureFromStatus } from '../http.js';
import { uspsConfidence } from '../detection/index.js';
import { trackOneByOne } from '../one-by-one.js';
import { createUspsClient } from './client.js';
import type { UspsConfig } from './config.js';
import { parseTrackingDetails } from './parse.js';
import { errorMessageSchema, saysUnknownNumber, trackingDetailsSchema } from './wire.js';

/**
 * One number per request (path parameter; the v3r2 POST batch is unspecified, research §4).
 * USPS publishes no per-second limit, and the default app quota is reportedly 60 requests an
 * hour [S, unconfirmed]: one request at a time, at most one a second, and the client holds every
 * later call after a 429 for its Retry-After. The hourly budget itself belongs to the cadence.
 */
export const USPS_LIMITS = { maxBatch: 1, requestsPerSecond: 1, concurrency: 1 } as const;

export const USPS_DISPLAY_NAME = 'USPS';

export function createUspsAdapter(config: UspsConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  const client = createUspsClient(deps.http, config, deps.now);

  function failed(failure: CarrierFailure): TrackOutcome {
    logger.warn({ failure }, 'usps track request failed');
    return { kind: 'failed', failure };
  }

  async function trackOne(trackingNumber: string, signal: AbortSignal | undefined): Promise<TrackOutcome> {
    const answer = await client.track(trackingNumber, signal);
    if (answer.kind === 'not_found') return { kind: 'not_found' };
    if (answer.kind === 'failed') return failed(answer.failure);

    const details = trackingDetailsSchema.safeParse(answer.body);
    if (details.success) {
      const outcome = parseTrackingDetails(details.data);
      return outcome.kind === 'failed' ? failed(outcome.failure) : outcome;
    }
    return bodyFailure(answer.body);
  }

  /** An HTTP 200 carrying the `ErrorMessage` envelope, or no readable answer at all. */
  function bodyFailure(body: unknown): TrackOutcome {
    const error = errorMessageSchema.safeParse(body);
    if (error.success) {
      if (saysUnknownNumber(error.data)) return { kind: 'not_found' };
      const status = Number(error.data.error.code);
      const failure = Number.isInteger(status) ? failureFromStatus(status, {}, deps.now()) : null;
      // Messages are free text and may echo the request: only a code-like code is kept.
      const raw = error.data.error.code ?? '';
      const code = /^[A-Za-z0-9_.-]{1,40}$/.test(raw) ? ` ${raw}` : '';
      return failed(failure ?? { kind: 'unavailable', detail: `carrier reported error${code} in an HTTP 200 answer` });
    }
    return failed({ kind: 'malformed', detail: 'tracking answer has no trackingEvents' });
  }

  return {
    code: 'usps',
    displayName: USPS_DISPLAY_NAME,
    limits: USPS_LIMITS,
    queryBy: ['trackingNumber'],
    recognises: (n) => uspsConfidence(n) > 0,
    track: (numbers, ctx) => trackOneByOne(numbers, (n) => trackOne(n, ctx.signal)),
  };
}
