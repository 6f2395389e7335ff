import type { CarrierRule } from '../types.js';
import { iso } from './timeline.js';

/**
 * The poller's circuit breaker for this carrier has stayed open (or half open, probing) for the
 * whole window: the carrier, or our access to it, is down. Resolves when the circuit closes.
 */
export const carrierUnreachable: CarrierRule = {
  code: 'carrier_unreachable',
  severity: 'high',
  opens({ now, settings, circuit }) {
    if (!circuit || circuit.state === 'closed' || !circuit.openedAt) return null;
    if (now.getTime() - circuit.openedAt.getTime() < settings.carrierUnreachableMinutes * 60_000) return null;
    return {
      trigger: iso(circuit.openedAt),
      details: { since: iso(circuit.openedAt), failedPolls: circuit.consecutiveFailures, lastFailureKind: circuit.lastFailureKind, circuit: circuit.state },
    };
  },
  resolves({ circuit }) {
    return !circuit || circuit.state === 'closed' ? 'circuit closed: the carrier answers again' : null;
  },
};
