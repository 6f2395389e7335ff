/**
 * The FedEx Track API adapter. One POST carries up to 30 numbers (research §3, §0.3); the answer
 * holds one entry per number, so a per-number error fails or marks not-found that number only,
 * while a request-level error (401/403, 429, 5xx, an `errors[]` body) fails the whole batch.
 * Expected failures are values, never throws.
 */
import { failAll, type CarrierAdapter, type CarrierDeps, type CarrierFailure, type TrackContext, type TrackOutcome } from '../contract.js';
import { fedexConfidence } from '../detection/index.js';
import { failureFromStatus } from '../http.js';
import { createFedexClient } from './client.js';
import type { FedexConfig } from './config.js';
import { parseTrackResponse } from './parse.js';
import { errorResponseSchema, FEDEX_NOT_FOUND_CODE, trackResponseSchema, type FedexTrackRequest } from './wire.js';

/**
 * 30 numbers per call is FedEx's documented maximum [C]. FedEx allows 1,400 calls per 10 s per
 * project but only 100,000 Track calls a day by default [C]: one call a second stays under that
 * daily quota even if the poller never rests (86,400), with two in flight so one slow answer does
 * not stall the next batch. The poller counts the daily quota, which resets at midnight GMT.
 */
export const FEDEX_LIMITS = { maxBatch: 30, requestsPerSecond: 1, concurrency: 2, dailyQuota: 100_000, quotaZone: 'UTC' } as const;

export const FEDEX_DISPLAY_NAME = 'FedEx';

/**
 * FedEx operating companies accepted as `trackingNumberInfo.carrierCode` [C: spec enum]. A shop's
 * `carrierService` for a FedEx parcel is one of these; anything else is not sent, so that a typo
 * cannot make FedEx refuse the whole batch.
 */
export const FEDEX_CARRIER_CODES = [
  'FDXE', 'FDXG', 'FXSP', 'FXFR', 'FDXC', 'FXCC', 'FEDEX_CARGO', 'FEDEX_CUSTOM_CRITICAL', 'FEDEX_EXPRESS', 'FEDEX_FREIGHT',
  'FEDEX_GROUND', 'FEDEX_OFFICE', 'FEDEX_KINKOS', 'FX', 'FDFR', 'FDEG', 'FXK', 'FDC', 'FDCC',
] as const;

export function trackRequest(numbers: readonly string[], services?: ReadonlyMap<string, string>): FedexTrackRequest {
  return {
    includeDetailedScans: true,
    trackingInfo: numbers.map((trackingNumber) => {
      const carrierCode = services?.get(trackingNumber)?.trim().toUpperCase();
      const known = carrierCode !== undefined && (FEDEX_CARRIER_CODES as readonly string[]).includes(carrierCode);
      return { trackingNumberInfo: known ? { trackingNumber, carrierCode } : { trackingNumber } };
    }),
  };
}

/** FedEx's daily quota resets at midnight GMT ("Retry after 12:00AM GMT", research §3 [C]). */
export function untilMidnightUtc(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
}

/** Pattern and check digit live in the shared detection module (issue 5 §7). */
export function recognisesFedexNumber(trackingNumber: string): boolean {
  return fedexConfidence(trackingNumber) > 0;
}

interface ChunkResult {
  outcomes: Map<string, TrackOutcome>;
  /** Set when the whole request failed for a reason that holds for the account (auth, throttle). */
  accountFailure?: CarrierFailure;
}

export function createFedexAdapter(config: FedexConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  const client = createFedexClient(deps.http, config, deps.now);

  function requestFailed(numbers: readonly string[], failure: CarrierFailure): ChunkResult {
    logger.warn({ failure, numbers: numbers.length }, 'fedex track request failed');
    const account = failure.kind === 'auth' || failure.kind === 'rate_limited';
    return { outcomes: failAll(numbers, failure), ...(account && { accountFailure: failure }) };
  }

  /** A non-2xx answer, or a 2xx whose body is `{errors:[…]}` instead of `output`. */
  function requestError(numbers: readonly string[], status: number, headers: Record<string, unknown>, body: unknown): ChunkResult {
    const parsed = errorResponseSchema.safeParse(body);
    const errors = parsed.success ? parsed.data.errors : [];
    const codes = errors.map((e) => e.code?.trim() ?? '');
    // FedEx's own example answers one unknown number with a request-level NOTFOUND [C]; with one number it can only be that one.
    if (numbers.length === 1 && codes.includes(FEDEX_NOT_FOUND_CODE)) return { outcomes: new Map(numbers.map((n) => [n, { kind: 'not_found' } as const])) };
    const code = codes.find((c) => /^[A-Za-z0-9_.-]{1,60}$/.test(c));
    if (status === 429 && errors.some((e) => /daily transaction quota/i.test(`${e.code ?? ''} ${e.message ?? ''}`))) {
      const fromHeader = failureFromStatus(status, headers, deps.now());
      const retryAfterMs = fromHeader?.kind === 'rate_limited' && fromHeader.retryAfterMs !== undefined ? fromHeader.retryAfterMs : untilMidnightUtc(deps.now());
      return requestFailed(numbers, { kind: 'rate_limited', retryAfterMs, detail: 'daily transaction quota exceeded' });
    }
    const failure = failureFromStatus(status, headers, deps.now());
    if (!failure) return requestFailed(numbers, { kind: 'unavailable', detail: `FedEx reported ${code ?? 'an error'} in an HTTP ${status} answer` });
    if (failure.kind === 'malformed' && code) return requestFailed(numbers, { ...failure, detail: `${failure.detail} (${code})` });
    return requestFailed(numbers, failure);
  }

  async function trackChunk(numbers: readonly string[], ctx: TrackContext): Promise<ChunkResult> {
    const answer = await client.track(trackRequest(numbers, ctx.services), ctx.signal);
    if (answer.kind === 'failed') return requestFailed(numbers, answer.failure);
    const { status, headers, body } = answer;
    if (status < 200 || status >= 300) return requestError(numbers, status, headers, body);
    const parsed = trackResponseSchema.safeParse(body);
    if (!parsed.success) {
      if (errorResponseSchema.safeParse(body).success) return requestError(numbers, status, headers, body);
      return requestFailed(numbers, { kind: 'malformed', detail: 'track answer has no output.completeTrackResults' });
    }
    const outcomes = parseTrackResponse(parsed.data, numbers, ctx.services);
    const failed = [...outcomes.values()].filter((o) => o.kind === 'failed').length;
    if (failed > 0) logger.warn({ numbers: numbers.length, failed }, 'fedex track answer failed some numbers');
    return { outcomes };
  }

  return {
    code: 'fedex',
    displayName: FEDEX_DISPLAY_NAME,
    limits: FEDEX_LIMITS,
    // The reference endpoint (`/track/v1/referencenumbers`) needs an account number: not used.
    queryBy: ['trackingNumber'],
    recognises: recognisesFedexNumber,
    async track(numbers, ctx) {
      const unique = [...new Set(numbers)];
      if (ctx.by !== 'trackingNumber') return failAll(unique, { kind: 'malformed', detail: 'FedEx is tracked by tracking number only' });
      const outcomes = new Map<string, TrackOutcome>();
      let accountFailure: CarrierFailure | undefined;
      for (let start = 0; start < unique.length; start += FEDEX_LIMITS.maxBatch) {
        const chunk = unique.slice(start, start + FEDEX_LIMITS.maxBatch);
        // Bad credentials or a throttle hold for every chunk: do not ask again in this call.
        const result = accountFailure ? { outcomes: failAll(chunk, accountFailure) } : await trackChunk(chunk, ctx);
        accountFailure ??= result.accountFailure;
        for (const [number, outcome] of result.outcomes) outcomes.set(number, outcome);
      }
      return outcomes;
    },
  };
}
