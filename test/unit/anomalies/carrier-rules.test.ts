import { carrierDrift } from '../../../src/anomalies/rules/carrier-drift.js';
import { carrierUnreachable } from '../../../src/anomalies/rules/carrier-unreachable.js';
import type { Anomaly, CarrierHealthInput } from '../../../src/anomalies/types.js';
import { SETTINGS } from '../../support/rule-input.js';

const now = new Date('2026-03-17T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const input = (runs: CarrierHealthInput['recentRuns'], events = { total: 0, unmapped: 0 }): CarrierHealthInput => ({
  carrier: 'sandbox',
  now,
  settings: SETTINGS,
  recentRuns: runs,
  recentEvents: events,
});
const open = {} as Anomaly;

describe('carrier_unreachable', () => {
  const failedFor = (minutes: number[]) => minutes.map((m) => ({ finishedAt: minutesAgo(m), requested: 5, failed: 5 }));
  it('opens when every poll failed for 30 minutes', () => {
    expect(carrierUnreachable.opens(input(failedFor([1, 10, 20, 29])))).toMatchObject({ details: { failedPolls: 4 } });
  });
  it('does not open for one bad tick or when any poll in the window succeeded', () => {
    expect(carrierUnreachable.opens(input(failedFor([1])))).toBeNull();
    expect(carrierUnreachable.opens(input([...failedFor([1, 10]), { finishedAt: minutesAgo(20), requested: 5, failed: 4 }, ...failedFor([29])]))).toBeNull();
  });
  it('resolves when the latest poll succeeded', () => {
    expect(carrierUnreachable.resolves(input([{ finishedAt: minutesAgo(1), requested: 3, failed: 0 }, ...failedFor([10, 20])]), open)).toBe('a poll succeeded');
    expect(carrierUnreachable.resolves(input(failedFor([1, 10])), open)).toBeNull();
  });
});

describe('carrier_drift', () => {
  it('opens when the unmapped share jumps past the threshold with enough events', () => {
    expect(carrierDrift.opens(input([], { total: 50, unmapped: 15 }))).toMatchObject({ details: { unmappedShare: 0.3, events: 50 } });
    expect(carrierDrift.opens(input([], { total: 10, unmapped: 9 }))).toBeNull();
    expect(carrierDrift.opens(input([], { total: 100, unmapped: 5 }))).toBeNull();
  });
  it('resolves only once the share is well back to normal', () => {
    expect(carrierDrift.resolves(input([], { total: 100, unmapped: 15 }), open)).toBeNull();
    expect(carrierDrift.resolves(input([], { total: 100, unmapped: 5 }), open)).toBe('unmapped share back to normal');
  });
});
