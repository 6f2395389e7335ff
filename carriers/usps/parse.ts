/**
 * Pure translation of a validated USPS `TrackingDetails` answer into one outcome: no I/O, no
 * clock, no logging. Codes and texts stay verbatim; times follow research §0.1 (the UTC value
 * wins, and a "Z" on the local value is never believed).
 */
import { mapStatus, UNKNOWN_TIME_ZONE, type CarrierEvent, type CarrierLocation, type TrackOutcome } from '../contract.js';
import { fromLocalIso, fromOffsetIso, offsetMinutes, readLocalIso, type CarrierTime } from '../global-time.js';
import { categoryFallback, USPS_FALLBACK_STATUS, USPS_STATUSES } from './statuses.js';
import type { UspsTrackingDetails, UspsTrackingEvent } from './wire.js';

/** Codes after which the parcel is in the addressee's (or their agent's) hands. */
const DELIVERY_CODES: ReadonlySet<string> = new Set(['01', '17', '43']);

export function parseTrackingDetails(details: UspsTrackingDetails): TrackOutcome {
  // A number USPS knows but has not scanned ("a status update is not yet available") shows nothing.
  if (details.trackingEvents.length === 0) return { kind: 'not_found' };
  const events: CarrierEvent[] = [];
  for (const [index, wire] of details.trackingEvents.entries()) {
    // The spec lists events newest first, so only the first one is what statusCategory describes.
    const fallback = index === 0 ? categoryFallback(details.statusCategory) : USPS_FALLBACK_STATUS;
    const event = parseEvent(wire, fallback);
    if (!event) return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable event time in event ${index + 1}` } };
    events.push(event);
  }
  const estimatedDelivery = estimateOf(details);
  const receivedBy = receivedByOf(details.trackingEvents);
  return {
    kind: 'found',
    events,
    ...(estimatedDelivery !== undefined && { estimatedDelivery }),
    ...(receivedBy !== undefined && { proofOfDelivery: { receivedBy } }),
  };
}

export function parseEvent(wire: UspsTrackingEvent, fallback = USPS_FALLBACK_STATUS): CarrierEvent | null {
  const time = eventTime(wire);
  if (!time) return null;
  const rawCode = wire.eventCode ?? '';
  const { status, substatus } = mapStatus('usps', USPS_STATUSES, rawCode.trim().toUpperCase(), fallback);
  return { ...time, rawCode, rawText: wire.eventType ?? '', location: locationOf(wire), status, substatus };
}

/**
 * `GMTTimestamp` is UTC and wins; `GMTOffset` says what the local text is local to. Without a UTC
 * value, `eventTimestamp` is a local wall clock even when it ends in "Z" (the official example's
 * 07:31 "Z" is 7:31 am in Richmond, VA): with the offset it gives the instant, without it only
 * an ordering estimate of unknown zone.
 */
export function eventTime(wire: UspsTrackingEvent): CarrierTime | null {
  const offset = uspsOffset(wire.GMTOffset);
  const local = blank(wire.eventTimestamp) ? null : (wire.eventTimestamp ?? null);
  const gmt = blank(wire.GMTTimestamp) ? null : utcInstant(wire.GMTTimestamp ?? '');
  if (gmt) {
    if (local === null) return { occurredAt: gmt, localTime: wire.GMTTimestamp ?? '', timeZone: 'UTC' };
    return { occurredAt: gmt, localTime: local, timeZone: offset ?? offsetBetween(local, gmt) };
  }
  if (local === null) return null;
  const zoned = fromOffsetIso(local);
  // A real non-zero offset on the local text is believed; a "Z" or +00:00 is not.
  if (zoned && offsetMinutes(zoned.timeZone) !== 0) return zoned;
  const wall = local.trim().replace(/(?:Z|[+-]00:?00)$/i, '');
  const read = fromLocalIso(wall, offset);
  return read ? { ...read, localTime: local, timeZone: offset ?? UNKNOWN_TIME_ZONE } : null;
}

/**
 * Without `GMTOffset`, the zone of the local text is the gap between its wall clock and the UTC
 * instant, rounded to a quarter hour (the GMT value has seconds the local one drops).
 */
function offsetBetween(local: string, gmt: Date): string {
  const wall = readLocalIso(local.trim().replace(/(?:Z|[+-]\d{2}:?\d{2})$/i, ''));
  if (wall === null) return UNKNOWN_TIME_ZONE;
  const minutes = Math.round((wall - gmt.getTime()) / 900_000) * 15;
  if (Math.abs(minutes) > 14 * 60) return UNKNOWN_TIME_ZONE;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The UTC instant of a GMT text, with or without its "Z" (the field is UTC by name). */
function utcInstant(text: string): Date | null {
  const zoned = fromOffsetIso(text);
  if (zoned) return zoned.occurredAt;
  const wall = readLocalIso(text);
  return wall === null ? null : new Date(wall);
}

/** `-05:00`, `-0500` and the spec's `-7:00` → `-05:00` / `-07:00`; anything else → null. */
export function uspsOffset(text: string | null | undefined): string | null {
  const m = /^([+-])?(\d{1,2}):?(\d{2})$/.exec(text?.trim() ?? '');
  if (!m?.[2] || !m[3] || Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  return `${m[1] ?? '+'}${m[2].padStart(2, '0')}:${m[3]}`;
}

/** Regional facilities come as `eventCity: "QUEENS NY DISTRIBUTION CENTER"` with no state or ZIP. */
const FACILITY_NAME = /\b(?:DISTRIBUTION CENTER|FACILITY|NETWORK|ANNEX|HUB|PROCESSING CENTER|SORTING CENTER)\b/i;

export function locationOf(wire: UspsTrackingEvent): CarrierLocation {
  const city = wire.eventCity?.trim() || null;
  const state = wire.eventState?.trim() || null;
  const zip = wire.eventZIP?.trim() || null;
  // An empty country is a domestic scan (research §4 fixtures: eventCountry null inside the US).
  const country = wire.eventCountry?.trim() || 'US';
  const text = [city, [state, zip].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  const facility = city !== null && state === null && zip === null && FACILITY_NAME.test(city);
  return { text, city: facility ? null : city, country };
}

/**
 * The carrier's expected day, most specific field first. Only the date is kept: USPS timestamps
 * carry a "Z" on local times (research §0.1), so a time of day here could not be placed safely.
 */
export function estimateOf(details: UspsTrackingDetails): string | undefined {
  const candidates = [
    details.expectedDeliveryTimeStamp,
    details.expectedDeliveryDate,
    details.predictedDeliveryDate,
    details.predictedDeliveryTimeStamp,
    details.guaranteedDeliveryTimeStamp,
    details.guaranteedDeliveryDate,
  ];
  for (const candidate of candidates) {
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(candidate?.trim() ?? '')?.[1];
    if (day && readLocalIso(`${day}T00:00`) !== null) return day;
  }
  return undefined;
}

/** `name` of the newest delivery event (the signer, spec `TrackingEvent.name`), else its `firm`. */
function receivedByOf(events: readonly UspsTrackingEvent[]): string | undefined {
  const delivery = events.find((e) => DELIVERY_CODES.has(e.eventCode?.trim() ?? ''));
  const who = delivery?.name?.trim() || delivery?.firm?.trim();
  return who || undefined;
}

function blank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}
