/**
 * Sends one GetQueryJSON call (SOAP 1.1, WCF) and hands back the JSON text inside
 * `GetQueryJSONResult`. Knows the path, the SOAP action and the envelope; turns transport errors,
 * HTTP statuses and SOAP faults into the failure every number of the request shares. Credentials
 * go into the envelope only: never into a return value, a failure or a log line.
 */
import type { AxiosInstance } from 'axios';
import { XMLBuilder } from 'fast-xml-parser';
import type { CarrierFailure, QueryKey } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import { buildSoapEnvelope, parseSoapAnswer, soapContentType } from '../soap.js';
import { arasServicePath, type ArasConfig } from './config.js';
import {
  ARAS_NAMESPACE,
  ARAS_OPERATION,
  ARAS_QUERY_BY_REFERENCE,
  ARAS_QUERY_BY_TRACKING_NUMBER,
  ARAS_SOAP_ACTION,
} from './wire.js';

export type ArasQueryAnswer = { ok: true; result: string } | { ok: false; failure: CarrierFailure };

// loginInfo and queryInfo are XML documents passed as strings: built here, then escaped again as
// text of the SOAP parameters by buildSoapEnvelope.
const innerBuilder = new XMLBuilder({ format: false, suppressEmptyNode: false });

export function loginInfoXml(config: ArasConfig): string {
  return innerBuilder.build({
    LoginInfo: {
      UserName: config.credentials.USERNAME.reveal(),
      Password: config.credentials.PASSWORD.reveal(),
      CustomerCode: config.credentials.CUSTOMER_CODE.reveal(),
    },
  }) as string;
}

export function queryInfoXml(numbers: readonly string[], by: QueryKey): string {
  const list = numbers.join(',');
  const query =
    by === 'reference'
      ? { QueryType: ARAS_QUERY_BY_REFERENCE, IntegrationCode: list }
      : { QueryType: ARAS_QUERY_BY_TRACKING_NUMBER, TrackingNumber: list };
  return innerBuilder.build({ QueryInfo: query }) as string;
}

export function queryEnvelope(config: ArasConfig, numbers: readonly string[], by: QueryKey): string {
  return buildSoapEnvelope({
    version: '1.1',
    namespace: ARAS_NAMESPACE,
    operation: ARAS_OPERATION,
    body: { loginInfo: loginInfoXml(config), queryInfo: queryInfoXml(numbers, by) },
  });
}

export async function requestQuery(
  http: AxiosInstance,
  config: ArasConfig,
  request: { numbers: readonly string[]; by: QueryKey; signal?: AbortSignal | undefined; now: () => Date },
): Promise<ArasQueryAnswer> {
  let status: number;
  let headers: Record<string, unknown>;
  let data: unknown;
  try {
    const url = `${config.baseUrl}${arasServicePath(config)}`;
    const response = await http.post<unknown>(url, queryEnvelope(config, request.numbers, request.by), {
      headers: { ...soapContentType('1.1', ARAS_SOAP_ACTION), Accept: 'text/xml' },
      responseType: 'text',
      ...(request.signal && { signal: request.signal }),
    });
    ({ status, data } = response);
    headers = { ...response.headers };
  } catch (error) {
    return { ok: false, failure: failureFromError(error) };
  }
  if (status === 401 || status === 403 || status === 429) {
    return { ok: false, failure: failureFromStatus(status, headers, request.now()) ?? { kind: 'auth' } };
  }
  const answer = parseSoapAnswer(data);
  // WCF sends faults with HTTP 500; the fault code is a qualified name, the message stays out.
  if (answer.kind === 'fault') {
    const code = /^[\w:.-]{1,60}$/.test(answer.code) ? answer.code : 'Fault';
    return { ok: false, failure: { kind: 'unavailable', detail: `SOAP fault ${code} (HTTP ${status})` } };
  }
  const httpFailure = failureFromStatus(status, headers, request.now());
  if (httpFailure) return { ok: false, failure: httpFailure };
  if (answer.kind === 'malformed') return { ok: false, failure: { kind: 'malformed', detail: answer.detail } };
  const response = answer.body['GetQueryJSONResponse'];
  const result =
    typeof response === 'object' && response !== null && !Array.isArray(response)
      ? (response as Record<string, unknown>)['GetQueryJSONResult']
      : undefined;
  if (typeof result !== 'string') {
    return { ok: false, failure: { kind: 'malformed', detail: 'SOAP body has no GetQueryJSONResponse/GetQueryJSONResult text' } };
  }
  return { ok: true, result };
}
