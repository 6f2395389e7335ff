/**
 * Talks to HepsiJet: fetches and caches the token, posts one track request, renews the token
 * once on a 401. Knows paths, headers and body shape; turns transport errors and non-2xx answers
 * into the failure of that request. Never returns or logs headers: they hold the password (Basic)
 * and the token.
 */
import type { AxiosInstance } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import { createTokenCache, type IssuedToken } from '../token-cache.js';
import type { HepsijetConfig } from './config.js';
import { tokenResponseSchema, type HepsijetTrackRequest } from './wire.js';

/**
 * The endpoints this adapter uses. The tracking endpoint is documented in conflicting ways
 * (research carriers-tr.md §6, each variant seen once); this is the best-supported variant:
 * its path is in two sources (HJ-A with `/rest`, HJ-B without) and HJ-A, which cites HepsiJet's
 * "Module Design – Integration v2.1", is the only source that shows the answer's shape
 * (`data[] {integrationStatus, trackingUrl, details[] {integrationStatus, transactionDate}}`).
 */
export const HEPSIJET_ENDPOINTS = {
  /** GET with HTTP Basic user:password → `{status:"OK", data:{token}}` [M: HJ-A, HJ-B]. */
  token: '/auth/getToken',
  /** POST `{barcodes:[…], isTrackAdded:true}` with header X-Auth-Token [1: HJ-A]. */
  track: '/rest/delivery/integration/track',
} as const;

/**
 * The documented alternatives, NOT used: kept here, in one place, so switching is a one-line
 * change once HepsiJet confirms which one a shop's account speaks (README.md, "Unverified").
 */
export const HEPSIJET_ENDPOINT_ALTERNATIVES = {
  /** HJ-B calls the same operation without the `/rest` prefix (there: "create tracking link"). */
  trackWithoutRestPrefix: '/delivery/integration/track',
  /** HJ-B and id 59654119530: POST `{deliveries:[{customerDeliveryNo}]}`; answer shape not shown. */
  deliveryTracking: '/deliveryTransaction/getDeliveryTracking',
  /** HJ-C ("Retail" doc): POST `{barcode}`, reads `data.deliveryStatus`; path not given. */
  retailTrackBody: '{ barcode }',
  /** HJ-C: POST JSON `{username,password}` with X-Origin: integration, X-Client-Id: hj-integration. */
  retailToken: '/auth/token',
  /** An older test host [1]. */
  olderTestHost: 'https://dmzlastmile.hepsiexpress.com:8091',
} as const;

/** 60 minutes [1: HJ-A citing v2.1]; clients renew after 30–55 [M]. We renew after 50. */
export const HEPSIJET_TOKEN_LIFETIME_MS = 60 * 60_000;
export const HEPSIJET_TOKEN_REFRESH_MARGIN_MS = 10 * 60_000;

export type HepsijetAnswer = { ok: true; body: unknown } | { ok: false; failure: CarrierFailure };

export interface HepsijetClient {
  track(barcodes: readonly string[], signal?: AbortSignal): Promise<HepsijetAnswer>;
}

/** A token could not be had; carries the failure, never the credentials. */
class TokenUnavailable extends Error {
  constructor(readonly failure: CarrierFailure) {
    super(`hepsijet token: ${failure.kind}`);
    this.name = 'TokenUnavailable';
  }
}

type Sent = { kind: 'answer'; status: number; headers: Record<string, unknown>; body: unknown } | { kind: 'failed'; failure: CarrierFailure };

export function trackRequestBody(barcodes: readonly string[]): HepsijetTrackRequest {
  return { barcodes: [...barcodes], isTrackAdded: true };
}

export function createHepsijetClient(http: AxiosInstance, config: HepsijetConfig, now: () => Date): HepsijetClient {
  async function fetchToken(): Promise<IssuedToken> {
    let status: number;
    let headers: Record<string, unknown>;
    let body: unknown;
    try {
      const response = await http.get<unknown>(`${config.baseUrl}${HEPSIJET_ENDPOINTS.token}`, {
        auth: { username: config.credentials.USERNAME.reveal(), password: config.credentials.PASSWORD.reveal() },
        headers: { Accept: 'application/json' },
      });
      ({ status, data: body } = response);
      headers = { ...response.headers };
    } catch (error) {
      throw new TokenUnavailable(failureFromError(error));
    }
    const failure = failureFromStatus(status, headers, now());
    if (failure) throw new TokenUnavailable(failure);
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new TokenUnavailable({ kind: 'malformed', detail: 'token response does not match the expected shape' });
    const token = parsed.data.data?.token;
    // HTTP 200 with status FAIL: the carrier refused these credentials.
    if (parsed.data.status !== 'OK' || !token) throw new TokenUnavailable({ kind: 'auth' });
    return { token, expiresAt: new Date(now().getTime() + HEPSIJET_TOKEN_LIFETIME_MS) };
  }

  const tokens = createTokenCache(fetchToken, now, HEPSIJET_TOKEN_REFRESH_MARGIN_MS);

  async function postTrack(barcodes: readonly string[], signal: AbortSignal | undefined): Promise<Sent> {
    let token: string;
    try {
      token = await tokens.get();
    } catch (error) {
      return { kind: 'failed', failure: error instanceof TokenUnavailable ? error.failure : failureFromError(error) };
    }
    try {
      const response = await http.post<unknown>(`${config.baseUrl}${HEPSIJET_ENDPOINTS.track}`, trackRequestBody(barcodes), {
        headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json', Accept: 'application/json' },
        ...(signal && { signal }),
      });
      return { kind: 'answer', status: response.status, headers: { ...response.headers }, body: response.data };
    } catch (error) {
      return { kind: 'failed', failure: failureFromError(error) };
    }
  }

  return {
    async track(barcodes, signal) {
      let sent = await postTrack(barcodes, signal);
      if (sent.kind === 'answer' && sent.status === 401) {
        // The token expired early or was revoked: renew once, then the answer stands.
        tokens.invalidate();
        sent = await postTrack(barcodes, signal);
      }
      if (sent.kind === 'failed') return { ok: false, failure: sent.failure };
      const failure = failureFromStatus(sent.status, sent.headers, now());
      return failure ? { ok: false, failure } : { ok: true, body: sent.body };
    },
  };
}
