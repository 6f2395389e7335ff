import { DEFAULT_CADENCE, hasExpired, nextPollAt, retryAfterFailure } from '../../../src/tracking/cadence.js';
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
