import type { ShipmentRule } from '../types.js';
import { iso } from './timeline.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * A day after registration the carrier still does not know the number: wrong number, or never
 * handed over. The clock starts when the shop says it shipped, if that was before registration.
 */
export const notFound: ShipmentRule = {
  code: 'not_found',
  severity: 'medium',
  opens({ shipment, now, settings }) {
    if (shipment.status !== 'not_found') return null;
    const since = shipment.shippedAt && shipment.shippedAt < shipment.createdAt ? shipment.shippedAt : shipment.createdAt;
    if (now.getTime() - since.getTime() < settings.notFoundHours * HOUR_MS) return null;
    return { trigger: 'not_found', details: { since: iso(since) } };
  },
  resolves({ shipment }) {
    return shipment.status !== 'not_found' ? 'the carrier found it' : null;
  },
};
