/**
 * Bearer tokens for carriers that issue them (MNG's JWT, HepsiJet): fetched once, cached until
 * shortly before expiry, fetched by one caller at a time, and dropped when the carrier says 401 so
 * the adapter can renew once and retry.
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { CarrierFailure } from './contract.js';
import { failureFromError } from './http.js';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface TokenCache {
  get(): Promise<string>;
  /** Forget the token (after a 401), so the next get() fetches a new one. */
  invalidate(): void;
}

export function createTokenCache(fetchToken: () => Promise<IssuedToken>, now: () => Date, refreshMarginMs = 60_000): TokenCache {
  let current: IssuedToken | null = null;
  let inFlight: Promise<IssuedToken> | null = null;
  return {
    async get() {
      if (current && current.expiresAt.getTime() - refreshMarginMs > now().getTime()) return current.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      current = await inFlight;
      return current.token;
    },
    invalidate() {
      current = null;
    },
  };
}

/**
 * A token request that failed: every number the adapter was asked about then fails with this
 * failure. `cooldownMs` is how long a carrier that punishes retries should be left alone.
 */
export class TokenFailure extends Error {
  constructor(
    readonly failure: CarrierFailure,
    readonly cooldownMs?: number,
  ) {
    super(`token request failed (${failure.kind})`);
  }
}

/** POSTs a token request; a request that never got an answer (timeout, refused) is a TokenFailure. */
export async function postTokenRequest(http: AxiosInstance, url: string, body: unknown, headers: Record<string, string>): Promise<AxiosResponse<unknown>> {
  try {
    return await http.post<unknown>(url, body, { headers });
  } catch (error) {
    throw new TokenFailure(failureFromError(error));
  }
}
