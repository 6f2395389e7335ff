import type { ShipmentRule } from '../types.js';
import { firstEventWith, hasPhysicalScan, iso } from './timeline.js';

/** The carrier says delivered, yet nobody ever scanned the parcel on its way: often a false "delivered". */
export const deliveredWithoutScan: ShipmentRule = {
  code: 'delivered_without_scan',
  severity: 'critical',
  opens({ shipment, events }) {
    if (shipment.status !== 'delivered') return null;
    const delivered = firstEventWith(events, 'delivered');
    if (!delivered || hasPhysicalScan(events, delivered.occurredAt)) return null;
    return { trigger: delivered.fingerprint, details: { deliveredAt: iso(delivered.occurredAt) } };
  },
  // Only a person can tell whether the parcel really arrived.
  resolves: () => null,
};
