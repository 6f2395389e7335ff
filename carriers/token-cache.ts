/**
 * Bearer tokens for carriers that issue them (MNG's JWT, HepsiJet): fetched once, cached until
 * shortly before expiry, fetched by one caller at a time, and dropped when the carrier says 401 so
 * the adapter can renew once and retry.
 */
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
