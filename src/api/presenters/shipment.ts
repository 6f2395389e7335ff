import { UNKNOWN_TIME_ZONE } from '../../../carriers/contract.js';
import type { CarrierRegistry } from '../../../carriers/registry.js';
import type { Anomaly } from '../../anomalies/types.js';
import type { Shipment, TrackingEvent } from '../../domain/shipment.js';
import { presentAnomalySummary } from './anomaly.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** What presenting a shipment depends on besides the shipment: passed in, so presenting stays pure. */
export interface PresentationContext {
  /** The request's clock reading: lateness is judged against it. */
  now: Date;
  registry: Pick<CarrierRegistry, 'definition' | 'adapter'>;
}

/** Late: a deadline passed undelivered, or the parcel arrived after it. */
export function isLate(shipment: Pick<Shipment, 'deadlineAt' | 'deliveredAt'>, now: Date): boolean {
  const { deadlineAt, deliveredAt } = shipment;
  if (!deadlineAt) return false;
  return (deliveredAt ?? now).getTime() > deadlineAt.getTime();
}

export function publicTrackingUrl(shipment: Pick<Shipment, 'carrier' | 'trackingNumber'>, registry: PresentationContext['registry']): string | null {
  const linkOf = registry.definition(shipment.carrier)?.publicTrackingUrl;
  return linkOf && shipment.trackingNumber ? linkOf(shipment.trackingNumber) : null;
}

/** The public JSON of a shipment: poll bookkeeping stays inside, except what helps support. */
export function presentShipment(shipment: Shipment, at: PresentationContext) {
  return {
    id: shipment.id,
    trackingNumber: shipment.trackingNumber,
    reference: shipment.reference,
    carrier: shipment.carrier,
    carrierName: at.registry.definition(shipment.carrier)?.displayName ?? shipment.carrier,
    publicTrackingUrl: publicTrackingUrl(shipment, at.registry),
    orderId: shipment.orderId,
    status: shipment.status,
    substatus: shipment.substatus,
    lastEventAt: iso(shipment.lastEventAt),
    deliveredAt: iso(shipment.deliveredAt),
    promisedBy: shipment.promisedBy,
    deadlineAt: iso(shipment.deadlineAt),
    late: isLate(shipment, at.now),
    returnRequested: shipment.returnRequested,
    shippedAt: iso(shipment.shippedAt),
    serviceLevel: shipment.serviceLevel,
    carrierService: shipment.carrierService,
    estimatedDelivery: shipment.estimatedDelivery,
    proofOfDelivery: shipment.proofOfDelivery,
    customer: shipment.customer,
    destination: shipment.destination,
    tracking: {
      active: shipment.trackingStoppedAt === null && shipment.nextPollAt !== null,
      /** Whether a configured carrier API is asked about it at all (manual shipments and unconfigured carriers are not). */
      polled: (at.registry.adapter(shipment.carrier)?.queryBy.length ?? 0) > 0,
      stoppedAt: iso(shipment.trackingStoppedAt),
      lastPolledAt: iso(shipment.lastPolledAt),
      nextPollAt: iso(shipment.nextPollAt),
      /** Why nextPollAt is what it is: cadence, retry, deferred for quota, circuit open… */
      nextPollReason: shipment.nextPollReason,
      lastError: shipment.lastPollError,
    },
    createdAt: shipment.createdAt.toISOString(),
    updatedAt: shipment.updatedAt.toISOString(),
  };
}

export function presentEvent(event: TrackingEvent) {
  return {
    // A local time whose zone the carrier did not give has no honest UTC instant to show.
    occurredAt: event.timeZone === UNKNOWN_TIME_ZONE ? null : event.occurredAt.toISOString(),
    localTime: event.localTime,
    timeZone: event.timeZone,
    status: event.status,
    substatus: event.substatus,
    description: event.description,
    carrierCode: event.carrierCode,
    location: event.location,
    city: event.city,
    country: event.country,
    source: event.source,
    receivedAt: event.receivedAt.toISOString(),
  };
}

export function presentShipmentWithEvents(shipment: Shipment, events: readonly TrackingEvent[], anomalies: readonly Anomaly[], at: PresentationContext) {
  return {
    ...presentShipment(shipment, at),
    anomalies: [...anomalies].reverse().map(presentAnomalySummary),
    events: events.map(presentEvent),
  };
}
