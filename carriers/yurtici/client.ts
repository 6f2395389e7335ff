/**
 * Sends one `queryShipment` request to Yurtiçi. Knows the path, the envelope and where the
 * credentials go (wsUserName / wsPassword in the body, research §1 "Auth"); turns transport errors,
 * HTTP statuses and SOAP faults into the failure every key of the request shares. Never returns
 * or logs the request body or headers: the body holds the password.
 */
import type { AxiosInstance } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import { buildSoapEnvelope, parseSoapAnswer, soapContentType } from '../soap.js';
import type { YurticiConfig } from './config.js';
import { YURTICI_KEY_TYPE_CARGO_KEY, YURTICI_NAMESPACE, YURTICI_OPERATION, YURTICI_SERVICE_PATH } from './wire.js';

export type YurticiQueryAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; failure: CarrierFailure };

/** The envelope Yurtiçi's own sample sends: unqualified children, keys repeated, history on. */
export function queryShipmentEnvelope(config: YurticiConfig, keys: readonly string[]): string {
  return buildSoapEnvelope({
    version: '1.1',
    namespace: YURTICI_NAMESPACE,
    operation: YURTICI_OPERATION,
    qualifiedChildren: false,
    body: {
      wsUserName: config.credentials.USERNAME.reveal(),
      wsPassword: config.credentials.PASSWORD.reveal(),
      wsLanguage: 'TR',
      keys: [...keys],
      keyType: YURTICI_KEY_TYPE_CARGO_KEY,
      addHistoricalData: 'true',
      onlyTracking: 'false',
    },
  });
}

export async function requestQueryShipment(
  http: AxiosInstance,
  config: YurticiConfig,
  request: { keys: readonly string[]; signal?: AbortSignal | undefined; now: () => Date },
): Promise<YurticiQueryAnswer> {
  let status: number;
  let headers: Record<string, unknown>;
  let data: unknown;
  try {
    const response = await http.post<unknown>(`${config.baseUrl}${YURTICI_SERVICE_PATH}`, queryShipmentEnvelope(config, request.keys), {
      // research §1: SOAPAction "" is accepted.
      headers: { ...soapContentType('1.1', ''), Accept: 'text/xml' },
      responseType: 'text',
      transformResponse: (raw: unknown) => raw,
      ...(request.signal && { signal: request.signal }),
    });
    status = response.status;
    headers = { ...response.headers };
    data = response.data;
  } catch (error) {
    return { ok: false, failure: failureFromError(error) };
  }
  // Auth and throttling answers are decided by status whatever the body says.
  if (status === 401 || status === 403 || status === 429) {
    return { ok: false, failure: failureFromStatus(status, headers, request.now()) ?? { kind: 'unavailable', detail: `carrier answered HTTP ${status}` } };
  }
  const answer = parseSoapAnswer(data);
  // Axis sends SOAP faults with HTTP 500 (research §1: server errors come as faults).
  if (answer.kind === 'fault') return { ok: false, failure: { kind: 'unavailable', detail: `SOAP fault ${safeCode(answer.code)}` } };
  const byStatus = failureFromStatus(status, headers, request.now());
  if (byStatus) return { ok: false, failure: byStatus };
  if (answer.kind === 'malformed') return { ok: false, failure: { kind: 'malformed', detail: answer.detail } };
  return { ok: true, body: answer.body };
}

/** The fault code only when it looks like a code: fault strings are free text and may echo input. */
function safeCode(code: string): string {
  return /^[A-Za-z0-9_.:-]{1,60}$/.test(code) ? code : 'Fault';
}
