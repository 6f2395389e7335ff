/**
 * Pure translation of one validated 17TRACK `gettrackinfo` item into an outcome: no I/O, no clock,
 * no logging. Descriptions and codes stay verbatim; times follow research §0.1.
 */
import { UNKNOWN_TIME_ZONE, type CarrierEvent, type CarrierLocation, type TrackOutcome } from '../contract.js';
import { fromLocalIso, fromOffsetIso, normaliseOffset, readLocalIso, type CarrierTime } from '../global-time.js';
import { mapEventStatus } from './statuses.js';
import type { TrackEvent, TrackInfo } from './wire.js';

export function parseTrackInfo(info: TrackInfo | null | undefined): TrackOutcome {
  // Accepted without track info: registered, 17TRACK has nothing yet; the shipment stays pending.
  if (!info) return { kind: 'found', events: [] };
  const merged = mergeProviderEvents(info);
  if (merged.length === 0 && info.latest_status?.status?.trim() === 'NotFound') return { kind: 'not_found' };

  const events: CarrierEvent[] = [];
  for (const [index, wire] of merged.entries()) {
    const event = parseEvent(wire);
    if (!event) return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable event time in event ${index + 1}` } };
    events.push(event);
  }
  // Legs come newest first and one after the other: oldest first overall, ties in given order.
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());

  const estimatedDelivery = estimateOf(info);
  const receivedBy = receivedByOf(info, events);
  return {
    kind: 'found',
    events,
    ...(estimatedDelivery !== undefined && { estimatedDelivery }),
    ...(receivedBy !== undefined && { proofOfDelivery: { receivedBy } }),
  };
}

/**
 * Every provider leg's events (origin post, then the last-mile carrier), without the copies that
 * 17TRACK repeats when two legs report the same scan: same UTC time, description and location.
 */
export function mergeProviderEvents(info: TrackInfo): TrackEvent[] {
  const seen = new Set<string>();
  const merged: TrackEvent[] = [];
  for (const provider of info.tracking?.providers ?? []) {
    for (const event of provider.events ?? []) {
      const when = event.time_utc ?? event.time_iso ?? `${event.time_raw?.date ?? ''} ${event.time_raw?.time ?? ''}`;
      const key = JSON.stringify([when.trim(), event.description?.trim() ?? '', event.location?.trim() ?? '']);
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(event);
    }
  }
  return merged;
}

export function parseEvent(wire: TrackEvent): CarrierEvent | null {
  const time = eventTime(wire);
  if (!time) return null;
  const rawCode = wire.sub_status?.trim() || wire.stage?.trim() || '';
  const { status, substatus } = mapEventStatus(wire.sub_status, wire.stage);
  return { ...time, rawCode, rawText: wire.description ?? '', location: locationOf(wire), status, substatus };
}

/**
 * `time_utc` is the instant and `time_iso` says which offset the local text is in (an offset-less
 * `time_iso` gets the gap to `time_utc`). Without a UTC value the offset of `time_iso` gives the
 * instant; with neither, the carrier's raw date and time are a wall clock of unknown zone (an
 * ordering estimate), unless `time_raw.timezone` is an offset.
 */
export function eventTime(wire: TrackEvent): CarrierTime | null {
  const iso = wire.time_iso?.trim() || null;
  const raw = [wire.time_raw?.date?.trim(), wire.time_raw?.time?.trim()].filter(Boolean).join(' ') || null;
  const wall = iso ?? raw;
  const zoned = iso ? fromOffsetIso(iso) : null;
  const utc = wire.time_utc?.trim() ? fromOffsetIso(wire.time_utc.trim()) : null;
  if (utc) {
    if (zoned) return { occurredAt: utc.occurredAt, localTime: zoned.localTime, timeZone: zoned.timeZone };
    if (wall === null) return utc;
    return { occurredAt: utc.occurredAt, localTime: wall, timeZone: offsetBetween(wall, utc.occurredAt) };
  }
  if (zoned) return zoned;
  if (wall === null) return null;
  const local = fromLocalIso(wall.replace(' ', 'T'), rawOffset(wire.time_raw?.timezone));
  return local ? { ...local, localTime: wall } : null;
}

/**
 * The offset of a local text whose UTC instant is known: the gap between its wall clock and the
 * instant, to the quarter hour; unknown when the text is unreadable or the gap is no real offset.
 */
function offsetBetween(wall: string, instant: Date): string {
  const read = readLocalIso(wall.replace(' ', 'T').replace(/(?:Z|[+-]\d{2}:?\d{2})$/, ''));
  if (read === null) return UNKNOWN_TIME_ZONE;
  const minutes = Math.round((read - instant.getTime()) / 900_000) * 15;
  if (Math.abs(minutes) > 14 * 60) return UNKNOWN_TIME_ZONE;
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `+08:00` / `+0800` / `Z` from `time_raw.timezone`; anything else (a zone name, null) is unknown. */
function rawOffset(zone: string | null | undefined): string | null {
  const value = zone?.trim() ?? '';
  if (value === 'Z') return 'Z';
  return /^[+-]\d{2}:?\d{2}$/.test(value) ? normaliseOffset(value) : null;
}

function locationOf(wire: TrackEvent): CarrierLocation {
  const city = wire.address?.city?.trim() || null;
  const country = wire.address?.country?.trim() || null;
  const fromAddress = [city, wire.address?.state?.trim(), country].filter(Boolean).join(', ') || null;
  return { text: wire.location?.trim() || fromAddress, city, country };
}

/**
 * The latest day 17TRACK expects (`to`, else `from`), as given when it is a date or carries an
 * offset; a time without an offset keeps only its date, which is the part that can be trusted.
 */
export function estimateOf(info: TrackInfo): string | undefined {
  const window = info.time_metrics?.estimated_delivery_date;
  for (const candidate of [window?.to, window?.from]) {
    const value = candidate?.trim() ?? '';
    if (value === '') continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && readLocalIso(`${value}T00:00`) !== null) return value;
    if (fromOffsetIso(value)) return value;
    const day = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(value)?.[1];
    if (day && readLocalIso(value.replace(' ', 'T')) !== null) return day;
  }
  return undefined;
}

/** A signer, should `misc_info` ever carry one [I], on a delivered parcel only. */
function receivedByOf(info: TrackInfo, events: readonly CarrierEvent[]): string | undefined {
  const delivered = info.latest_status?.status?.trim() === 'Delivered' || events.some((e) => e.status === 'delivered');
  const who = info.misc_info?.signed_by?.trim() || info.misc_info?.signer?.trim();
  return delivered && who ? who : undefined;
}
