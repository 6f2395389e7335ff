/**
 * Talks to MNG's API Zone: app-key headers on every call, a JWT from the identity endpoint cached
 * with the shared token cache, renewed once when a query answers 401. Returns values, never
 * throws; never returns or logs headers or bodies sent (they hold the credentials).
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { CarrierFailure, QueryKey } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import { createTokenCache, postTokenRequest, TokenFailure, type IssuedToken, type TokenCache } from '../token-cache.js';
import type { MngConfig } from './config.js';
import {
  MNG_IDENTITY_TYPE,
  MNG_TOKEN_PATH,
  MNG_TRACK_BY_REFERENCE_PATH,
  MNG_TRACK_BY_SHIPMENT_ID_PATH,
  tokenResponseSchema,
  type MngTokenRequest,
} from './wire.js';

/**
 * `jwtExpireDate` has no documented time zone (research §3a), so it is not trusted: a token is
 * kept for a fixed window well inside any reading of it, and a 401 renews it early.
 */
export const MNG_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export type MngAnswer = { kind: 'body'; body: unknown } | { kind: 'not_found' } | { kind: 'failed'; failure: CarrierFailure };

/** A token request that did not produce a token; caught inside this file only. */
export interface MngClient {
  track(identifier: string, by: QueryKey, signal?: AbortSignal): Promise<MngAnswer>;
}

export function trackPath(identifier: string, by: QueryKey): string {
  const base = by === 'reference' ? MNG_TRACK_BY_REFERENCE_PATH : MNG_TRACK_BY_SHIPMENT_ID_PATH;
  return `${base}/${encodeURIComponent(identifier)}`;
}

export function createMngClient(http: AxiosInstance, config: MngConfig, now: () => Date): MngClient {
  const appKeys = (): Record<string, string> => ({
    'X-IBM-Client-Id': config.credentials.CLIENT_ID.reveal(),
    'X-IBM-Client-Secret': config.credentials.CLIENT_SECRET.reveal(),
    Accept: 'application/json',
  });

  async function fetchToken(): Promise<IssuedToken> {
    const body: MngTokenRequest = {
      customerNumber: config.credentials.CUSTOMER_NUMBER.reveal(),
      password: config.credentials.PASSWORD.reveal(),
      identityType: MNG_IDENTITY_TYPE,
    };
    const response = await postTokenRequest(
      http,
      `${config.baseUrl}${MNG_TOKEN_PATH}`,
      body,
      { ...appKeys(), 'Content-Type': 'application/json' },
    );
    // The body is fixed: a 400 here means MNG rejected the customer number or password.
    if (response.status === 400) throw new TokenFailure({ kind: 'auth' });
    const failure = failureFromStatus(response.status, { ...response.headers }, now());
    if (failure) throw new TokenFailure(failure);
    const parsed = tokenResponseSchema.safeParse(response.data);
    if (!parsed.success) throw new TokenFailure({ kind: 'malformed', detail: 'token response has no jwt' });
    return { token: parsed.data.jwt, expiresAt: new Date(now().getTime() + MNG_TOKEN_LIFETIME_MS) };
  }

  const tokens: TokenCache = createTokenCache(fetchToken, now);

  async function query(identifier: string, by: QueryKey, signal: AbortSignal | undefined): Promise<AxiosResponse<unknown>> {
    const jwt = await tokens.get();
    return http.get<unknown>(`${config.baseUrl}${trackPath(identifier, by)}`, {
      headers: { ...appKeys(), Authorization: `Bearer ${jwt}` },
      ...(signal && { signal }),
    });
  }

  return {
    async track(identifier, by, signal) {
      try {
        let response = await query(identifier, by, signal);
        if (response.status === 401) {
          // Expired or revoked JWT: renew once. A second 401 is the app keys or the account.
          tokens.invalidate();
          response = await query(identifier, by, signal);
        }
        if (response.status === 404) return { kind: 'not_found' };
        const failure = failureFromStatus(response.status, { ...response.headers }, now());
        return failure ? { kind: 'failed', failure } : { kind: 'body', body: response.data };
      } catch (error) {
        if (error instanceof TokenFailure) return { kind: 'failed', failure: error.failure };
        return { kind: 'failed', failure: failureFromError(error) };
      }
    },
  };
}
