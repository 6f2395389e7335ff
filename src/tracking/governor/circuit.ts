/**
 * The circuit breaker of one carrier, as pure transitions (issue 6 §3). Closed: requests flow and
 * consecutive failures are counted; after `failuresToOpen` of them it opens. Open: nothing is
 * asked until nextProbeAt. Then one probe goes out (half open): success closes, failure reopens
 * with the pause doubled, up to maxPauseMs. Only unavailability and rejected credentials count
 * as failures: a carrier that throttles us or answers garbage is reachable.
 */
import type { CarrierFailure } from '../../../carriers/contract.js';
import type { CarrierCircuit } from '../../store/types.js';

export interface CircuitSettings {
  failuresToOpen: number;
  /** First pause; each reopening without a close in between doubles it. */
  pauseMs: number;
  maxPauseMs: number;
}

export const DEFAULT_CIRCUIT: CircuitSettings = Object.freeze({ failuresToOpen: 5, pauseMs: 60_000, maxPauseMs: 30 * 60_000 });

export function closedCircuit(carrier: string, now: Date): CarrierCircuit {
  return { carrier, state: 'closed', consecutiveFailures: 0, openedAt: null, nextProbeAt: null, openings: 0, lastFailureKind: null, updatedAt: now };
}

/** Whether a request's failure says the carrier cannot be reached (or will not let us in). */
export function countsAgainstCircuit(failure: CarrierFailure): boolean {
  return failure.kind === 'unavailable' || failure.kind === 'auth';
}

export function pauseAfter(openings: number, settings: CircuitSettings): number {
  return Math.min(settings.pauseMs * 2 ** Math.min(Math.max(0, openings - 1), 30), settings.maxPauseMs);
}

export function afterSuccess(circuit: CarrierCircuit, now: Date): CarrierCircuit {
  if (circuit.state === 'closed' && circuit.consecutiveFailures === 0) return circuit;
  return { ...circuit, state: 'closed', consecutiveFailures: 0, openedAt: null, nextProbeAt: null, openings: 0, updatedAt: now };
}

export function afterFailure(circuit: CarrierCircuit, kind: string, now: Date, settings: CircuitSettings): CarrierCircuit {
  const consecutiveFailures = circuit.consecutiveFailures + 1;
  const reopen = circuit.state === 'half_open';
  if (!reopen && (circuit.state === 'open' || consecutiveFailures < settings.failuresToOpen)) {
    return { ...circuit, consecutiveFailures, lastFailureKind: kind, updatedAt: now };
  }
  const openings = circuit.openings + 1;
  return {
    ...circuit,
    state: 'open',
    consecutiveFailures,
    // A failed probe continues the same outage: carrier_unreachable counts from its start.
    openedAt: reopen ? (circuit.openedAt ?? now) : now,
    nextProbeAt: new Date(now.getTime() + pauseAfter(openings, settings)),
    openings,
    lastFailureKind: kind,
    updatedAt: now,
  };
}

export function toHalfOpen(circuit: CarrierCircuit, now: Date): CarrierCircuit {
  return circuit.state === 'half_open' ? circuit : { ...circuit, state: 'half_open', updatedAt: now };
}
