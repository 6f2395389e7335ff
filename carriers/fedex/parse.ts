/**
 * Pure translation of a validated FedEx track answer into one outcome per asked number: no I/O, no
 * clock, no logging. Codes and descriptions are kept verbatim; times keep the offset FedEx gave, and
 * an offset-less time is never read as UTC (research §0.1).
 */
import type { Substatus } from '../../src/domain/status.js';
import { mapStatus, type CarrierEvent, type CarrierLocation, type TrackOutcome } from '../contract.js';
import { fromIsoAnyOffset, fromOffsetIso, readLocalIso } from '../global-time.js';
import { FEDEX_DERIVED_STATUSES, FEDEX_EVENT_TYPES, FEDEX_FALLBACK_STATUS } from './statuses.js';
import {
  FEDEX_NOT_FOUND_CODE,
  type FedexCompleteTrackResult,
  type FedexError,
  type FedexScanEvent,
  type FedexTrackResponse,
  type FedexTrackResult,
} from './wire.js';

/**
 * One outcome per asked number. `services` holds the FedEx operating company (`carrierCode`, e.g.
 * FDXE, FDXG) the shop gave for a number; it picks among duplicate shipments.
 */
export function parseTrackResponse(
  body: FedexTrackResponse,
  numbers: readonly string[],
  services?: ReadonlyMap<string, string>,
): Map<string, TrackOutcome> {
  const results = body.output.completeTrackResults;
  const outcomes = new Map<string, TrackOutcome>();
  for (const number of numbers) {
    const entry = entryFor(results, number, numbers.length === 1);
    outcomes.set(
      number,
      entry ? parseCompleteResult(entry, services?.get(number)) : { kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the FedEx answer' } },
    );
  }
  return outcomes;
}

/**
 * FedEx echoes the number in `trackingNumber` and in each result's `trackingNumberInfo`. A single
 * asked number takes a single answer even when FedEx rewrote the number (a scanned barcode may come
 * back as the short tracking number [I]).
 */
function entryFor(results: readonly FedexCompleteTrackResult[], number: string, single: boolean): FedexCompleteTrackResult | undefined {
  return (
    results.find((r) => r.trackingNumber?.trim() === number) ??
    results.find((r) => r.trackResults?.some((t) => t.trackingNumberInfo?.trackingNumber?.trim() === number)) ??
    (single && results.length === 1 ? results[0] : undefined)
  );
}

export function parseCompleteResult(entry: FedexCompleteTrackResult, carrierCode?: string): TrackOutcome {
  const all = entry.trackResults ?? [];
  const usable = all.filter((r) => !r.error?.code?.trim());
  if (usable.length === 0) {
    const error = all.find((r) => r.error)?.error;
    return error ? errorOutcome(error) : { kind: 'failed', failure: { kind: 'malformed', detail: 'FedEx answer has no track result for this number' } };
  }
  const chosen = mostRecent(usable, carrierCode);
  const events: CarrierEvent[] = [];
  // FedEx lists scans newest first; oldest first keeps same-instant scans in their real order.
  for (const [index, wire] of [...(chosen.scanEvents ?? [])].reverse().entries()) {
    const event = parseScanEvent(wire);
    if (!event) return { kind: 'failed', failure: { kind: 'malformed', detail: `unreadable scanEvents date in event ${index + 1}` } };
    events.push(event);
  }
  const estimatedDelivery = estimatedDeliveryOf(chosen);
  const receivedBy = chosen.deliveryDetails?.receivedByName?.trim() || chosen.deliveryDetails?.signedByName?.trim();
  const delivered = events.some((e) => e.status === 'delivered') || chosen.latestStatusDetail?.code === 'DL';
  return {
    kind: 'found',
    events,
    ...(estimatedDelivery !== undefined && { estimatedDelivery }),
    ...(delivered && receivedBy && { proofOfDelivery: { receivedBy } }),
  };
}

/**
 * One number can name several shipments (FedEx reuses numbers; each has its own
 * `trackingNumberUniqueId`). We follow the most recent one: the result whose newest scan is latest,
 * as karrio does, because an old shipment under a reused number is history, not the parcel the
 * shop just sent. When the shop gave FedEx's operating company (`carrierCode`), only results of that
 * company are considered, if any match.
 */
export function mostRecent(results: readonly FedexTrackResult[], carrierCode?: string): FedexTrackResult {
  const sameCompany = carrierCode ? results.filter((r) => r.trackingNumberInfo?.carrierCode === carrierCode) : [];
  const pool = sameCompany.length > 0 ? sameCompany : results;
  let best = pool[0] as FedexTrackResult;
  let bestAt = newestScan(best);
  for (const result of pool.slice(1)) {
    const at = newestScan(result);
    if (at > bestAt) [best, bestAt] = [result, at];
  }
  return best;
}

function newestScan(result: FedexTrackResult): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const e of result.scanEvents ?? []) newest = Math.max(newest, fromIsoAnyOffset(e.date)?.occurredAt.getTime() ?? Number.NEGATIVE_INFINITY);
  return newest;
}

/** A per-number error: not found is its own outcome; anything else fails this number only. */
export function errorOutcome(error: FedexError): TrackOutcome {
  const code = error.code?.trim() ?? '';
  // The documented code, and any other `….NOTFOUND` FedEx may use for the same answer [I].
  if (code === FEDEX_NOT_FOUND_CODE || code.endsWith('.NOTFOUND')) return { kind: 'not_found' };
  const shown = /^[A-Za-z0-9_.-]{1,60}$/.test(code) ? code : 'an error';
  // Messages are free text and may echo the request: only a code-like code is kept.
  if (/\.(INVALID|EMPTY)$/.test(code)) return { kind: 'failed', failure: { kind: 'malformed', detail: `FedEx rejected the number: ${shown}` } };
  return { kind: 'failed', failure: { kind: 'unavailable', detail: `FedEx reported ${shown} for this number` } };
}

export function parseScanEvent(wire: FedexScanEvent): CarrierEvent | null {
  // `date` carries the local offset; a few real scans have none (research §0.1): unknown zone then.
  const time = fromIsoAnyOffset(wire.date);
  if (!time) return null;
  const { rawCode, status, substatus } = mapScanEvent(wire.eventType, wire.derivedStatusCode);
  return { ...time, rawCode, rawText: describe(wire), location: locationOf(wire), status, substatus };
}

/** Event type first (the finer code), then FedEx's derived status; neither known → unmapped, counted. */
export function mapScanEvent(eventType: string | null | undefined, derivedStatusCode: string | null | undefined) {
  const type = eventType?.trim() ?? '';
  const derived = derivedStatusCode?.trim() ?? '';
  const rawCode = type || derived;
  const typeKey = type.toUpperCase();
  const derivedKey = derived.toUpperCase();
  let mapped: { status: CarrierEvent['status']; substatus: Substatus | null };
  if (typeKey && Object.hasOwn(FEDEX_EVENT_TYPES, typeKey)) mapped = mapStatus('fedex', FEDEX_EVENT_TYPES, typeKey, FEDEX_FALLBACK_STATUS);
  else if (derivedKey && Object.hasOwn(FEDEX_DERIVED_STATUSES, derivedKey)) mapped = mapStatus('fedex', FEDEX_DERIVED_STATUSES, derivedKey, FEDEX_FALLBACK_STATUS);
  else mapped = mapStatus('fedex', FEDEX_EVENT_TYPES, typeKey || derivedKey, FEDEX_FALLBACK_STATUS);
  return { rawCode, ...mapped };
}

/** The event text, plus the exception text when FedEx gives the reason apart ("Delivery exception: Customer not available…"). */
function describe(wire: FedexScanEvent): string {
  const event = wire.eventDescription?.trim() ?? '';
  const exception = wire.exceptionDescription?.trim() ?? '';
  if (event && exception && exception !== event) return `${event}: ${exception}`;
  return event || exception || wire.derivedStatus?.trim() || '';
}

/** City, state, postcode and country of the FedEx scan; street lines are left out (they can be the recipient's). */
function locationOf(wire: FedexScanEvent): CarrierLocation {
  const where = wire.scanLocation;
  const city = where?.city?.trim() || null;
  const country = where?.countryCode?.trim() || null;
  const parts = [city, where?.stateOrProvinceCode?.trim(), where?.postalCode?.trim(), country].filter((p): p is string => Boolean(p));
  return { text: parts.length > 0 ? parts.join(', ') : null, city, country };
}

/**
 * The live estimate: the estimated window's end (the latest promised moment), its start, or the
 * ESTIMATED_DELIVERY date. `standardTransitTimeWindow` is the service's standard commitment, not an
 * estimate, and is not used (research §3). A time without offset is cut to its date: it must not
 * pass for an instant.
 */
export function estimatedDeliveryOf(result: FedexTrackResult): string | undefined {
  const window = result.estimatedDeliveryTimeWindow?.window;
  const dated = result.dateAndTimes?.find((d) => d.type === 'ESTIMATED_DELIVERY')?.dateTime;
  for (const candidate of [window?.ends, window?.begins, dated]) {
    const value = candidate?.trim();
    if (!value) continue;
    if (fromOffsetIso(value)) return value;
    const date = value.slice(0, 10);
    if (readLocalIso(value) !== null || (value.length === 10 && readLocalIso(`${date}T00:00:00`) !== null)) return date;
  }
  return undefined;
}
