import { DHL_LIMITS } from '../../../carriers/dhl/index.js';
import { loadConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/domain/errors.js';
import { effectiveLimits } from '../../../src/tracking/governor/limits.js';
import { isoMinute, nextQuotaReset, quotaDay } from '../../../src/tracking/governor/quota-day.js';

describe('carrier limits', () => {
  it('takes DHL\'s documented limits by default: 1 a second, 250 a day, 10 per shipment, UTC days', () => {
    expect(effectiveLimits(DHL_LIMITS)).toEqual({ maxBatch: 1, requestsPerSecond: 1, concurrency: 1, dailyQuota: 250, perShipmentDaily: 10, quotaZone: 'UTC' });
  });

  it('overrides defaults per carrier from config, the batch size only downwards', () => {
    const config = loadConfig({ CARRIER_DHL_DAILY_QUOTA: '1000', CARRIER_DHL_REQUESTS_PER_SECOND: '2.5', CARRIER_FEDEX_MAX_BATCH: '10', CARRIER_DHL_MAX_BATCH: '5' });
    expect(config.polling.carrierLimits).toEqual({ dhl: { dailyQuota: 1000, requestsPerSecond: 2.5, maxBatch: 5 }, fedex: { maxBatch: 10 } });
    expect(effectiveLimits(DHL_LIMITS, config.polling.carrierLimits['dhl'])).toMatchObject({ dailyQuota: 1000, requestsPerSecond: 2.5, maxBatch: 1, perShipmentDaily: 10 });
    expect(effectiveLimits({ maxBatch: 30, requestsPerSecond: 1, concurrency: 2 }, config.polling.carrierLimits['fedex'])).toMatchObject({ maxBatch: 10, dailyQuota: null, perShipmentDaily: null });
  });

  it('stops start-up naming each bad limit variable, without echoing its value', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ CARRIER_DHL_DAILY_QUOTA: '-5', CARRIER_UPS_CONCURRENCY: '1.5', CARRIER_ARAS_REQUESTS_PER_SECOND: 'fast', POLL_CIRCUIT_FAILURES: '0' });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CARRIER_ARAS_REQUESTS_PER_SECOND', 'CARRIER_DHL_DAILY_QUOTA', 'CARRIER_UPS_CONCURRENCY', 'POLL_CIRCUIT_FAILURES']);
    expect(problems.join('\n')).not.toContain('fast');
  });

  it('reads the circuit and tracking-age settings', () => {
    expect(loadConfig({}).polling).toMatchObject({ circuit: { failuresToOpen: 5, pauseMs: 60_000, maxPauseMs: 1_800_000 }, maxTrackingDays: 90 });
    expect(loadConfig({ POLL_CIRCUIT_FAILURES: '3', POLL_CIRCUIT_PAUSE_SECONDS: '10', POLL_CIRCUIT_MAX_PAUSE_SECONDS: '600', POLL_MAX_TRACKING_DAYS: '30' }).polling).toMatchObject({
      circuit: { failuresToOpen: 3, pauseMs: 10_000, maxPauseMs: 600_000 },
      maxTrackingDays: 30,
    });
    expect(() => loadConfig({ POLL_CIRCUIT_PAUSE_SECONDS: '600', POLL_CIRCUIT_MAX_PAUSE_SECONDS: '60' })).toThrow(/POLL_CIRCUIT_MAX_PAUSE_SECONDS/);
  });
});

describe('quota day', () => {
  it('is the calendar day in the carrier\'s quota zone and resets at its midnight', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z');
    expect(quotaDay(lateEvening, 'UTC')).toBe('2026-11-23');
    expect(isoMinute(nextQuotaReset(lateEvening, 'UTC'))).toBe('2026-11-24T00:00Z');
    // 02:30 in Istanbul (UTC+3) is already the next day there.
    expect(quotaDay(lateEvening, 'Europe/Istanbul')).toBe('2026-11-24');
    expect(nextQuotaReset(lateEvening, 'Europe/Istanbul').toISOString()).toBe('2026-11-24T21:00:00.000Z');
  });

  it('follows daylight saving in zones that have it', () => {
    // New York leaves DST on 2026-11-01: the next midnight is 05:00 UTC, the one before 04:00 UTC.
    expect(nextQuotaReset(new Date('2026-10-31T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(nextQuotaReset(new Date('2026-11-01T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });
});
