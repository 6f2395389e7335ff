import type { ShipmentStatus, Substatus } from '../domain/status.js';

export interface StatusEvent {
  occurredAt: Date;
  status: ShipmentStatus;
  substatus: Substatus | null;
}

export interface CurrentStatus {
  status: ShipmentStatus;
  substatus: Substatus | null;
  lastEventAt: Date | null;
  /** When the event that set the current status happened. */
  statusSince: Date | null;
}

/** Carriers stamp scans out of order; movement this close after a delivery does not undo it. */
export const DELIVERED_GRACE_MS = 2 * 60 * 60 * 1000;

const MOVEMENT: readonly ShipmentStatus[] = ['in_transit', 'out_for_delivery'];

/**
 * The current status is that of the latest event by occurredAt (not arrival order), except that a
 * delivered event is not undone by in_transit/out_for_delivery stamped up to 2 hours after it.
 * Events with the same instant keep the order given (arrival order).
 */
export function deriveCurrentStatus(events: readonly StatusEvent[]): CurrentStatus {
  if (events.length === 0) return { status: 'pending', substatus: null, lastEventAt: null, statusSince: null };
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index)
    .map((x) => x.event);

  let current: StatusEvent | undefined;
  let deliveredAt: number | null = null;
  for (const event of ordered) {
    const t = event.occurredAt.getTime();
    const masked = deliveredAt !== null && MOVEMENT.includes(event.status) && t - deliveredAt <= DELIVERED_GRACE_MS;
    if (masked) continue;
    current = event;
    deliveredAt = event.status === 'delivered' ? t : null;
  }
  const last = ordered[ordered.length - 1];
  return {
    status: current?.status ?? 'pending',
    substatus: current?.substatus ?? null,
    lastEventAt: last ? last.occurredAt : null,
    statusSince: current?.occurredAt ?? null,
  };
}
