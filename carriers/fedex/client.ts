/**
 * Talks to FedEx: an OAuth token from `/oauth/token` (client credentials, form-encoded) cached by the
 * shared token cache for its `expires_in`, one track POST per batch, the token renewed once when
 * the POST answers 401. Returns values, never throws; never returns or logs what it sent (the form
 * holds the secret, the headers the token).
 *
 * FedEx penalises a public IP that asks for tokens too often (3/s for 5 s or 1/s for 2 min → 403 for
 * 10 minutes, extended while it continues; research §3 [C]). The cache already lets one caller
 * fetch at a time; on top of that a failed token request is not repeated for a cool-down, and every
 * caller meanwhile gets the same failure without a request.
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import { createTokenCache, postTokenRequest, TokenFailure, type IssuedToken } from '../token-cache.js';
import type { FedexConfig } from './config.js';
import { FEDEX_TOKEN_PATH, FEDEX_TRACK_PATH, tokenResponseSchema, type FedexTrackRequest } from './wire.js';

/** After a failed token request, no new one for this long. */
export const FEDEX_TOKEN_COOLDOWN_MS = 60_000;
/** After a 403 from the token endpoint (FedEx's IP penalty), the documented penalty time. */
export const FEDEX_TOKEN_PENALTY_MS = 10 * 60_000;

export type FedexAnswer =
  | { kind: 'answer'; status: number; headers: Record<string, unknown>; body: unknown }
  | { kind: 'failed'; failure: CarrierFailure };

export interface FedexClient {
  track(request: FedexTrackRequest, signal?: AbortSignal): Promise<FedexAnswer>;
}

/** A token request that did not produce a token; caught inside this file only. */
export function createFedexClient(http: AxiosInstance, config: FedexConfig, now: () => Date): FedexClient {
  let refused: { failure: CarrierFailure; until: number } | null = null;
  let lastIssued: string | null = null;

  async function requestToken(): Promise<IssuedToken> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: config.credentials.CLIENT_ID.reveal(),
      client_secret: config.credentials.CLIENT_SECRET.reveal(),
    });
    const response = await postTokenRequest(
      http,
      `${config.baseUrl}${FEDEX_TOKEN_PATH}`,
      form.toString(),
      { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    );
    // The form is fixed: a 400 or 401 here is the key pair [I].
    if (response.status === 400 || response.status === 401) throw new TokenFailure({ kind: 'auth' });
    if (response.status === 403) {
      const failure = { kind: 'rate_limited', retryAfterMs: FEDEX_TOKEN_PENALTY_MS, detail: 'token endpoint refused this IP (403)' } as const;
      throw new TokenFailure(failure, FEDEX_TOKEN_PENALTY_MS);
    }
    const failure = failureFromStatus(response.status, { ...response.headers }, now());
    if (failure) {
      const wait = failure.kind === 'rate_limited' ? Math.max(FEDEX_TOKEN_COOLDOWN_MS, failure.retryAfterMs ?? 0) : FEDEX_TOKEN_COOLDOWN_MS;
      throw new TokenFailure(failure, wait);
    }
    const parsed = tokenResponseSchema.safeParse(response.data);
    if (!parsed.success) throw new TokenFailure({ kind: 'malformed', detail: 'token response has no access_token' });
    return { token: parsed.data.access_token, expiresAt: new Date(now().getTime() + parsed.data.expires_in * 1000) };
  }

  async function fetchToken(): Promise<IssuedToken> {
    const at = now().getTime();
    if (refused && at < refused.until) {
      const { failure, until } = refused;
      throw new TokenFailure(failure.kind === 'rate_limited' && failure.retryAfterMs !== undefined ? { ...failure, retryAfterMs: until - at } : failure);
    }
    try {
      const issued = await requestToken();
      refused = null;
      lastIssued = issued.token;
      return issued;
    } catch (error) {
      if (error instanceof TokenFailure) refused = { failure: error.failure, until: at + (error.cooldownMs ?? FEDEX_TOKEN_COOLDOWN_MS) };
      throw error;
    }
  }

  const tokens = createTokenCache(fetchToken, now);

  async function post(request: FedexTrackRequest, signal: AbortSignal | undefined): Promise<{ token: string; response: AxiosResponse<unknown> }> {
    const token = await tokens.get();
    const response = await http.post<unknown>(`${config.baseUrl}${FEDEX_TRACK_PATH}`, request, {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json', 'X-locale': 'en_US' },
      ...(signal && { signal }),
    });
    return { token, response };
  }

  return {
    async track(request, signal) {
      try {
        const first = await post(request, signal);
        let response = first.response;
        if (response.status === 401) {
          // Expired or revoked token: renew once. If another batch already renewed it, just use that one.
          if (first.token === lastIssued) tokens.invalidate();
          ({ response } = await post(request, signal));
        }
        return { kind: 'answer', status: response.status, headers: { ...response.headers }, body: response.data };
      } catch (error) {
        if (error instanceof TokenFailure) return { kind: 'failed', failure: error.failure };
        return { kind: 'failed', failure: failureFromError(error) };
      }
    },
  };
}
