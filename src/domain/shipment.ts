import type { ShipmentStatus, Substatus } from './status.js';

export const SERVICE_LEVELS = ['same_day', 'next_day', 'express', 'standard', 'economy'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

export const EVENT_SOURCES = ['poll', 'push', 'manual'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export interface ProofOfDelivery {
  receivedBy?: string;
  signatureUrl?: string;
}

export interface Customer {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface Destination {
  city: string | null;
  country: string | null;
}

/** A parcel the shop asked us to watch (DESIGN §5). */
export interface Shipment {
  id: string;
  carrier: string;
  /** The carrier's number; may arrive only after the branch accepts the parcel. */
  trackingNumber: string | null;
  /** The shop's own key at the carrier (cargoKey, integration code, referenceId …). */
  reference: string | null;
  orderId: string | null;
  customer: Customer;
  destination: Destination;
  serviceLevel: ServiceLevel | null;
  /** The carrier's own service or carrier key, passed to the adapter (DHL `service`, 17TRACK carrier code). */
  carrierService: string | null;
  shippedAt: Date | null;
  /** `YYYY-MM-DD` (end of that day in shop time) or an ISO instant, as the shop sent it. */
  promisedBy: string | null;
  /** The promised deadline as an instant, computed on the shop's business calendar at registration. */
  deadlineAt: Date | null;
  /** The shop asked for the parcel back, so a return is expected. */
  returnRequested: boolean;
  status: ShipmentStatus;
  substatus: Substatus | null;
  lastEventAt: Date | null;
  deliveredAt: Date | null;
  estimatedDelivery: string | null;
  /** Who signed for it, where the carrier says. */
  proofOfDelivery: ProofOfDelivery | null;
  nextPollAt: Date | null;
  /** Why nextPollAt is what it is, for people ("in transit: every 2 h", "deferred: dhl daily quota spent …"). */
  nextPollReason: string | null;
  /** The carrier's quota day (`YYYY-MM-DD` in its quota zone) that pollsOnDay counts: DHL allows 10 per shipment. */
  pollDay: string | null;
  pollsOnDay: number;
  lastPolledAt: Date | null;
  lastPollError: string | null;
  pollFailures: number;
  notFoundCount: number;
  trackingStoppedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewShipment {
  carrier: string;
  trackingNumber: string | null;
  reference: string | null;
  orderId: string | null;
  customer: Customer;
  destination: Destination;
  serviceLevel: ServiceLevel | null;
  carrierService: string | null;
  shippedAt: Date | null;
  promisedBy: string | null;
  deadlineAt: Date | null;
  returnRequested: boolean;
}

/** One entry of a shipment's append-only event log. */
export interface TrackingEvent {
  id: number;
  shipmentId: string;
  fingerprint: string;
  occurredAt: Date;
  /** The carrier's timestamp exactly as sent, and the zone it was read in. */
  localTime: string | null;
  timeZone: string | null;
  status: ShipmentStatus;
  substatus: Substatus | null;
  carrierCode: string | null;
  description: string;
  location: string | null;
  city: string | null;
  country: string | null;
  source: EventSource;
  receivedAt: Date;
}

export type NewTrackingEvent = Omit<TrackingEvent, 'id'>;

/** Normalises what people type: spaces and dashes are noise, letters are case-insensitive. */
export function normaliseTrackingNumber(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}
