import type { ShipmentRule } from '../types.js';
import { iso, lastEventWith } from './timeline.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Waiting at a branch too long: branches send parcels back after a few days. */
export const awaitingPickup: ShipmentRule = {
  code: 'awaiting_pickup',
  severity: 'high',
  opens({ shipment, events, now, settings }) {
    if (shipment.status !== 'available_for_pickup') return null;
    const since = lastEventWith(events, 'available_for_pickup')?.occurredAt ?? shipment.lastEventAt;
    if (!since || now.getTime() - since.getTime() <= settings.awaitingPickupDays * DAY_MS) return null;
    return { trigger: iso(since), details: { since: iso(since) } };
  },
  resolves({ shipment }) {
    return shipment.status === 'delivered' || shipment.status === 'returned' ? shipment.status : null;
  },
};
