import type { ShipmentRule } from '../types.js';
import { firstEventWith, iso } from './timeline.js';

/** On its way back (or back) although the shop never asked for a return. */
export const returning: ShipmentRule = {
  code: 'returning',
  severity: 'high',
  opens({ shipment, events }) {
    if (shipment.returnRequested) return null;
    if (shipment.status !== 'returning' && shipment.status !== 'returned') return null;
    const first = firstEventWith(events, 'returning') ?? firstEventWith(events, 'returned');
    return { trigger: first?.fingerprint ?? 'return', details: { status: shipment.status, since: first ? iso(first.occurredAt) : null } };
  },
  resolves: () => null,
};
