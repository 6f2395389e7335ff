import type { InferSelectModel } from 'drizzle-orm';
import type { events, shipments } from '../../../db/schema.js';
import type { EventSource, ProofOfDelivery, ServiceLevel, Shipment, TrackingEvent } from '../../domain/shipment.js';
import type { ShipmentStatus, Substatus } from '../../domain/status.js';

type ShipmentRow = InferSelectModel<typeof shipments>;
type EventRow = InferSelectModel<typeof events>;

// Values were validated on the way in; the casts only restore the closed types SQLite erased.
export function toShipment(row: ShipmentRow): Shipment {
  return {
    id: row.id,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    reference: row.reference,
    orderId: row.orderId,
    customer: { name: row.customerName, email: row.customerEmail, phone: row.customerPhone },
    destination: { city: row.destinationCity, country: row.destinationCountry },
    serviceLevel: row.serviceLevel as ServiceLevel | null,
    carrierService: row.carrierService,
    shippedAt: row.shippedAt,
    promisedBy: row.promisedBy,
    deadlineAt: row.deadlineAt,
    returnRequested: row.returnRequested,
    status: row.status as ShipmentStatus,
    substatus: row.substatus as Substatus | null,
    lastEventAt: row.lastEventAt,
    deliveredAt: row.deliveredAt,
    estimatedDelivery: row.estimatedDelivery,
    proofOfDelivery: parseProof(row.proofOfDelivery),
    nextPollAt: row.nextPollAt,
    nextPollReason: row.nextPollReason,
    pollDay: row.pollDay,
    pollsOnDay: row.pollsOnDay,
    lastPolledAt: row.lastPolledAt,
    lastPollError: row.lastPollError,
    pollFailures: row.pollFailures,
    notFoundCount: row.notFoundCount,
    trackingStoppedAt: row.trackingStoppedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function parseProof(text: string | null): ProofOfDelivery | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { receivedBy, signatureUrl } = value as Record<string, unknown>;
    return {
      ...(typeof receivedBy === 'string' && { receivedBy }),
      ...(typeof signatureUrl === 'string' && { signatureUrl }),
    };
  } catch {
    return null;
  }
}

export function toTrackingEvent(row: EventRow): TrackingEvent {
  return {
    ...row,
    status: row.status as ShipmentStatus,
    substatus: row.substatus as Substatus | null,
    source: row.source as EventSource,
  };
}
