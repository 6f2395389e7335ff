/**
 * Sends one GetCorporateShipmentsStatus request. Knows the path, the auth header and the body
 * shape; turns transport errors and non-2xx answers into the failure every number of the request
 * shares. Never returns or logs headers: they hold the token.
 */
import type { AxiosInstance } from 'axios';
import type { CarrierFailure, QueryKey } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import type { KolayGelsinConfig } from './config.js';
import { KOLAYGELSIN_TRACK_PATH, type KolayGelsinTrackRequest } from './wire.js';

export type KolayGelsinTrackAnswer = { ok: true; body: unknown } | { ok: false; failure: CarrierFailure };

/**
 * By tracking number: the carrier's ShipmentId. By reference: the shop's key, which Kolay Gelsin
 * knows either as the parcel's CustomerBarcode or the shipment's CustomerSpecificCode, so it is
 * asked under both lists (mixed lists are allowed in one call) and matched on either in parse.ts.
 */
export function trackRequestBody(numbers: readonly string[], by: QueryKey): KolayGelsinTrackRequest {
  const list = [...numbers];
  return {
    ShipmentIdList: by === 'trackingNumber' ? list : [],
    CustomerSpecificCodeList: by === 'reference' ? list : [],
    CustomerBarcodeList: by === 'reference' ? [...list] : [],
    CustomerTrackingIdList: [],
    OnlyLatestEvents: false,
  };
}

/** The swagger's ApiKeyAuth puts the token in `Authorization`; clients send it as a bearer token. */
export function authorizationHeader(token: string): string {
  const trimmed = token.trim();
  return /^bearer\s/i.test(trimmed) ? trimmed : `Bearer ${trimmed}`;
}

export async function requestTracking(
  http: AxiosInstance,
  config: KolayGelsinConfig,
  request: { numbers: readonly string[]; by: QueryKey; signal?: AbortSignal | undefined; now: () => Date },
): Promise<KolayGelsinTrackAnswer> {
  try {
    const response = await http.post<unknown>(`${config.baseUrl}${KOLAYGELSIN_TRACK_PATH}`, trackRequestBody(request.numbers, request.by), {
      headers: {
        Authorization: authorizationHeader(config.credentials.TOKEN.reveal()),
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      // Read the body as text and parse it here, so a non-JSON answer becomes `malformed`.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      ...(request.signal && { signal: request.signal }),
    });
    const failure = failureFromStatus(response.status, { ...response.headers }, request.now());
    if (failure) return { ok: false, failure };
    return readJson(response.data);
  } catch (error) {
    return { ok: false, failure: failureFromError(error) };
  }
}

function readJson(data: unknown): KolayGelsinTrackAnswer {
  if (typeof data !== 'string') return { ok: true, body: data };
  try {
    return { ok: true, body: JSON.parse(data) as unknown };
  } catch {
    return { ok: false, failure: { kind: 'malformed', detail: 'track response is not JSON' } };
  }
}
