/**
 * Talks to UPS: an OAuth client-credentials token (HTTP Basic with the app's client id and secret)
 * cached with the shared token cache for its `expires_in`, then one GET per tracking number with
 * the bearer token and the required `transId` / `transactionSrc` headers. Returns values, never
 * throws; never returns or logs headers or bodies sent (they hold the credentials).
 */
import { randomUUID } from 'node:crypto';
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus, parseRetryAfter } from '../http.js';
import { createTokenCache, postTokenRequest, TokenFailure, type IssuedToken } from '../token-cache.js';
import type { UpsConfig } from './config.js';
import { tokenResponseSchema, UPS_TOKEN_PATH, UPS_TRACK_PATH, UPS_TRACK_QUERY, UPS_TRANSACTION_SOURCE } from './wire.js';

/** Used when `expires_in` is unreadable: well inside the documented ~4 h (research §0.5). */
export const UPS_FALLBACK_TOKEN_LIFETIME_MS = 30 * 60 * 1000;
/** Renew a little before expiry so a token never runs out between the check and the call. */
export const UPS_TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** The token endpoint documents 429 "Quota Limit Exceeded" (OAuthClientCredentials.yaml [C]). */
export const UPS_TOKEN_QUOTA_DETAIL = 'UPS token quota exceeded';

/** Statuses whose body the adapter reads: 200, and the documented 400/404 error answers. */
export type UpsAnswer = { kind: 'body'; status: number; body: unknown } | { kind: 'failed'; failure: CarrierFailure };

export interface UpsClient {
  track(inquiryNumber: string, signal?: AbortSignal): Promise<UpsAnswer>;
}

/** A token request that did not produce a token; caught inside this file only. */
export function trackUrl(baseUrl: string, inquiryNumber: string): string {
  return `${baseUrl}${UPS_TRACK_PATH}/${encodeURIComponent(inquiryNumber)}?${UPS_TRACK_QUERY}`;
}

/** Spec: "an identifier unique to the request"; 32 hex characters fit UPS's length limit [I]. */
export function newTransId(): string {
  return randomUUID().replace(/-/g, '');
}

export function createUpsClient(http: AxiosInstance, config: UpsConfig, now: () => Date): UpsClient {
  async function fetchToken(): Promise<IssuedToken> {
    const basic = Buffer.from(`${config.credentials.CLIENT_ID.reveal()}:${config.credentials.CLIENT_SECRET.reveal()}`).toString('base64');
    const response = await postTokenRequest(http, `${config.baseUrl}${UPS_TOKEN_PATH}`, 'grant_type=client_credentials', {
      Authorization: `Basic ${basic}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    });
    rejectFailedTokenAnswer(response);
    const parsed = tokenResponseSchema.safeParse(response.data);
    if (!parsed.success) throw new TokenFailure({ kind: 'malformed', detail: 'token response has no access_token' });
    const seconds = Number(parsed.data.expires_in);
    const lifetimeMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : UPS_FALLBACK_TOKEN_LIFETIME_MS;
    return { token: parsed.data.access_token, expiresAt: new Date(now().getTime() + lifetimeMs) };
  }

  /** The request body is fixed, so a 400 as much as a 401/403 means UPS refused the app's credentials [I]. */
  function rejectFailedTokenAnswer(response: AxiosResponse<unknown>): void {
    const headers = { ...response.headers };
    if (response.status === 400) throw new TokenFailure({ kind: 'auth' });
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(headers['retry-after'], now());
      throw new TokenFailure({ kind: 'rate_limited', detail: UPS_TOKEN_QUOTA_DETAIL, ...(retryAfterMs !== undefined && { retryAfterMs }) });
    }
    const failure = failureFromStatus(response.status, headers, now());
    if (failure) throw new TokenFailure(failure);
  }

  const tokens = createTokenCache(fetchToken, now, UPS_TOKEN_REFRESH_MARGIN_MS);

  function query(inquiryNumber: string, token: string, signal: AbortSignal | undefined): Promise<AxiosResponse<unknown>> {
    return http.get<unknown>(trackUrl(config.baseUrl, inquiryNumber), {
      headers: { Authorization: `Bearer ${token}`, transId: newTransId(), transactionSrc: UPS_TRANSACTION_SOURCE, Accept: 'application/json' },
      ...(signal && { signal }),
    });
  }

  return {
    async track(inquiryNumber, signal) {
      try {
        const used = await tokens.get();
        let response = await query(inquiryNumber, used, signal);
        if (response.status === 401) {
          // Expired or revoked token: renew once. A parallel call may have renewed it already,
          // then its token is used instead of buying another. A second 401 is the account.
          let fresh = await tokens.get();
          if (fresh === used) {
            tokens.invalidate();
            fresh = await tokens.get();
          }
          response = await query(inquiryNumber, fresh, signal);
        }
        if (response.status === 200 || response.status === 400 || response.status === 404) {
          return { kind: 'body', status: response.status, body: response.data };
        }
        const failure = failureFromStatus(response.status, { ...response.headers }, now());
        return failure ? { kind: 'failed', failure } : { kind: 'failed', failure: { kind: 'malformed', detail: `carrier answered HTTP ${response.status}` } };
      } catch (error) {
        if (error instanceof TokenFailure) return { kind: 'failed', failure: error.failure };
        return { kind: 'failed', failure: failureFromError(error) };
      }
    },
  };
}
