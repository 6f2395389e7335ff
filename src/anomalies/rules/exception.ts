import type { ShipmentRule } from '../types.js';
import { iso, lastUndeliveredEventWith } from './timeline.js';

const GRAVE = new Set(['exception.damaged', 'exception.lost']);

/** Damaged, lost, held, refused, customs…: the carrier reports a problem. */
export const exception: ShipmentRule = {
  code: 'exception',
  severity: 'high',
  opens({ events }) {
    const problem = lastUndeliveredEventWith(events, 'exception');
    if (!problem) return null;
    return {
      trigger: problem.fingerprint,
      details: { since: iso(problem.occurredAt), substatus: problem.substatus, description: problem.description },
      severity: problem.substatus && GRAVE.has(problem.substatus) ? 'critical' : 'high',
    };
  },
  resolves({ shipment }) {
    return shipment.status === 'delivered' ? 'delivered' : null;
  },
};
