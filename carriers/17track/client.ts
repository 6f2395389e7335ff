/**
 * Talks to 17TRACK: every call a JSON POST carrying the key in the `17token` header, answers read
 * into the `{code, data}` envelope. Returns values, never throws; never returns or logs headers or
 * bodies sent (the key), and never copies 17TRACK's messages (they echo numbers and fields).
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { CarrierFailure } from '../contract.js';
import { failureFromError, failureFromStatus } from '../http.js';
import type { SeventeenTrackConfig } from './config.js';
import { envelopeSchema, ERROR, TOKEN_HEADER, type Envelope, type TrackItemRequest } from './wire.js';

/**
 * 17TRACK allows 3 requests a second per key [S]. The poller paces batches at 2 a second, but a
 * batch that registers new numbers makes a second call: every call of this client also starts at
 * least this long after the previous one, so even then no second sees more than 3.
 */
export const CALL_SPACING_MS = 400;

export type SeventeenTrackAnswer =
  | { kind: 'answered'; accepted: readonly unknown[]; rejected: readonly unknown[] }
  | { kind: 'failed'; failure: CarrierFailure };

export interface SeventeenTrackClient {
  post(path: string, items: readonly TrackItemRequest[], signal?: AbortSignal): Promise<SeventeenTrackAnswer>;
}

const AUTH_CODES: ReadonlySet<number> = new Set([ERROR.IP_NOT_ALLOWED, ERROR.INVALID_KEY, ERROR.ACCOUNT_DISABLED, ERROR.UNAUTHORIZED]);
/** Data codes: the request (or a number in it) was refused as invalid, research §5 [C]. */
const INVALID_DATA_CODES: ReadonlySet<number> = new Set([-18010010, -18010011, -18010012, -18010013, -18010015, -18010016]);
/** The carrier needs a postal code, country or phone shipwatch does not send [C]. */
const EXTRA_FIELD_CODES: ReadonlySet<number> = new Set([-18010018, -18010019, -18010020]);

/**
 * The failure a 17TRACK error code means, request-level (`data.errors[]`) or per number
 * (`rejected[].error`). Quota codes say so in `detail`: a used-up quota is no passing throttle.
 */
export function failureOfCode(code: number): CarrierFailure {
  if (AUTH_CODES.has(code)) return { kind: 'auth' };
  switch (code) {
    case ERROR.QUOTA_EXHAUSTED:
      return { kind: 'rate_limited', detail: '17TRACK quota exhausted' };
    case ERROR.DAILY_LIMIT:
      return { kind: 'rate_limited', detail: '17TRACK daily quota exhausted' };
    case ERROR.TOO_MANY_NUMBERS:
      return { kind: 'malformed', detail: `17TRACK refused a request of more than 40 numbers (${code})` };
    case ERROR.CARRIER_NOT_DETECTED:
      return { kind: 'unavailable', detail: "17TRACK could not detect the carrier; register it with carrierService set to 17TRACK's carrier code" };
    case ERROR.WRONG_CARRIER_CODE:
      return { kind: 'unavailable', detail: `17TRACK does not know the carrier code given as carrierService (${code})` };
    case ERROR.CARRIER_NOT_SUPPORTED:
      return { kind: 'unavailable', detail: `17TRACK cannot register numbers of this carrier yet (${code})` };
    case ERROR.INTERNAL:
      return { kind: 'unavailable', detail: `17TRACK internal error (${code})` };
  }
  if (INVALID_DATA_CODES.has(code)) return { kind: 'malformed', detail: `17TRACK refused the request data (${code})` };
  if (EXTRA_FIELD_CODES.has(code)) return { kind: 'unavailable', detail: `17TRACK needs a postal code, country or phone for this carrier (${code})` };
  return { kind: 'unavailable', detail: `17TRACK error ${Number.isInteger(code) ? code : '?'}` };
}

/** The request-level error of an envelope, if it has one. */
function envelopeFailure(envelope: Envelope): CarrierFailure | null {
  if (envelope.code === 0) return null;
  const code = envelope.data?.errors?.[0]?.code ?? envelope.code;
  return failureOfCode(code);
}

export function createSeventeenTrackClient(http: AxiosInstance, config: SeventeenTrackConfig, now: () => Date): SeventeenTrackClient {
  let nextCallAt = 0;

  async function spaced(): Promise<void> {
    const current = Date.now();
    const at = Math.max(current, nextCallAt);
    nextCallAt = at + CALL_SPACING_MS;
    if (at > current) await new Promise((resolve) => setTimeout(resolve, at - current));
  }

  function read(response: AxiosResponse<unknown>): SeventeenTrackAnswer {
    const envelope = envelopeSchema.safeParse(response.data);
    const statusFailure = failureFromStatus(response.status, { ...response.headers }, now());
    if (statusFailure) {
      // A 429 whose body names the quota keeps both the carrier's Retry-After and that reason.
      const coded = envelope.success ? envelopeFailure(envelope.data) : null;
      if (statusFailure.kind === 'rate_limited' && coded?.kind === 'rate_limited') return { kind: 'failed', failure: { ...statusFailure, ...(coded.detail && { detail: coded.detail }) } };
      return { kind: 'failed', failure: statusFailure };
    }
    if (!envelope.success) return { kind: 'failed', failure: { kind: 'malformed', detail: '17TRACK answer is not a {code, data} envelope' } };
    const failure = envelopeFailure(envelope.data);
    if (failure) return { kind: 'failed', failure };
    return { kind: 'answered', accepted: envelope.data.data?.accepted ?? [], rejected: envelope.data.data?.rejected ?? [] };
  }

  return {
    async post(path, items, signal) {
      try {
        await spaced();
        const response = await http.post<unknown>(`${config.baseUrl}${path}`, items, {
          headers: { [TOKEN_HEADER]: config.credentials.API_KEY.reveal(), 'Content-Type': 'application/json', Accept: 'application/json' },
          ...(signal && { signal }),
        });
        return read(response);
      } catch (error) {
        return { kind: 'failed', failure: failureFromError(error) };
      }
    },
  };
}
