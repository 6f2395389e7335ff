/**
 * The HTTP client every carrier shares: a timeout, and one translation from transport errors to
 * typed carrier failures. Diagnostics carry method, path and status only: never headers or
 * bodies, which hold credentials and personal data.
 */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { CarrierFailure } from './contract.js';

export const DEFAULT_CARRIER_TIMEOUT_MS = 15_000;

export function createCarrierHttp(options: { timeoutMs?: number } = {}): AxiosInstance {
  return axios.create({
    timeout: options.timeoutMs ?? DEFAULT_CARRIER_TIMEOUT_MS,
    // Carriers answer errors with bodies we want to read; status decides, not axios.
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { 'user-agent': 'shipwatch/0.1' },
  });
}

/** Retry-After is either seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: unknown, now: Date): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Maps a non-2xx response to the failure every number of that request shares. */
export function failureFromStatus(
  status: number,
  headers: Record<string, unknown>,
  now: Date,
): CarrierFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403) return { kind: 'auth' };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
    return retryAfterMs === undefined ? { kind: 'rate_limited' } : { kind: 'rate_limited', retryAfterMs };
  }
  if (status >= 500) return { kind: 'unavailable', detail: `carrier answered HTTP ${status}` };
  return { kind: 'malformed', detail: `carrier answered HTTP ${status}` };
}

/** Maps a thrown transport error (timeout, refused connection…) to a failure. */
export function failureFromError(error: unknown): CarrierFailure {
  if (error instanceof AxiosError) {
    const where = `${error.config?.method?.toUpperCase() ?? 'request'} ${pathOf(error.config?.url)}`;
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
      return { kind: 'unavailable', detail: `timeout on ${where}` };
    }
    return { kind: 'unavailable', detail: `${error.code ?? 'network error'} on ${where}` };
  }
  return { kind: 'unavailable', detail: error instanceof Error ? error.name : 'unknown error' };
}

function pathOf(url: string | undefined): string {
  if (!url) return '?';
  try {
    return new URL(url, 'http://x').pathname;
  } catch {
    return '?';
  }
}
