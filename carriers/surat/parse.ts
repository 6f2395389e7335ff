/**
 * Pure translation of a validated Sürat answer into one number's outcome: no I/O, no clock, no
 * logging. Raw codes and descriptions are kept verbatim; times are read as Turkey local time.
 */
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { CarrierEvent, QueryKey, TrackOutcome } from '../contract.js';
import { parseTurkishTime, TURKEY_TIME_ZONE } from '../local-time.js';
import { containsTurkish } from '../turkish-text.js';
import { readReturnFlag, suratEventStatus, type SuratReturnFlag } from './returns.js';
import { SURAT_TIME_FORMATS, type SuratMovement, type SuratShipment, type SuratTrackResponse } from './wire.js';

/** "Veri aktarımı sağlanmış olup kargo kabul bekleniyor.": the order data arrived, no parcel yet. */
const AWAITING_ACCEPTANCE = 'kargo kabul bekleniyor';
/** "Gönderi iptal edilmiştir.": cancelled at the carrier. */
const CANCELLED = 'iptal edilmiştir';
/** Inferred, not documented: words Sürat's error text would use for a bad customer code or password. */
const CREDENTIAL_WORDS = ['şifre', 'cari kod', 'yetki', 'kullanıcı'];

export function parseSuratAnswer(answer: SuratTrackResponse, by: QueryKey): TrackOutcome {
  if (answer.IsError) return outcomeOfErrorFlag(answer.errorMessage ?? '');
  const shipment = answer.Gonderiler?.[0];
  // An empty list is Sürat's "nothing under this key (yet)".
  if (!shipment) return { kind: 'not_found' };
  return parseShipment(shipment, by);
}

/** HTTP 200 with `IsError`: the message decides; it is never echoed, it may name the customer. */
export function outcomeOfErrorFlag(message: string): TrackOutcome {
  if (containsTurkish(message, AWAITING_ACCEPTANCE) || containsTurkish(message, CANCELLED) || containsTurkish(message, 'bulunamadı')) {
    return { kind: 'not_found' };
  }
  if (CREDENTIAL_WORDS.some((word) => containsTurkish(message, word))) return { kind: 'failed', failure: { kind: 'auth' } };
  return { kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered with IsError set' } };
}

export function parseShipment(shipment: SuratShipment, by: QueryKey): TrackOutcome {
  const returnFlag = readReturnFlag(shipment.IadeDurum);
  const movements = shipment.Hareketler ?? [];
  const events: { event: CarrierEvent; index: number }[] = [];
  for (const [index, movement] of movements.entries()) {
    const event = parseMovement(movement, returnFlag);
    if (!event) return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable IslemTarihi in movement ${index + 1}` } };
    events.push({ event, index });
  }
  if (events.length === 0) {
    // No movement list: the parcel's own summary is the one event Sürat gives.
    const summary = parseSummary(shipment, returnFlag);
    if (summary) events.push({ event: summary, index: 0 });
  }
  // Sürat lists movements newest first, not reliably: order by time, ties keep the list order.
  events.sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index);

  const trackingNumber = shipment.KargoTakipNo === null || shipment.KargoTakipNo === undefined ? '' : String(shipment.KargoTakipNo).trim();
  const estimatedDelivery = isoDay(shipment.PlanlananTeslimTarihi);
  return {
    kind: 'found',
    events: events.map((e) => e.event),
    // Asked by the shop's key: hand back Sürat's number so ingest can store it.
    ...(by === 'reference' && trackingNumber !== '' && { trackingNumber }),
    ...(estimatedDelivery !== undefined && { estimatedDelivery }),
  };
}

export function parseMovement(movement: SuratMovement, returnFlag: SuratReturnFlag): CarrierEvent | null {
  const occurredAt = readSuratTime(movement.IslemTarihi);
  if (!occurredAt) return null;
  const rawCode = codeText(movement.KargoHareketKargonunDurumuSayi);
  const rawText = nonEmpty(movement.Aciklama) ?? nonEmpty(movement.Islem) ?? '';
  return {
    occurredAt,
    localTime: movement.IslemTarihi,
    timeZone: TURKEY_TIME_ZONE,
    rawCode,
    rawText,
    location: location(nonEmpty(movement.HareketYeri) ?? nonEmpty(movement.IslemSubesi)),
    ...suratEventStatus({ rawCode, texts: [movement.Aciklama, movement.Islem, movement.IslemSureci], returnFlag }),
  };
}

function parseSummary(shipment: SuratShipment, returnFlag: SuratReturnFlag): CarrierEvent | null {
  const localTime = nonEmpty(shipment.SonHareketTarihi);
  const rawCode = codeText(shipment.KargonunDurumuSayi);
  if (localTime === null || rawCode === '') return null;
  const occurredAt = readSuratTime(localTime);
  if (!occurredAt) return null;
  return {
    occurredAt,
    localTime,
    timeZone: TURKEY_TIME_ZONE,
    rawCode,
    rawText: shipment.KargonunDurumu ?? '',
    location: location(nonEmpty(shipment.KargonunBulunduguYer)),
    ...suratEventStatus({ rawCode, texts: [shipment.KargonunDurumu], returnFlag }),
  };
}

/** Sürat names a branch or place, not a city field: the text is kept, the city left unknown. */
function location(text: string | null): CarrierEvent['location'] {
  return { text, city: null, country: 'TR' };
}

/**
 * Turkey local time in any of Sürat's formats. An ISO fraction of any length (`.52`, `.5200000`) is
 * first brought to milliseconds, since date-fns reads `.52` as 52 ms; the raw text is kept elsewhere.
 */
export function readSuratTime(text: string): Date | null {
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})\.(\d+)$/.exec(text.trim());
  const normalised = iso ? `${iso[1]}T${iso[2]}.${`${iso[3]}00`.slice(0, 3)}` : text;
  return parseTurkishTime(normalised, SURAT_TIME_FORMATS);
}

function codeText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

function nonEmpty(value: string | null | undefined): string | null {
  return value !== null && value !== undefined && value.trim() !== '' ? value : null;
}

/** A planned delivery date → `yyyy-MM-dd`, the Turkey calendar day; unreadable dates are dropped. */
function isoDay(value: string | null | undefined): string | undefined {
  const text = nonEmpty(value);
  const parsed = text === null ? null : readSuratTime(text);
  return parsed ? format(parsed, 'yyyy-MM-dd', { in: tz(TURKEY_TIME_ZONE) }) : undefined;
}
