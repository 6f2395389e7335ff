/**
 * Pure translation of a validated MNG `trackshipment` answer into one outcome: no I/O, no clock, no
 * logging. Codes and descriptions are kept verbatim; times are read as Turkey local time.
 */
import { mapStatus, type CarrierEvent, type QueryKey, type TrackOutcome } from '../contract.js';
import { parseTurkishTime, TURKEY_TIME_ZONE } from '../local-time.js';
import { MNG_FALLBACK_STATUS, MNG_STATUSES } from './statuses.js';
import { MNG_EVENT_TIME_FORMATS, type MngTrackEvent } from './wire.js';

export function parseTrackEvents(wireEvents: readonly MngTrackEvent[], by: QueryKey): TrackOutcome {
  // A known reference with no event yet tells the shop nothing it can track.
  if (wireEvents.length === 0) return { kind: 'not_found' };
  const events: CarrierEvent[] = [];
  for (const [index, wire] of wireEvents.entries()) {
    const event = parseEvent(wire);
    if (!event) return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable eventDateTime in event ${index + 1}` } };
    events.push(event);
  }
  const shipmentId = wireEvents.map((e) => e.shipmentId?.trim()).find((id) => id !== undefined && id !== '');
  const receivedBy = wireEvents.map((e) => e.deliveryTo?.trim()).findLast((name) => name !== undefined && name !== '');
  const delivered = events.some((e) => e.status === 'delivered');
  return {
    kind: 'found',
    events,
    // Asked by the shop's reference: hand back MNG's own number so ingest can store it.
    ...(by === 'reference' && shipmentId !== undefined && { trackingNumber: shipmentId }),
    ...(delivered && receivedBy !== undefined && { proofOfDelivery: { receivedBy } }),
  };
}

export function parseEvent(wire: MngTrackEvent): CarrierEvent | null {
  const occurredAt = parseTurkishTime(wire.eventDateTime, MNG_EVENT_TIME_FORMATS);
  if (!occurredAt) return null;
  const rawCode = wire.eventStatus;
  const { status, substatus } = mapStatus('mng', MNG_STATUSES, rawCode.trim(), MNG_FALLBACK_STATUS);
  const unit = wire.location?.trim() || null;
  return {
    occurredAt,
    localTime: wire.eventDateTime,
    timeZone: TURKEY_TIME_ZONE,
    rawCode,
    rawText: wire.description ?? wire.eventStatusEn ?? '',
    // `location` names MNG's unit (branch or hub), not a city: the city stays unknown.
    location: { text: unit, city: null, country: 'TR' },
    status,
    substatus,
  };
}
