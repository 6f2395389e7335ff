/**
 * One GonderiTakipV2 call: builds the SOAP 1.2 envelope, posts it, and turns transport errors,
 * HTTP errors and SOAP faults into the failure that request shares. The credentials go into the
 * envelope and nowhere else: never into a failure detail or a log line.
 */
import type { AxiosInstance } from 'axios';
import type { CarrierFailure, QueryKey } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import { buildSoapEnvelope, parseSoapAnswer, soapContentType } from '../soap.js';
import type { PttConfig } from './config.js';
import {
  PTT_KEY_ELEMENT,
  PTT_NAMESPACE,
  PTT_OPERATIONS,
  PTT_TEST_TRACKING_PATH,
  PTT_TRACKING_PATH,
  PTT_XSD_NAMESPACE,
} from './wire.js';

export type PttCallAnswer = { ok: true; result: unknown } | { ok: false; failure: CarrierFailure };

export function pttTrackingUrl(config: PttConfig): string {
  return `${config.baseUrl}${config.testEnvironment ? PTT_TEST_TRACKING_PATH : PTT_TRACKING_PATH}`;
}

/** The request envelope; `input` children are in the xsd namespace, as Axis2 generates them. */
export function pttTrackingEnvelope(config: PttConfig, key: string, by: QueryKey): string {
  return buildSoapEnvelope({
    version: '1.2',
    namespace: PTT_NAMESPACE,
    operation: PTT_OPERATIONS[by],
    qualifiedChildren: false,
    body: {
      'ns:input': {
        '@_xmlns:xsd': PTT_XSD_NAMESPACE,
        [`xsd:${PTT_KEY_ELEMENT[by]}`]: key,
        'xsd:kullanici': config.credentials.CUSTOMER_NUMBER.reveal(),
        'xsd:sifre': config.credentials.PASSWORD.reveal(),
      },
    },
  });
}

export async function callPttTracking(
  http: AxiosInstance,
  config: PttConfig,
  request: { key: string; by: QueryKey; signal?: AbortSignal | undefined; now: () => Date },
): Promise<PttCallAnswer> {
  const operation = PTT_OPERATIONS[request.by];
  try {
    const response = await http.post<unknown>(pttTrackingUrl(config), pttTrackingEnvelope(config, request.key, request.by), {
      headers: { ...soapContentType('1.2', `urn:${operation}`), accept: 'application/soap+xml, text/xml' },
      responseType: 'text',
      transformResponse: (data: unknown) => data,
      ...(request.signal && { signal: request.signal }),
    });
    const headers = { ...response.headers };
    // Status decides for auth and rate limits; Axis2 sends faults with HTTP 500, read those first.
    if (response.status === 401 || response.status === 403 || response.status === 429) {
      return { ok: false, failure: failureFromStatus(response.status, headers, request.now()) ?? { kind: 'auth' } };
    }
    const answer = parseSoapAnswer(response.data);
    if (answer.kind === 'fault') return { ok: false, failure: failureFromFault(answer.code) };
    const statusFailure = failureFromStatus(response.status, headers, request.now());
    if (statusFailure) return { ok: false, failure: statusFailure };
    if (answer.kind === 'malformed') return { ok: false, failure: { kind: 'malformed', detail: answer.detail } };
    const wrapper = answer.body[`${operation}Response`];
    if (typeof wrapper !== 'object' || wrapper === null || !('return' in wrapper)) {
      return { ok: false, failure: { kind: 'malformed', detail: `SOAP answer has no ${operation}Response/return` } };
    }
    return { ok: true, result: wrapper.return };
  } catch (error) {
    return { ok: false, failure: failureFromError(error) };
  }
}

/**
 * A fault's reason text may echo the request (and so the credentials): only the code is kept.
 * Sender/Client faults mean PTT rejected what we sent; anything else is PTT's own trouble.
 */
function failureFromFault(code: string): CarrierFailure {
  const safeCode = code.replace(/[^A-Za-z0-9:._-]/g, '').slice(0, 60) || 'Fault';
  if (/sender|client/i.test(safeCode)) return { kind: 'malformed', detail: `PTT rejected the request (SOAP fault ${safeCode})` };
  return { kind: 'unavailable', detail: `PTT answered a SOAP fault (${safeCode})` };
}
