import { DELIVERED_GRACE_MS } from '../../tracking/current-status.js';
import type { ShipmentRule } from '../types.js';
import { iso } from './timeline.js';

const MOVEMENT = new Set(['in_transit', 'out_for_delivery', 'available_for_pickup', 'attempt_failed']);

/** Movement after a delivery, beyond the scan-order grace: the delivery was probably not real. */
export const statusRegression: ShipmentRule = {
  code: 'status_regression',
  severity: 'high',
  opens({ events }) {
    const delivered = events.find((e) => e.status === 'delivered');
    if (!delivered) return null;
    const limit = delivered.occurredAt.getTime() + DELIVERED_GRACE_MS;
    const moved = events.find((e) => MOVEMENT.has(e.status) && e.occurredAt.getTime() > limit);
    if (!moved) return null;
    return {
      trigger: `${delivered.fingerprint}:${moved.fingerprint}`,
      details: { deliveredAt: iso(delivered.occurredAt), movedAt: iso(moved.occurredAt), status: moved.status },
    };
  },
  resolves: () => null,
};
