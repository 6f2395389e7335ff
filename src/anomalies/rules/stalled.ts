import type { ShipmentRule } from '../types.js';
import { iso } from './timeline.js';

type StalledStatus = 'in_transit' | 'out_for_delivery' | 'attempt_failed';
const WATCHED: readonly StalledStatus[] = ['in_transit', 'out_for_delivery', 'attempt_failed'];

/** No news for too many business days while the parcel should be moving. */
export const stalled: ShipmentRule = {
  code: 'stalled',
  severity: 'medium',
  opens({ shipment, now, calendar, settings }) {
    const status = WATCHED.find((s) => s === shipment.status);
    if (!status || !shipment.lastEventAt) return null;
    const silent = calendar.businessDaysBetween(shipment.lastEventAt, now);
    if (silent < settings.stalledBusinessDays[status]) return null;
    return {
      trigger: iso(shipment.lastEventAt),
      details: { since: iso(shipment.lastEventAt), status },
    };
  },
  resolves({ shipment }, anomaly) {
    const since = anomaly.details['since'];
    if (shipment.lastEventAt && typeof since === 'string' && shipment.lastEventAt.getTime() > Date.parse(since)) return 'a new event arrived';
    if (!WATCHED.some((s) => s === shipment.status)) return `status is now ${shipment.status}`;
    return null;
  },
};
