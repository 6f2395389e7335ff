/**
 * Sends one track request to the sandbox carrier. Knows the path, the auth header and the body
 * shape; turns transport errors and non-2xx answers into the failure every number of the request
 * shares. Never returns or logs headers: they hold the API key.
 */
import type { AxiosInstance } from 'axios';
import type { CarrierFailure, QueryKey } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import type { SandboxConfig } from './config.js';
import type { SandboxTrackRequest } from './wire.js';

export const SANDBOX_TRACK_PATH = '/api/v1/track';

export type SandboxTrackAnswer = { ok: true; body: unknown } | { ok: false; failure: CarrierFailure };

export function trackRequestBody(numbers: readonly string[], by: QueryKey): SandboxTrackRequest {
  return by === 'reference' ? { references: [...numbers] } : { trackingNumbers: [...numbers] };
}

export async function requestTracking(
  http: AxiosInstance,
  config: SandboxConfig,
  request: { numbers: readonly string[]; by: QueryKey; signal?: AbortSignal | undefined; now: () => Date },
): Promise<SandboxTrackAnswer> {
  try {
    const response = await http.post<unknown>(`${config.baseUrl}${SANDBOX_TRACK_PATH}`, trackRequestBody(request.numbers, request.by), {
      headers: { 'X-Api-Key': config.apiKey.reveal(), 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(request.signal && { signal: request.signal }),
    });
    const failure = failureFromStatus(response.status, { ...response.headers }, request.now());
    return failure ? { ok: false, failure } : { ok: true, body: response.data };
  } catch (error) {
    return { ok: false, failure: failureFromError(error) };
  }
}
