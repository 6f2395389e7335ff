/**
 * The one write path for tracking data (DESIGN §2, §5): every event, polled, pushed or entered by
 * hand, is normalised, fingerprinted and appended here, and the shipment's current status and next
 * poll are derived here. Rows are computed in memory first and written in one short transaction.
 */
import type { Logger } from 'pino';
import type { CarrierFailure, TrackOutcome } from '../../carriers/contract.js';
import type { EventSource, NewTrackingEvent, ProofOfDelivery, Shipment } from '../domain/shipment.js';
import { isTerminal, type ShipmentStatus, type Substatus } from '../domain/status.js';
import type { ShipmentPatch, Store } from '../store/types.js';
import { hasExpired, hasOutlivedTracking, maxAgeReason, plannedPoll, retryAfterFailure, silenceReason, type CadenceSettings } from './cadence.js';
import { deriveCurrentStatus } from './current-status.js';
import { eventFingerprint } from './fingerprint.js';

export interface IncomingEvent {
  occurredAt: Date;
  localTime?: string | null;
  timeZone?: string | null;
  status: ShipmentStatus;
  substatus?: Substatus | null;
  rawCode?: string | null;
  description: string;
  location?: { text: string | null; city: string | null; country: string | null } | null;
}

export interface IngestDeps {
  store: Store;
  cadence: CadenceSettings;
  now: () => Date;
  logger: Logger;
  /** Jitter of the cadence and of failure retries; Math.random unless a test fixes it. */
  random?: () => number;
}

export interface IngestResult {
  shipmentId: string;
  eventsAdded: number;
  /** Of eventsAdded, those with a carrier code no status table knew. */
  eventsUnmapped: number;
  status: ShipmentStatus;
}

interface IngestOptions {
  source: EventSource;
  estimatedDelivery?: string;
  proofOfDelivery?: ProofOfDelivery;
  trackingNumber?: string;
  /** Whether this ingest is the answer to a poll (and so decides the next one). */
  polled: boolean;
}

export async function ingestEvents(
  deps: IngestDeps,
  shipment: Shipment,
  incoming: readonly IncomingEvent[],
  options: IngestOptions,
): Promise<IngestResult> {
  const now = deps.now();
  const existing = await deps.store.events.listForShipment(shipment.id);
  const known = new Set(existing.map((e) => e.fingerprint));
  const fresh: NewTrackingEvent[] = [];
  for (const event of incoming) {
    const row = toEventRow(shipment.id, event, options.source, now);
    if (known.has(row.fingerprint)) continue;
    known.add(row.fingerprint);
    fresh.push(row);
  }

  const current = deriveCurrentStatus([...existing.reverse(), ...fresh]);
  const patch: ShipmentPatch = {
    status: current.status,
    substatus: current.substatus,
    lastEventAt: current.lastEventAt,
    deliveredAt: current.status === 'delivered' ? current.statusSince : null,
  };
  const random = deps.random ?? Math.random;
  if (options.polled) {
    const next = plannedPoll({ previousStatus: shipment.status, status: current.status, notFoundCount: 0, now }, deps.cadence, random);
    Object.assign(patch, {
      lastPolledAt: now,
      lastPollError: null,
      pollFailures: 0,
      notFoundCount: 0,
      nextPollAt: next.at,
      nextPollReason: next.reason,
    });
  } else if (!shipment.trackingStoppedAt && shipment.nextPollAt !== null && isTerminal(current.status) && !isTerminal(shipment.status)) {
    const next = plannedPoll({ previousStatus: shipment.status, status: current.status, notFoundCount: 0, now }, deps.cadence, random);
    patch.nextPollAt = next.at;
    patch.nextPollReason = next.reason;
  }
  if (options.estimatedDelivery !== undefined) patch.estimatedDelivery = options.estimatedDelivery;
  if (options.proofOfDelivery !== undefined) patch.proofOfDelivery = options.proofOfDelivery;
  if (options.trackingNumber && !shipment.trackingNumber) {
    await adoptTrackingNumber(deps, shipment, options.trackingNumber, patch);
  }
  expireIfSilent(shipment, current.lastEventAt, now, deps.cadence, patch);
  if (shipment.trackingStoppedAt) {
    patch.nextPollAt = null;
    patch.nextPollReason = 'tracking stopped';
  }

  const { eventsAdded } = await deps.store.events.applyTracking({ shipmentId: shipment.id, events: fresh, patch, updatedAt: now });
  // Fresh rows are all written unless a concurrent writer stored the same fingerprint first (rare).
  const eventsUnmapped = Math.min(eventsAdded, fresh.filter((e) => e.substatus === 'unmapped').length);
  return { shipmentId: shipment.id, eventsAdded, eventsUnmapped, status: patch.status ?? shipment.status };
}

/** Applies what a carrier said about one shipment: events, not found, or a failure. */
export async function recordOutcome(deps: IngestDeps, shipment: Shipment, outcome: TrackOutcome): Promise<IngestResult> {
  const now = deps.now();
  switch (outcome.kind) {
    case 'found':
      return ingestEvents(
        deps,
        shipment,
        outcome.events.map((e) => ({
          occurredAt: e.occurredAt,
          localTime: e.localTime,
          timeZone: e.timeZone,
          status: e.status,
          substatus: e.substatus,
          rawCode: e.rawCode,
          description: e.rawText,
          location: e.location,
        })),
        {
          source: 'poll',
          polled: true,
          ...(outcome.estimatedDelivery !== undefined && { estimatedDelivery: outcome.estimatedDelivery }),
          ...(outcome.proofOfDelivery !== undefined && { proofOfDelivery: outcome.proofOfDelivery }),
          ...(outcome.trackingNumber !== undefined && { trackingNumber: outcome.trackingNumber }),
        },
      );
    case 'not_found': {
      const notFoundCount = shipment.notFoundCount + 1;
      // A parcel with history keeps its status: carriers sometimes forget old numbers.
      const status: ShipmentStatus = shipment.lastEventAt ? shipment.status : 'not_found';
      const next = plannedPoll({ previousStatus: shipment.status, status, notFoundCount, now }, deps.cadence, deps.random ?? Math.random);
      const patch: ShipmentPatch = {
        status,
        substatus: status === 'not_found' ? null : shipment.substatus,
        notFoundCount,
        lastPolledAt: now,
        lastPollError: null,
        pollFailures: 0,
        nextPollAt: next.at,
        nextPollReason: status === 'not_found' ? next.reason : `carrier forgot the number (${notFoundCount}×); ${next.reason}`,
      };
      expireIfSilent(shipment, shipment.lastEventAt, now, deps.cadence, patch);
      await deps.store.shipments.patch(shipment.id, patch, now);
      return { shipmentId: shipment.id, eventsAdded: 0, eventsUnmapped: 0, status: patch.status ?? status };
    }
    case 'failed': {
      const pollFailures = shipment.pollFailures + 1;
      const retryAfterMs = outcome.failure.kind === 'rate_limited' ? outcome.failure.retryAfterMs : undefined;
      await deps.store.shipments.patch(
        shipment.id,
        {
          pollFailures,
          lastPollError: describeFailure(outcome.failure),
          nextPollAt: retryAfterFailure(pollFailures, retryAfterMs, now, deps.cadence, deps.random ?? Math.random),
          nextPollReason: `retry ${pollFailures} after ${outcome.failure.kind}${retryAfterMs === undefined ? '' : ` (carrier asked to wait ${Math.ceil(retryAfterMs / 1000)} s)`}`,
        },
        now,
      );
      return { shipmentId: shipment.id, eventsAdded: 0, eventsUnmapped: 0, status: shipment.status };
    }
  }
}

export function describeFailure(failure: CarrierFailure): string {
  switch (failure.kind) {
    case 'auth':
      return 'auth: the carrier rejected our credentials';
    case 'rate_limited':
      return `rate_limited${failure.detail ? ` (${failure.detail})` : ''}${failure.retryAfterMs === undefined ? '' : `: retry after ${Math.ceil(failure.retryAfterMs / 1000)} s`}`;
    case 'unavailable':
    case 'malformed':
      return `${failure.kind}: ${failure.detail}`;
  }
}

function toEventRow(shipmentId: string, event: IncomingEvent, source: EventSource, now: Date): NewTrackingEvent {
  const description = event.description;
  const location = event.location?.text ?? null;
  return {
    shipmentId,
    fingerprint: eventFingerprint({
      shipmentId,
      occurredAt: event.occurredAt,
      rawCode: event.rawCode ?? null,
      status: event.status,
      location,
      description,
    }),
    occurredAt: event.occurredAt,
    localTime: event.localTime ?? null,
    timeZone: event.timeZone ?? null,
    status: event.status,
    substatus: event.substatus ?? null,
    carrierCode: event.rawCode ?? null,
    description,
    location,
    city: event.location?.city ?? null,
    country: event.location?.country ?? null,
    source,
    receivedAt: now,
  };
}

async function adoptTrackingNumber(deps: IngestDeps, shipment: Shipment, trackingNumber: string, patch: ShipmentPatch): Promise<void> {
  const holder = await deps.store.shipments.findByCarrierNumber(shipment.carrier, trackingNumber);
  if (holder && holder.id !== shipment.id) {
    deps.logger.warn(
      { shipmentId: shipment.id, otherShipmentId: holder.id },
      'carrier reported a tracking number another shipment already has; kept the reference only',
    );
    return;
  }
  patch.trackingNumber = trackingNumber;
}

function expireIfSilent(
  shipment: Shipment,
  lastEventAt: Date | null,
  now: Date,
  cadence: CadenceSettings,
  patch: ShipmentPatch,
): void {
  const status = patch.status ?? shipment.status;
  if (isTerminal(status)) return;
  const silent = hasExpired(lastEventAt ?? shipment.createdAt, now, cadence);
  if (silent || hasOutlivedTracking(shipment.createdAt, now, cadence)) {
    patch.status = 'expired';
    patch.substatus = null;
    patch.nextPollAt = null;
    patch.nextPollReason = silent ? silenceReason(cadence) : maxAgeReason(cadence);
  }
}
