/**
 * Sends one `KargoTakipHareketDetayi` request to Sürat's REST API (research carriers-tr.md §5): a
 * `POST` with an empty body (IIS wants `Content-Length: 0`) and the credentials in the query string,
 * the only auth the endpoint accepts [1]. The URL therefore holds the password: it is built by axios
 * from `params` here and never logged, returned or put into a failure (http.ts keeps only the path).
 */
import type { AxiosInstance } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import type { SuratConfig } from './config.js';

export const SURAT_TRACK_PATH = '/api/KargoTakipHareketDetayi';

export type SuratTrackAnswer = { ok: true; body: unknown } | { ok: false; failure: CarrierFailure };

export async function requestSuratTracking(
  http: AxiosInstance,
  config: SuratConfig,
  request: { webSiparisKodu: string; signal?: AbortSignal | undefined; now: () => Date },
): Promise<SuratTrackAnswer> {
  try {
    const response = await http.post<unknown>(`${config.baseUrl}${SURAT_TRACK_PATH}`, undefined, {
      params: {
        CariKodu: config.credentials.CUSTOMER_CODE.reveal(),
        Sifre: config.credentials.PASSWORD.reveal(),
        WebSiparisKodu: request.webSiparisKodu,
      },
      headers: { Accept: 'application/json', 'Content-Length': '0' },
      ...(request.signal && { signal: request.signal }),
    });
    const failure = failureFromStatus(response.status, { ...response.headers }, request.now());
    return failure ? { ok: false, failure } : { ok: true, body: unwrapJsonString(response.data) };
  } catch (error) {
    return { ok: false, failure: failureFromError(error) };
  }
}

/** ASMX-style services answer JSON inside a JSON string; read it once more when that happens [I]. */
function unwrapJsonString(body: unknown): unknown {
  if (typeof body !== 'string' || !body.trim().startsWith('{')) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
