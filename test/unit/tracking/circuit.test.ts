import { afterFailure, afterSuccess, closedCircuit, countsAgainstCircuit, pauseAfter, toHalfOpen, type CircuitSettings } from '../../../src/tracking/governor/circuit.js';
import type { CarrierCircuit } from '../../../src/store/types.js';

const settings: CircuitSettings = { failuresToOpen: 3, pauseMs: 60_000, maxPauseMs: 5 * 60_000 };
const t0 = new Date('2026-11-23T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(c: CarrierCircuit, times: number, when = t0, kind = 'unavailable'): CarrierCircuit {
  let next = c;
  for (let i = 0; i < times; i += 1) next = afterFailure(next, kind, when, settings);
  return next;
}

describe('circuit breaker', () => {
  it('opens after N failed requests in a row and pauses for the first pause', () => {
    const twice = fail(closedCircuit('dhl', t0), 2);
    expect(twice).toMatchObject({ state: 'closed', consecutiveFailures: 2, lastFailureKind: 'unavailable' });
    const open = fail(twice, 1, at(5000), 'auth');
    expect(open).toMatchObject({ state: 'open', consecutiveFailures: 3, openings: 1, openedAt: at(5000), nextProbeAt: at(65_000), lastFailureKind: 'auth' });
  });

  it('starts counting afresh after a success', () => {
    const c = afterSuccess(fail(closedCircuit('dhl', t0), 2), t0);
    expect(fail(c, 2)).toMatchObject({ state: 'closed', consecutiveFailures: 2 });
  });

  it('reopens after a failed probe with the pause doubled up to the maximum, keeping the outage start', () => {
    let c = fail(closedCircuit('dhl', t0), 3);
    const pauses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const probeAt = c.nextProbeAt ?? t0;
      c = afterFailure(toHalfOpen(c, probeAt), 'unavailable', probeAt, settings);
      pauses.push((c.nextProbeAt?.getTime() ?? 0) - probeAt.getTime());
    }
    expect(pauses).toEqual([120_000, 240_000, 300_000, 300_000, 300_000]);
    expect(c).toMatchObject({ state: 'open', openedAt: t0, openings: 6 });
  });

  it('closes on a successful probe and forgets the outage', () => {
    const probing = toHalfOpen(fail(closedCircuit('dhl', t0), 3), at(60_000));
    expect(probing.state).toBe('half_open');
    expect(afterSuccess(probing, at(61_000))).toMatchObject({ state: 'closed', consecutiveFailures: 0, openings: 0, openedAt: null, nextProbeAt: null });
  });

  it('keeps an open circuit open, without a new pause, when a late request fails', () => {
    const open = fail(closedCircuit('dhl', t0), 3);
    expect(afterFailure(open, 'unavailable', at(1000), settings)).toMatchObject({ state: 'open', consecutiveFailures: 4, nextProbeAt: open.nextProbeAt, openings: 1 });
  });

  it('counts unavailability and rejected credentials, not throttling or garbage', () => {
    expect(countsAgainstCircuit({ kind: 'unavailable', detail: 'HTTP 503' })).toBe(true);
    expect(countsAgainstCircuit({ kind: 'auth' })).toBe(true);
    expect(countsAgainstCircuit({ kind: 'rate_limited', retryAfterMs: 1000 })).toBe(false);
    expect(countsAgainstCircuit({ kind: 'malformed', detail: 'not JSON' })).toBe(false);
  });

  it('doubles the pause per opening', () => {
    expect([1, 2, 3, 4, 40].map((n) => pauseAfter(n, { failuresToOpen: 5, pauseMs: 60_000, maxPauseMs: 30 * 60_000 }))).toEqual([60_000, 120_000, 240_000, 480_000, 1_800_000]);
  });
});
