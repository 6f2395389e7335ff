import type { ShipmentRule } from '../types.js';
import { iso, roundDays } from './timeline.js';

const DONE = new Set(['delivered', 'returned']);

/** Past the promised deadline and not delivered (or returned); critical once badly late. */
export const late: ShipmentRule = {
  code: 'late',
  severity: 'high',
  opens({ shipment, now, calendar, settings }) {
    const deadline = shipment.deadlineAt;
    if (!deadline || DONE.has(shipment.status) || shipment.status === 'expired') return null;
    if (now.getTime() <= deadline.getTime()) return null;
    const lateBusinessDays = roundDays(calendar.businessDaysBetween(deadline, now));
    return {
      trigger: iso(deadline),
      details: { deadline: iso(deadline), lateBusinessDays },
      severity: lateBusinessDays > settings.lateCriticalBusinessDays ? 'critical' : 'high',
    };
  },
  resolves({ shipment, calendar }, anomaly) {
    if (!DONE.has(shipment.status) || !shipment.deadlineAt) return null;
    const arrived = shipment.lastEventAt ?? shipment.updatedAt;
    const lateBy = roundDays(calendar.businessDaysBetween(shipment.deadlineAt, arrived));
    return `${shipment.status} ${lateBy} business days after the deadline (${anomaly.details['deadline'] ?? iso(shipment.deadlineAt)})`;
  },
};
