/**
 * Talks to USPS: an OAuth client-credentials token cached per its `expires_in` with the shared
 * token cache, renewed once when a query answers 401. Returns values, never throws; never returns
 * or logs headers or bodies sent (they hold the credentials).
 *
 * With one number per call the poller calls track() once per parcel, so an account-wide refusal
 * (bad credentials, quota used up) is remembered here for a while: the next parcels share it
 * without another token or tracking call instead of each asking again.
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import { createTokenCache, postTokenRequest, TokenFailure, type IssuedToken, type TokenCache } from '../token-cache.js';
import type { UspsConfig } from './config.js';
import {
  errorMessageSchema,
  saysUnknownNumber,
  tokenResponseSchema,
  USPS_EXPAND,
  USPS_TOKEN_PATH,
  USPS_TRACK_PATH,
  type UspsTokenRequest,
} from './wire.js';

/** When `expires_in` is missing or unreadable: short, so a wrong guess costs one extra token [I]. */
export const USPS_DEFAULT_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
/** How long refused credentials are believed before the next try. */
export const USPS_AUTH_HOLD_MS = 5 * 60 * 1000;
/** A 429 without Retry-After: wait this long before asking again [I]. */
export const USPS_THROTTLE_HOLD_MS = 60 * 1000;

export type UspsAnswer = { kind: 'body'; body: unknown } | { kind: 'not_found' } | { kind: 'failed'; failure: CarrierFailure };

/** A token request that did not produce a token; caught inside this file only. */
export interface UspsClient {
  track(trackingNumber: string, signal?: AbortSignal): Promise<UspsAnswer>;
}

export function trackPath(trackingNumber: string): string {
  return `${USPS_TRACK_PATH}/${encodeURIComponent(trackingNumber)}?expand=${USPS_EXPAND}`;
}

export function createUspsClient(http: AxiosInstance, config: UspsConfig, now: () => Date): UspsClient {
  async function fetchToken(): Promise<IssuedToken> {
    const body: UspsTokenRequest = {
      client_id: config.credentials.CLIENT_ID.reveal(),
      client_secret: config.credentials.CLIENT_SECRET.reveal(),
      grant_type: 'client_credentials',
    };
    const response = await postTokenRequest(
      http,
      `${config.baseUrl}${USPS_TOKEN_PATH}`,
      body,
      { 'Content-Type': 'application/json', Accept: 'application/json' },
    );
    // The body is fixed, so a 400 (`invalid_client`, `invalid_request`) is the credentials.
    if (response.status === 400) throw new TokenFailure({ kind: 'auth' });
    const failure = failureFromStatus(response.status, { ...response.headers }, now());
    if (failure) throw new TokenFailure(failure);
    const parsed = tokenResponseSchema.safeParse(response.data);
    if (!parsed.success) throw new TokenFailure({ kind: 'malformed', detail: 'token response has no access_token' });
    const seconds = Number(parsed.data.expires_in);
    const lifetimeMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : USPS_DEFAULT_TOKEN_LIFETIME_MS;
    return { token: parsed.data.access_token, expiresAt: new Date(now().getTime() + lifetimeMs) };
  }

  const tokens: TokenCache = createTokenCache(fetchToken, now);
  let hold: { until: number; failure: CarrierFailure } | null = null;

  async function query(trackingNumber: string, signal: AbortSignal | undefined): Promise<AxiosResponse<unknown>> {
    const token = await tokens.get();
    return http.get<unknown>(`${config.baseUrl}${trackPath(trackingNumber)}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      ...(signal && { signal }),
    });
  }

  function answerOf(response: AxiosResponse<unknown>): UspsAnswer {
    if (response.status === 404) return { kind: 'not_found' };
    if (response.status === 400) {
      // USPS spends a 400 on an unknown number too (error code 150002, research §4 [S]).
      const error = errorMessageSchema.safeParse(response.data);
      if (error.success && saysUnknownNumber(error.data)) return { kind: 'not_found' };
    }
    const failure = failureFromStatus(response.status, { ...response.headers }, now());
    return failure ? { kind: 'failed', failure } : { kind: 'body', body: response.data };
  }

  /** Remembers account-wide refusals; returns the answer unchanged. */
  function remember(answer: UspsAnswer): UspsAnswer {
    if (answer.kind !== 'failed') return answer;
    const { failure } = answer;
    if (failure.kind === 'auth') hold = { until: now().getTime() + USPS_AUTH_HOLD_MS, failure };
    if (failure.kind === 'rate_limited') hold = { until: now().getTime() + (failure.retryAfterMs ?? USPS_THROTTLE_HOLD_MS), failure };
    return answer;
  }

  function held(): UspsAnswer | null {
    if (!hold) return null;
    const left = hold.until - now().getTime();
    if (left <= 0) {
      hold = null;
      return null;
    }
    if (hold.failure.kind === 'rate_limited') return { kind: 'failed', failure: { ...hold.failure, retryAfterMs: left } };
    return { kind: 'failed', failure: hold.failure };
  }

  return {
    async track(trackingNumber, signal) {
      const waiting = held();
      if (waiting) return waiting;
      try {
        let response = await query(trackingNumber, signal);
        if (response.status === 401) {
          // Expired or revoked token: renew once. A second 401 is the app (e.g. no tracking product).
          tokens.invalidate();
          response = await query(trackingNumber, signal);
        }
        return remember(answerOf(response));
      } catch (error) {
        if (error instanceof TokenFailure) return remember({ kind: 'failed', failure: error.failure });
        return { kind: 'failed', failure: failureFromError(error) };
      }
    },
  };
}
