/**
 * Pure translation of a validated PTT `return` into an outcome: no I/O, no clock, no logging.
 * Raw codes and texts are kept verbatim; times are read as Turkey local time (research §0.1).
 * Personal fields (ALICI, GONDEREN, TESALAN) are never copied into an outcome or a failure.
 */
import { mapStatus, type CarrierEvent, type QueryKey, type TrackOutcome } from '../contract.js';
import { parseTurkishTime, TURKEY_TIME_ZONE } from '../local-time.js';
import { containsTurkish } from '../turkish-text.js';
import { PTT_FALLBACK_STATUS, PTT_STATUSES } from './statuses.js';
import { PTT_DATE_FORMATS, PTT_SUCCESS_CODE, PTT_TIME_FORMATS, type PttMovement, type PttReturn } from './wire.js';

/** `sonucAciklama` wordings that mean the credentials were refused [I: PTT's answer texts are not documented]. */
const AUTH_WORDS = ['şifre', 'kullanıcı', 'yetki', 'sifre', 'kullanici'] as const;
/** Wordings for "no such parcel" ("kayıt bulunamadı"-type, research §4 [1/I]). */
const NOT_FOUND_WORDS = ['bulunamadı', 'bulunamadi', 'bulunmamaktadır', 'bulunmamaktadir', 'kayıt yok', 'kayit yok'] as const;

const TIMESTAMP_FORMATS: readonly string[] = [
  ...PTT_DATE_FORMATS.flatMap((d) => PTT_TIME_FORMATS.map((t) => `${d} ${t}`)),
  ...PTT_DATE_FORMATS,
];

export function parsePttReturn(result: PttReturn, by: QueryKey): TrackOutcome {
  const barcode = result.BARNO;
  if (!barcode) return outcomeWithoutParcel(result);

  const events: CarrierEvent[] = [];
  for (const [index, movement] of result.dongu.entries()) {
    const event = parseMovement(movement);
    if (!event) {
      return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable date in PTT movement ${index + 1}` } };
    }
    events.push(event);
  }
  return {
    kind: 'found',
    events,
    // Asked by the shop's reference: hand back PTT's barcode so ingest can store it.
    ...(by === 'reference' && { trackingNumber: barcode }),
  };
}

/** No barcode in the answer: bad credentials, not found, or an error flag in the body. */
function outcomeWithoutParcel(result: PttReturn): TrackOutcome {
  const text = result.sonucAciklama ?? '';
  if (AUTH_WORDS.some((w) => containsTurkish(text, w))) return { kind: 'failed', failure: { kind: 'auth' } };
  if (NOT_FOUND_WORDS.some((w) => containsTurkish(text, w))) return { kind: 'not_found' };
  const code = result.sonucKodu;
  if (code === undefined || code === PTT_SUCCESS_CODE) return { kind: 'not_found' };
  // The text is free and stays out; the code is kept only when it looks like one.
  const shown = /^-?\d{1,6}$/.test(code) ? ` ${code}` : '';
  return { kind: 'failed', failure: { kind: 'unavailable', detail: `PTT answered result code${shown} for this parcel` } };
}

export function parseMovement(movement: PttMovement): CarrierEvent | null {
  if (!movement.ITARIH) return null;
  // ITARIH may already carry the time; ISAAT, when sent, is the time of day.
  const localTime = movement.ISAAT && !movement.ITARIH.includes(' ') ? `${movement.ITARIH} ${movement.ISAAT}` : movement.ITARIH;
  const occurredAt = parseTurkishTime(localTime, TIMESTAMP_FORMATS);
  if (!occurredAt) return null;
  const rawCode = movement.IKODU ?? movement.gonderiDurumId ?? '';
  const { status, substatus } = mapStatus('ptt', PTT_STATUSES, rawCode, PTT_FALLBACK_STATUS);
  const unit = movement.IMERK ?? null;
  return {
    occurredAt,
    localTime,
    timeZone: TURKEY_TIME_ZONE,
    rawCode,
    rawText: movement.ISLEM ?? '',
    // IMERK names the PTT unit (branch or processing centre); PTT sends no separate city field.
    location: { text: unit, city: null, country: 'TR' },
    status,
    substatus,
  };
}
