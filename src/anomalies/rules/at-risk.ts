import type { Finding, ShipmentRule } from '../types.js';
import { iso } from './timeline.js';

const NOT_MOVING_YET = new Set(['pending', 'info_received']);

/** The deadline is near and the parcel has not even left, or the carrier itself expects it late. */
export const atRisk: ShipmentRule = {
  code: 'at_risk',
  severity: 'medium',
  opens({ shipment, now, calendar, settings, unresolved }): Finding | null {
    const deadline = shipment.deadlineAt;
    if (!deadline || unresolved.has('late') || now.getTime() > deadline.getTime()) return null;
    if (shipment.status === 'delivered' || shipment.status === 'returned' || shipment.status === 'expired') return null;
    const left = calendar.businessDaysBetween(now, deadline);
    if (NOT_MOVING_YET.has(shipment.status) && left <= settings.atRiskBusinessDays) {
      return { trigger: `near:${iso(deadline)}`, details: { deadline: iso(deadline), reason: 'deadline_near' } };
    }
    const estimate = shipment.estimatedDelivery ? calendar.endOfDay(shipment.estimatedDelivery.slice(0, 10)) : null;
    if (estimate && estimate.getTime() > deadline.getTime()) {
      return {
        trigger: `estimate:${shipment.estimatedDelivery ?? ''}`,
        details: { deadline: iso(deadline), reason: 'estimate_after_deadline', estimatedDelivery: shipment.estimatedDelivery },
      };
    }
    return null;
  },
  resolves({ shipment, unresolved }) {
    if (shipment.status === 'delivered') return 'delivered';
    if (unresolved.has('late')) return 'superseded by late';
    return null;
  },
};
