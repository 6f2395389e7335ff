/** Small questions rules ask of a shipment's event log (events are oldest first). */
import type { TrackingEvent } from '../../domain/shipment.js';
import { isPhysicalScan, type ShipmentStatus } from '../../domain/status.js';

export function lastEventWith(events: readonly TrackingEvent[], status: ShipmentStatus): TrackingEvent | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.status === status) return event;
  }
  return undefined;
}

export function firstEventWith(events: readonly TrackingEvent[], status: ShipmentStatus): TrackingEvent | undefined {
  return events.find((e) => e.status === status);
}

/** The latest event of this status, unless a delivery came after it (the problem is over). */
export function lastUndeliveredEventWith(events: readonly TrackingEvent[], status: ShipmentStatus): TrackingEvent | undefined {
  const event = lastEventWith(events, status);
  if (!event) return undefined;
  const deliveredAfter = events.some((e) => e.status === 'delivered' && e.occurredAt.getTime() > event.occurredAt.getTime());
  return deliveredAfter ? undefined : event;
}

export function hasPhysicalScan(events: readonly TrackingEvent[], before?: Date): boolean {
  return events.some((e) => isPhysicalScan(e.status) && (before === undefined || e.occurredAt.getTime() < before.getTime()));
}

export const iso = (d: Date): string => d.toISOString();

/** Rounded for people: 1.25 business days, not 1.2469. */
export const roundDays = (days: number): number => Math.round(days * 100) / 100;
