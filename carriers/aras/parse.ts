/**
 * Pure translation of Aras' `GetQueryJSONResult` text into per-number outcomes: no I/O, no clock,
 * no logging. Raw codes and texts are kept verbatim; local times are read in Turkey time.
 */
import { mapStatus, type CarrierEvent, type CarrierFailure, type QueryKey, type TrackOutcome } from '../contract.js';
import { parseTurkishTime, TURKEY_TIME_ZONE } from '../local-time.js';
import { containsTurkish } from '../turkish-text.js';
import { ARAS_FALLBACK_STATUS, ARAS_STATUSES } from './statuses.js';
import { ARAS_EVENT_TIME_FORMATS, ARAS_FIELDS, foldKey, queryResultSchema, type ArasWireCargo } from './wire.js';

/** One cargo record with folded keys and every value as text ('' when absent or null). */
export type ArasCargo = ReadonlyMap<string, string>;

export type ArasResultReading = { ok: true; cargos: ArasCargo[] } | { ok: false; failure: CarrierFailure };

// Plain text instead of JSON is how Aras reports bad logins ("Kullanıcı adı veya şifre hatalı").
const AUTH_WORDS = ['şifre', 'kullanıcı', 'yetki', 'password', 'login', 'unauthori'];

/** Reads the JSON text; plain text is the carrier's error message, which never leaves this function. */
export function readQueryResult(text: string): ArasResultReading {
  if (text.trim() === '') return { ok: false, failure: { kind: 'malformed', detail: 'empty GetQueryJSONResult' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (AUTH_WORDS.some((w) => containsTurkish(text, w))) return { ok: false, failure: { kind: 'auth' } };
    return { ok: false, failure: { kind: 'unavailable', detail: 'carrier answered with an error text instead of JSON' } };
  }
  const parsed = queryResultSchema.safeParse(json);
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
    return { ok: false, failure: { kind: 'malformed', detail: `GetQueryJSONResult does not match the expected shape at ${where}` } };
  }
  const cargo = parsed.data.QueryResult?.Cargo;
  const records = cargo === undefined || cargo === null ? [] : Array.isArray(cargo) ? cargo : [cargo];
  return { ok: true, cargos: records.map(foldCargo) };
}

export function foldCargo(record: ArasWireCargo): ArasCargo {
  return new Map(
    Object.entries(record).map(([k, v]) => [foldKey(k), typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '']),
  );
}

function field(cargo: ArasCargo, name: string): string {
  return (cargo.get(name) ?? '').trim();
}

/** One outcome per requested identifier; a number Aras left out is not found. */
export function parseCargos(cargos: readonly ArasCargo[], requested: readonly string[], by: QueryKey): Map<string, TrackOutcome> {
  const keyField = by === 'reference' ? ARAS_FIELDS.reference : ARAS_FIELDS.trackingNumber;
  const wanted = new Map(requested.map((n) => [matchKey(n), n]));
  const byNumber = new Map<string, ArasCargo[]>();
  let keyless = 0;
  for (const cargo of cargos) {
    const key = field(cargo, keyField);
    // A record without its key can only be the answer to a one-number query; a record for a
    // number nobody asked about is ignored.
    const number = key ? wanted.get(matchKey(key)) : requested.length === 1 ? requested[0] : undefined;
    if (!key && number === undefined) keyless += 1;
    if (number === undefined) continue;
    byNumber.set(number, [...(byNumber.get(number) ?? []), cargo]);
  }
  return new Map(
    requested.map((number): [string, TrackOutcome] => {
      const records = byNumber.get(number);
      if (records) return [number, parseNumber(records, by)];
      if (keyless > 0) {
        return [number, { kind: 'failed', failure: { kind: 'malformed', detail: 'carrier answer could not be matched to this number' } }];
      }
      return [number, { kind: 'not_found' }];
    }),
  );
}

function matchKey(value: string): string {
  return value.trim().toLocaleUpperCase('tr-TR');
}

function parseNumber(records: readonly ArasCargo[], by: QueryKey): TrackOutcome {
  const events: CarrierEvent[] = [];
  let trackingNumber: string | undefined;
  let receivedBy: string | undefined;
  for (const cargo of records) {
    const event = parseCargoEvent(cargo);
    if (event === 'unreadable') {
      return { kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable event time in carrier answer' } };
    }
    if (event) events.push(event);
    trackingNumber ||= field(cargo, ARAS_FIELDS.trackingNumber) || undefined;
    if (event?.status === 'delivered') receivedBy ||= field(cargo, ARAS_FIELDS.receivedBy) || undefined;
  }
  return {
    kind: 'found',
    events,
    // Asked by the shop's integration code: hand back Aras' number so ingest can store it.
    ...(by === 'reference' && trackingNumber !== undefined && { trackingNumber }),
    ...(receivedBy !== undefined && { proofOfDelivery: { receivedBy } }),
  };
}

/**
 * The one code that describes a record: a return first (TIP_KODU=3, research §2: "detect returns
 * from TIP_KODU=3, not DURUM"), then delivery, then a carry-over reason, then DURUM_KODU.
 */
export function eventCode(cargo: ArasCargo): string | null {
  const durum = field(cargo, ARAS_FIELDS.status);
  const tip = field(cargo, ARAS_FIELDS.type);
  const devir = field(cargo, ARAS_FIELDS.carryOver);
  if (tip === '3') return durum === '6' ? 'TIP_KODU=3;DURUM_KODU=6' : 'TIP_KODU=3';
  if (durum === '6') return 'DURUM_KODU=6';
  if (devir !== '' && devir !== '0') return `DEVIR_KODU=${devir}`;
  if (durum !== '') return `DURUM_KODU=${durum}`;
  if (tip !== '') return `TIP_KODU=${tip}`;
  return null;
}

/** The record's time: the last event time, else the delivery date and hour; null when it has none. */
export function eventTimeText(cargo: ArasCargo): string | null {
  const last = field(cargo, ARAS_FIELDS.lastEventTime);
  if (last) return last;
  const day = field(cargo, ARAS_FIELDS.deliveryDate);
  const hour = field(cargo, ARAS_FIELDS.deliveryTime);
  return day && hour ? `${day} ${hour}` : null;
}

/** An event, null when the record carries no code or no time, 'unreadable' for a time we cannot read. */
export function parseCargoEvent(cargo: ArasCargo): CarrierEvent | null | 'unreadable' {
  const code = eventCode(cargo);
  const localTime = eventTimeText(cargo);
  if (code === null || localTime === null) return null;
  const occurredAt = parseTurkishTime(localTime, ARAS_EVENT_TIME_FORMATS);
  if (!occurredAt) return 'unreadable';
  const unit = field(cargo, ARAS_FIELDS.unit) || null;
  const { status, substatus } = mapStatus('aras', ARAS_STATUSES, code, ARAS_FALLBACK_STATUS);
  return {
    occurredAt,
    localTime,
    timeZone: TURKEY_TIME_ZONE,
    rawCode: code,
    rawText: cargo.get(ARAS_FIELDS.statusText) || cargo.get(ARAS_FIELDS.statusTextEn) || '',
    location: { text: unit, city: null, country: 'TR' },
    status,
    substatus,
  };
}
