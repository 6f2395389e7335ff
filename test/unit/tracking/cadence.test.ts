import { DEFAULT_CADENCE, formatInterval, hasExpired, hasOutlivedTracking, maxAgeReason, nextPollAt, plannedPoll, retryAfterFailure } from '../../../src/tracking/cadence.js';
import type { ShipmentStatus } from '../../../src/domain/status.js';

const now = new Date('2026-05-01T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const after = (status: ShipmentStatus, previousStatus: ShipmentStatus = 'in_transit', notFoundCount = 0) => {
  const next = nextPollAt({ previousStatus, status, notFoundCount, now });
  return next === null ? null : next.getTime() - now.getTime();
};

describe('poll cadence', () => {
  it.each([
    ['out_for_delivery', 30 * MIN],
    ['in_transit', 2 * HOUR],
    ['available_for_pickup', 2 * HOUR],
    ['attempt_failed', 2 * HOUR],
    ['exception', 2 * HOUR],
    ['info_received', 4 * HOUR],
    ['pending', 4 * HOUR],
  ] as const)('polls %s every %d ms', (status, interval) => {
    expect(after(status)).toBe(interval);
  });

  it('backs off not_found from 1 h to 12 h', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => after('not_found', 'not_found', n))).toEqual([
      1 * HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 12 * HOUR, 12 * HOUR, 12 * HOUR,
    ]);
  });

  it('makes one confirming poll 24 h after a terminal status, then never again', () => {
    expect(after('delivered', 'out_for_delivery')).toBe(24 * HOUR);
    expect(after('returned', 'returning')).toBe(24 * HOUR);
    expect(after('delivered', 'delivered')).toBeNull();
    expect(after('returned', 'delivered')).toBeNull();
  });

  it('uses configured intervals', () => {
    const next = nextPollAt({ previousStatus: 'in_transit', status: 'in_transit', notFoundCount: 0, now }, { ...DEFAULT_CADENCE, inTransit: 5 * MIN });
    expect(next?.getTime()).toBe(now.getTime() + 5 * MIN);
  });

  it('retries failures exponentially with bounded jitter, never before Retry-After', () => {
    const noJitter = () => 0;
    const fullJitter = () => 1;
    expect(retryAfterFailure(1, undefined, now, DEFAULT_CADENCE, noJitter).getTime() - now.getTime()).toBe(MIN);
    expect(retryAfterFailure(3, undefined, now, DEFAULT_CADENCE, noJitter).getTime() - now.getTime()).toBe(4 * MIN);
    expect(retryAfterFailure(3, undefined, now, DEFAULT_CADENCE, fullJitter).getTime() - now.getTime()).toBeCloseTo(4.8 * MIN);
    expect(retryAfterFailure(30, undefined, now, DEFAULT_CADENCE, noJitter).getTime() - now.getTime()).toBe(HOUR);
    expect(retryAfterFailure(1, 10 * MIN, now, DEFAULT_CADENCE, noJitter).getTime() - now.getTime()).toBe(10 * MIN);
  });

  it('expires after 60 days of silence', () => {
    expect(hasExpired(new Date(now.getTime() - 60 * 24 * HOUR), now)).toBe(false);
    expect(hasExpired(new Date(now.getTime() - 60 * 24 * HOUR - 1), now)).toBe(true);
  });
});

describe('poll cadence with jitter and reasons', () => {
  const HOUR_MS = 60 * 60_000;
  const plan = (status: ShipmentStatus, previousStatus: ShipmentStatus = 'in_transit', random?: () => number) =>
    plannedPoll({ previousStatus, status, notFoundCount: status === 'not_found' ? 3 : 0, now }, DEFAULT_CADENCE, random);

  it('says why the next poll is when it is', () => {
    expect(plan('in_transit').reason).toBe('in transit: every 2 h');
    expect(plan('out_for_delivery').reason).toBe('out for delivery: every 30 min');
    expect(plan('not_found', 'not_found').reason).toBe('not found yet (3×): next in 4 h');
    expect(plan('delivered', 'out_for_delivery').reason).toBe('confirming delivery');
    expect(plan('delivered', 'delivered')).toEqual({ at: null, reason: 'delivered: confirmed, no more polls' });
  });

  it('moves each poll by at most ±10 % of its interval', () => {
    const offset = (r: number) => (plan('in_transit', 'in_transit', () => r).at?.getTime() ?? 0) - now.getTime();
    expect(offset(0)).toBe(1.8 * HOUR_MS);
    expect(offset(0.5)).toBe(2 * HOUR_MS);
    expect(offset(0.999999)).toBeCloseTo(2.2 * HOUR_MS, -2);
  });

  it('spreads parcels registered together over the window instead of one instant', () => {
    let seed = 7;
    // A small deterministic generator: the spread must come from the jitter, not from luck.
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const times = Array.from({ length: 200 }, () => plan('in_transit', 'in_transit', random).at?.getTime() ?? 0);
    // The ±10 % window of a 2 h interval spans 24 minutes: nearly every one of them gets some.
    const minutes = new Set(times.map((t) => Math.floor((t - now.getTime()) / 60_000)));
    expect(minutes.size).toBeGreaterThanOrEqual(22);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() + 1.8 * HOUR_MS);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime() + 2.2 * HOUR_MS);
  });

  it('stops tracking after the maximum tracking age since registration', () => {
    expect(hasOutlivedTracking(new Date(now.getTime() - 90 * 24 * HOUR_MS), now)).toBe(false);
    expect(hasOutlivedTracking(new Date(now.getTime() - 90 * 24 * HOUR_MS - 1), now)).toBe(true);
    expect(maxAgeReason(DEFAULT_CADENCE)).toBe('expired: tracked for the maximum of 90 days');
  });

  it('writes intervals as people read them', () => {
    expect([30 * 60_000, 2 * HOUR_MS, 90 * 60_000, 24 * HOUR_MS, 60 * 24 * HOUR_MS, 20_000].map(formatInterval)).toEqual(['30 min', '2 h', '1 h 30 min', '24 h', '60 days', '20 s']);
  });
});
