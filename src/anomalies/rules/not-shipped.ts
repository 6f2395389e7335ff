import type { ShipmentRule } from '../types.js';
import { hasPhysicalScan, iso } from './timeline.js';

const TERMINAL_OR_GONE = new Set(['delivered', 'returned', 'expired', 'not_found']);

/** Registered (or shipped, says the shop) days ago, and no carrier has touched the parcel yet. */
export const notShipped: ShipmentRule = {
  code: 'not_shipped',
  severity: 'medium',
  opens({ shipment, events, now, calendar, settings }) {
    if (TERMINAL_OR_GONE.has(shipment.status) || hasPhysicalScan(events)) return null;
    const since = shipment.shippedAt ?? shipment.createdAt;
    const waited = calendar.businessDaysBetween(since, now);
    if (waited < settings.notShippedBusinessDays) return null;
    return { trigger: iso(since), details: { since: iso(since) } };
  },
  resolves({ shipment, events }) {
    if (hasPhysicalScan(events)) return 'first physical scan';
    if (shipment.status === 'delivered' || shipment.status === 'returned') return `status is now ${shipment.status}`;
    return null;
  },
};
