import type { ShipmentRule } from '../types.js';
import { iso, lastUndeliveredEventWith } from './timeline.js';

/** The courier tried and failed: the customer may not even know. */
export const deliveryFailed: ShipmentRule = {
  code: 'delivery_failed',
  severity: 'high',
  opens({ shipment, events }) {
    if (shipment.status === 'delivered') return null;
    const attempt = lastUndeliveredEventWith(events, 'attempt_failed');
    if (!attempt) return null;
    return {
      trigger: attempt.fingerprint,
      details: { attemptedAt: iso(attempt.occurredAt), description: attempt.description, substatus: attempt.substatus },
    };
  },
  resolves({ shipment }) {
    return shipment.status === 'delivered' ? 'delivered' : null;
  },
};
