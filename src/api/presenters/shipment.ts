import type { Shipment, TrackingEvent } from '../../domain/shipment.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The public JSON of a shipment: poll bookkeeping stays inside, except what helps support. */
export function presentShipment(shipment: Shipment) {
  return {
    id: shipment.id,
    trackingNumber: shipment.trackingNumber,
    reference: shipment.reference,
    carrier: shipment.carrier,
    orderId: shipment.orderId,
    status: shipment.status,
    substatus: shipment.substatus,
    lastEventAt: iso(shipment.lastEventAt),
    promisedBy: shipment.promisedBy,
    shippedAt: iso(shipment.shippedAt),
    serviceLevel: shipment.serviceLevel,
    estimatedDelivery: shipment.estimatedDelivery,
    customer: shipment.customer,
    destination: shipment.destination,
    tracking: {
      active: shipment.trackingStoppedAt === null && shipment.nextPollAt !== null,
      stoppedAt: iso(shipment.trackingStoppedAt),
      lastPolledAt: iso(shipment.lastPolledAt),
      nextPollAt: iso(shipment.nextPollAt),
      lastError: shipment.lastPollError,
    },
    createdAt: shipment.createdAt.toISOString(),
    updatedAt: shipment.updatedAt.toISOString(),
  };
}

export function presentEvent(event: TrackingEvent) {
  return {
    occurredAt: event.occurredAt.toISOString(),
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

export function presentShipmentWithEvents(shipment: Shipment, events: readonly TrackingEvent[]) {
  return { ...presentShipment(shipment), events: events.map(presentEvent) };
}
