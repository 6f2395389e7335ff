/**
 * Pure translation of a validated sandbox answer into per-number outcomes: no I/O, no clock, no
 * logging. Raw codes and descriptions are kept verbatim; local times are read in Istanbul time.
 */
import { mapStatus, type CarrierEvent, type QueryKey, type TrackOutcome } from '../contract.js';
import { parseCarrierLocalTime } from '../local-time.js';
import { SANDBOX_FALLBACK_STATUS, SANDBOX_STATUSES } from './statuses.js';
import {
  SANDBOX_DAY_FORMAT,
  SANDBOX_ERROR_CODES,
  SANDBOX_EVENT_DATE_FORMAT,
  SANDBOX_TIME_ZONE,
  type SandboxTrackResponse,
  type SandboxTrackResult,
  type SandboxWireEvent,
} from './wire.js';

/** One outcome per requested identifier; a number the carrier left out fails on its own. */
export function parseTrackResponse(
  response: SandboxTrackResponse,
  requested: readonly string[],
  by: QueryKey,
): Map<string, TrackOutcome> {
  const byNumber = new Map<string, SandboxTrackResult>();
  for (const result of response.results) byNumber.set(result.number, result);
  return new Map(
    requested.map((number): [string, TrackOutcome] => {
      const result = byNumber.get(number);
      if (!result) {
        return [number, { kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from carrier answer' } }];
      }
      return [number, parseTrackResult(result, by)];
    }),
  );
}

export function parseTrackResult(result: SandboxTrackResult, by: QueryKey): TrackOutcome {
  if (!result.found) {
    if (result.error.code === SANDBOX_ERROR_CODES.notFound) return { kind: 'not_found' };
    // The message is free text and stays out; a code is kept only when it looks like a code.
    const code = /^[A-Z0-9_]{1,40}$/.test(result.error.code) ? ` ${result.error.code}` : '';
    return { kind: 'failed', failure: { kind: 'unavailable', detail: `carrier error${code} for this number` } };
  }
  const events: CarrierEvent[] = [];
  for (const [index, wire] of result.events.entries()) {
    const event = parseEvent(wire);
    if (!event) {
      return {
        kind: 'failed',
        failure: { kind: 'malformed', detail: `unreadable event date in event ${index + 1}` },
      };
    }
    events.push(event);
  }
  const estimatedDelivery = result.estimatedDelivery ? isoDay(result.estimatedDelivery) : undefined;
  return {
    kind: 'found',
    events,
    // Asked by the shop's reference: hand back the carrier's number so ingest can store it.
    ...(by === 'reference' && { trackingNumber: result.trackingNumber }),
    ...(estimatedDelivery !== undefined && { estimatedDelivery }),
  };
}

export function parseEvent(wire: SandboxWireEvent): CarrierEvent | null {
  const occurredAt = parseCarrierLocalTime(wire.date, SANDBOX_EVENT_DATE_FORMAT, SANDBOX_TIME_ZONE);
  if (!occurredAt) return null;
  const city = wire.city.trim() || null;
  const district = wire.district?.trim() || null;
  const { status, substatus } = mapStatus('sandbox', SANDBOX_STATUSES, wire.code, SANDBOX_FALLBACK_STATUS);
  return {
    occurredAt,
    localTime: wire.date,
    timeZone: SANDBOX_TIME_ZONE,
    rawCode: wire.code,
    rawText: wire.description,
    location: { text: [district, city].filter((p) => p !== null).join(', ') || null, city, country: 'TR' },
    status,
    substatus,
  };
}

/** `dd.MM.yyyy` → `yyyy-MM-dd`, the calendar day shipwatch stores; an impossible day is dropped. */
function isoDay(day: string): string | undefined {
  const parsed = parseCarrierLocalTime(day, SANDBOX_DAY_FORMAT, SANDBOX_TIME_ZONE);
  if (!parsed) return undefined;
  const [dd, mm, yyyy] = day.split('.');
  return `${yyyy}-${mm}-${dd}`;
}
