/**
 * Talks to DHL's Unified tracking endpoint: one GET per number with the API key header. Returns
 * values, never throws; never returns or logs the headers it sent (they hold the key).
 */
import type { AxiosInstance } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import type { DhlConfig } from './config.js';
import { DHL_SERVICES, DHL_TRACK_PATH, dhlProblemSchema, type DhlService } from './wire.js';

export type DhlAnswer = { kind: 'body'; body: unknown } | { kind: 'not_found' } | { kind: 'failed'; failure: CarrierFailure };

export interface DhlClient {
  track(trackingNumber: string, service: DhlService | undefined, signal?: AbortSignal): Promise<DhlAnswer>;
}

/**
 * The shop's service key as DHL spells it, or undefined when it is not one of the documented
 * values. An unknown value is not sent: `service` is an enum in DHL's spec, so a value outside it
 * would at best be ignored and at worst refused (HTTP 400) [I], and the number can still be
 * tracked without the hint (we then rely on the returned-id check instead).
 */
export function dhlService(value: string | undefined): DhlService | undefined {
  const key = value?.trim().toLowerCase();
  return DHL_SERVICES.find((s) => s === key);
}

export function trackUrl(baseUrl: string, trackingNumber: string, service: DhlService | undefined): string {
  const query = new URLSearchParams({ trackingNumber });
  if (service) query.set('service', service);
  return `${baseUrl}${DHL_TRACK_PATH}?${query.toString()}`;
}

export function createDhlClient(http: AxiosInstance, config: DhlConfig, now: () => Date): DhlClient {
  return {
    async track(trackingNumber, service, signal) {
      try {
        const response = await http.get<unknown>(trackUrl(config.baseUrl, trackingNumber, service), {
          headers: { 'DHL-API-Key': config.credentials.API_KEY.reveal(), Accept: 'application/json' },
          ...(signal && { signal }),
        });
        // DHL's documented "no result" is a 404 problem+json (research §1); a 404 of any other
        // shape is more likely a wrong CARRIER_DHL_BASE_URL, which must not read as "unknown number".
        if (response.status === 404 && dhlProblemSchema.safeParse(response.data).success) return { kind: 'not_found' };
        const failure = failureFromStatus(response.status, { ...response.headers }, now());
        return failure ? { kind: 'failed', failure } : { kind: 'body', body: response.data };
      } catch (error) {
        return { kind: 'failed', failure: failureFromError(error) };
      }
    },
  };
}
