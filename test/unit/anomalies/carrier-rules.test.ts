import { carrierDrift } from '../../../src/anomalies/rules/carrier-drift.js';
import { carrierUnreachable } from '../../../src/anomalies/rules/carrier-unreachable.js';
import type { Anomaly, CarrierHealthInput } from '../../../src/anomalies/types.js';
import { SETTINGS } from '../../support/rule-input.js';

const now = new Date('2026-03-17T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const input = (circuit: CarrierHealthInput['circuit'], events = { total: 0, unmapped: 0 }): CarrierHealthInput => ({
  carrier: 'sandbox',
  now,
  settings: SETTINGS,
  circuit,
  recentEvents: events,
});
const open = {} as Anomaly;

describe('carrier_unreachable', () => {
  const circuit = (state: 'closed' | 'open' | 'half_open', openedMinutesAgo: number | null, consecutiveFailures = 7): CarrierHealthInput['circuit'] => ({
    state,
    openedAt: openedMinutesAgo === null ? null : minutesAgo(openedMinutesAgo),
    consecutiveFailures,
    lastFailureKind: 'unavailable',
  });
  it('opens when the circuit has been open for 30 minutes, naming since when and the failure kind', () => {
    expect(carrierUnreachable.opens(input(circuit('open', 30)))).toEqual({
      trigger: minutesAgo(30).toISOString(),
      details: { since: minutesAgo(30).toISOString(), failedPolls: 7, lastFailureKind: 'unavailable', circuit: 'open' },
    });
  });
  it('counts a half-open circuit (a probe in flight) as still down', () => {
    expect(carrierUnreachable.opens(input(circuit('half_open', 45)))).toMatchObject({ details: { circuit: 'half_open' } });
  });
  it('does not open for a circuit open for less than the window, or a closed one', () => {
    expect(carrierUnreachable.opens(input(circuit('open', 29)))).toBeNull();
    expect(carrierUnreachable.opens(input(circuit('closed', null, 4)))).toBeNull();
    expect(carrierUnreachable.opens(input(null))).toBeNull();
  });
  it('resolves when the circuit closes, not while it probes', () => {
    expect(carrierUnreachable.resolves(input(circuit('closed', null, 0)), open)).toBe('circuit closed: the carrier answers again');
    expect(carrierUnreachable.resolves(input(circuit('half_open', 40)), open)).toBeNull();
    expect(carrierUnreachable.resolves(input(circuit('open', 40)), open)).toBeNull();
  });
});

describe('carrier_drift', () => {
  it('opens when the unmapped share jumps past the threshold with enough events', () => {
    expect(carrierDrift.opens(input(null, { total: 50, unmapped: 15 }))).toMatchObject({ details: { unmappedShare: 0.3, events: 50 } });
    expect(carrierDrift.opens(input(null, { total: 10, unmapped: 9 }))).toBeNull();
    expect(carrierDrift.opens(input(null, { total: 100, unmapped: 5 }))).toBeNull();
  });
  it('resolves only once the share is well back to normal', () => {
    expect(carrierDrift.resolves(input(null, { total: 100, unmapped: 15 }), open)).toBeNull();
    expect(carrierDrift.resolves(input(null, { total: 100, unmapped: 5 }), open)).toBe('unmapped share back to normal');
  });
});
