import type { AnomalyCode, AnomalySettings, ShipmentRuleInput } from '../../src/anomalies/types.js';
import { createBusinessCalendar } from '../../src/domain/calendar.js';
import type { Shipment, TrackingEvent } from '../../src/domain/shipment.js';
import type { ShipmentStatus, Substatus } from '../../src/domain/status.js';
import { deriveCurrentStatus } from '../../src/tracking/current-status.js';

export const ISTANBUL = createBusinessCalendar({ timeZone: 'Europe/Istanbul', saturdayIsBusinessDay: true });

export const SETTINGS: AnomalySettings = {
  stalledBusinessDays: { in_transit: 3, out_for_delivery: 1, attempt_failed: 2 },
  notShippedBusinessDays: 2,
  awaitingPickupDays: 3,
  notFoundHours: 24,
  atRiskBusinessDays: 1,
  lateCriticalBusinessDays: 2,
  carrierUnreachableMinutes: 30,
  driftShare: 0.2,
  driftMinEvents: 20,
  driftWindowHours: 24,
};

/** `[iso, status, substatus?]`: an event in a test timeline. */
export type Step = [string, ShipmentStatus, Substatus?];

let counter = 0;

export function timeline(steps: readonly Step[]): TrackingEvent[] {
  return steps
    .map(([at, status, substatus], i) => ({
      id: i + 1,
      shipmentId: 'shp_test',
      fingerprint: `fp-${at}-${status}-${substatus ?? ''}`,
      occurredAt: new Date(at),
      localTime: null,
      timeZone: null,
      status,
      substatus: substatus ?? null,
      carrierCode: status.toUpperCase(),
      description: `${status} açıklaması`,
      location: 'İstanbul',
      city: 'İstanbul',
      country: 'TR',
      source: 'poll' as const,
      receivedAt: new Date(at),
    }))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** A rule input whose shipment fields follow from the timeline, as ingest would set them. */
export function ruleInput(options: {
  steps?: readonly Step[];
  now: string;
  shipment?: Partial<Shipment>;
  unresolved?: readonly AnomalyCode[];
  settings?: Partial<AnomalySettings>;
}): ShipmentRuleInput {
  counter += 1;
  const events = timeline(options.steps ?? []);
  const current = deriveCurrentStatus(events);
  const createdAt = options.shipment?.createdAt ?? events[0]?.occurredAt ?? new Date(options.now);
  const shipment: Shipment = {
    id: `shp_test${counter}`,
    carrier: 'sandbox',
    trackingNumber: 'SBX0100000016',
    reference: null,
    orderId: 'ORDER-1',
    customer: { name: null, email: null, phone: null },
    destination: { city: null, country: null },
    serviceLevel: null,
    carrierService: null,
    shippedAt: null,
    promisedBy: null,
    deadlineAt: null,
    returnRequested: false,
    status: current.status,
    substatus: current.substatus,
    lastEventAt: current.lastEventAt,
    deliveredAt: current.status === 'delivered' ? current.statusSince : null,
    estimatedDelivery: null,
    proofOfDelivery: null,
    nextPollAt: null,
    nextPollReason: null,
    pollDay: null,
    pollsOnDay: 0,
    lastPolledAt: null,
    lastPollError: null,
    pollFailures: 0,
    notFoundCount: 0,
    trackingStoppedAt: null,
    createdAt,
    updatedAt: new Date(options.now),
    ...options.shipment,
  };
  return {
    shipment,
    events,
    now: new Date(options.now),
    calendar: ISTANBUL,
    settings: { ...SETTINGS, ...options.settings },
    unresolved: new Set(options.unresolved ?? []),
  };
}
