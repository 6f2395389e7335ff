/**
 * Pure translation of a Kolay Gelsin answer into per-number outcomes: no I/O, no clock, no
 * logging. Codes and texts are kept verbatim; times are read as Turkey local time unless the
 * text carries its own offset.
 */
import { failAll, mapStatus, type CarrierEvent, type CarrierFailure, type QueryKey, type TrackOutcome } from '../contract.js';
import { parseTurkishTime, TURKEY_TIME_ZONE } from '../local-time.js';
import { KOLAYGELSIN_EVENT_TEXTS, KOLAYGELSIN_FALLBACK_STATUS, KOLAYGELSIN_STATUSES } from './statuses.js';
import {
  envelopeSchema,
  KOLAYGELSIN_CUSTOMER_NOT_FOUND,
  KOLAYGELSIN_OK_RESULT,
  trackPayloadSchema,
  type KolayGelsinShipmentModel,
  type KolayGelsinWireEvent,
} from './wire.js';

/** One outcome per requested identifier, from the raw (already JSON-decoded) body. */
export function parseTrackAnswer(body: unknown, requested: readonly string[], by: QueryKey): Map<string, TrackOutcome> {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return failAll(requested, malformed('envelope', envelope.error.issues));
  const { ResultCode, ResultMessage } = envelope.data;
  if (ResultCode !== KOLAYGELSIN_OK_RESULT) return failAll(requested, resultFailure(ResultCode, ResultMessage ?? null));
  const payload = trackPayloadSchema.safeParse(envelope.data.Payload);
  if (!payload.success) return failAll(requested, malformed('Payload', payload.error.issues));
  const models = payload.data.ShipmentModelList ?? [];
  return new Map(requested.map((number): [string, TrackOutcome] => [number, parseShipment(number, models, by)]));
}

/** HTTP 200 with an error in the body (research §0.5): the whole request shares the failure. */
export function resultFailure(code: number, message: string | null): CarrierFailure {
  const text = message?.trim() ?? '';
  // The documented answer when the shop's account is not set up for tracking (no webhook definition).
  if (text === KOLAYGELSIN_CUSTOMER_NOT_FOUND) return { kind: 'auth' };
  const whole = Math.trunc(code);
  if (whole === 401 || whole === 403) return { kind: 'auth' };
  if (whole === 429) return { kind: 'rate_limited' };
  // Messages are free text; only identifier-like ones (e.g. `ErrorSavingReceiver`) are repeated.
  const said = /^[A-Za-z][A-Za-z0-9_.]{0,60}$/.test(text) ? ` ${text}` : '';
  const detail = `carrier answered ResultCode ${code}${said}`;
  return whole >= 500 ? { kind: 'unavailable', detail } : { kind: 'malformed', detail };
}

/**
 * Every model that belongs to the number (a shipment of several parcels comes back once per
 * parcel), merged into one history. None: the carrier does not know the number.
 */
export function parseShipment(number: string, models: readonly KolayGelsinShipmentModel[], by: QueryKey): TrackOutcome {
  const mine = models.filter((m) =>
    by === 'trackingNumber' ? m.ShipmentId === number : m.CustomerBarcode === number || m.CustomerSpecificCode === number,
  );
  if (mine.length === 0) return { kind: 'not_found' };
  const events: CarrierEvent[] = [];
  const seen = new Set<string>();
  for (const model of mine) {
    for (const [index, wire] of (model.CargoEventLogModelList ?? []).entries()) {
      const event = parseEvent(wire);
      if (!event) {
        return { kind: 'failed', failure: { kind: 'malformed', detail: `missing or unreadable TimeStamp in event ${index + 1}` } };
      }
      const key = `${event.rawCode}|${event.occurredAt.toISOString()}|${event.location.text ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(event);
    }
  }
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const shipmentId = mine.find((m) => m.ShipmentId)?.ShipmentId;
  return {
    kind: 'found',
    events,
    // Asked by the shop's key: hand back the carrier's ShipmentId so ingest can store it.
    ...(by === 'reference' && shipmentId && { trackingNumber: shipmentId }),
  };
}

export function parseEvent(wire: KolayGelsinWireEvent): CarrierEvent | null {
  const localTime = wire.TimeStamp ?? '';
  const occurredAt = localTime.trim() ? parseKolayGelsinTime(localTime) : null;
  if (!occurredAt) return null;
  const rawCode = wire.CargoEventType;
  const { status, substatus } = mapStatus('kolaygelsin', KOLAYGELSIN_STATUSES, rawCode, KOLAYGELSIN_FALLBACK_STATUS);
  const location = wire.LocationName?.trim() || null;
  return {
    occurredAt,
    localTime,
    timeZone: TURKEY_TIME_ZONE,
    rawCode,
    rawText: wire.EventDescription || documentedText(rawCode),
    // LocationName is a place name (city or hub) of unknown granularity: kept as text only.
    location: { text: location, city: null, country: 'TR' },
    status,
    substatus,
  };
}

function documentedText(code: string): string {
  const texts: Readonly<Record<string, string>> = KOLAYGELSIN_EVENT_TEXTS;
  return Object.hasOwn(texts, code) ? (texts[code] ?? '') : '';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The event time. ISO 8601 with an offset (the webhook's `2021-05-13T18:28:01.882+03:00` [V]) is
 * read with that offset; offset-less ISO (.NET's default, up to 7 fraction digits) and
 * `dd.MM.yyyy HH:mm:ss` (OMNI-KG [1]) are read as Turkey local time. Never `Date.parse`.
 */
export function parseKolayGelsinTime(text: string): Date | null {
  const iso = ISO.exec(text.trim());
  if (!iso) return parseTurkishTime(text, ['dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm']);
  const [, y, mo, d, h, mi, s = '00', fraction = '', offset] = iso;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (offset === undefined) {
    const local = parseTurkishTime(`${y}-${mo}-${d} ${h}:${mi}:${s}`, ['yyyy-MM-dd HH:mm:ss']);
    return local ? new Date(local.getTime() + ms) : null;
  }
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Reject impossible dates (31 February) that Date.UTC would roll over.
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  return new Date(wall.getTime() - offsetMinutes(offset) * 60_000);
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function malformed(where: string, issues: readonly { path: readonly PropertyKey[] }[]): CarrierFailure {
  // Only the paths of the failing fields: the body itself may carry personal data.
  const paths = [...new Set(issues.map((i) => [where, ...i.path.map(String)].join('.')))].slice(0, 3).join(', ');
  return { kind: 'malformed', detail: `track response does not match the expected shape at ${paths}` };
}
