import { createPrometheusMetrics } from '../../../src/metrics/prometheus.js';
import type { CarrierGovernorView, CarrierHealth, CircuitState } from '../../../src/tracking/governor/types.js';
import { parsePrometheusText, samplesOf, valueOf } from '../../support/prometheus-text.js';

const LIMITS = { maxBatch: 10, requestsPerSecond: 5, concurrency: 2, dailyQuota: null, perShipmentDaily: null, quotaZone: 'UTC' };

function health(carrier: string, state: CircuitState, quota: { used: number; limit: number | null }): CarrierHealth {
  return {
    carrier,
    limits: { ...LIMITS, dailyQuota: quota.limit },
    circuit: { state, consecutiveFailures: state === 'closed' ? 0 : 5, openedAt: null, nextProbeAt: null, lastFailureKind: null },
    quota: {
      day: '2025-03-14',
      used: quota.used,
      limit: quota.limit,
      left: quota.limit === null ? null : quota.limit - quota.used,
      resetsAt: quota.limit === null ? null : new Date('2025-03-15T00:00:00Z'),
    },
  };
}

/** A governor whose answer the test sets, counting how often it is asked. */
function governorStub(initial: CarrierHealth[]): CarrierGovernorView & { set(next: CarrierHealth[]): void; calls: number } {
  let current = initial;
  const stub = {
    calls: 0,
    set(next: CarrierHealth[]) {
      current = next;
    },
    health() {
      stub.calls += 1;
      return Promise.resolve(current);
    },
  };
  return stub;
}

const noCarriers: CarrierGovernorView = { health: () => Promise.resolve([]) };

describe('Prometheus metrics', () => {
  it('exports every counter and histogram with its labels once producers report', async () => {
    const metrics = createPrometheusMetrics({ governor: noCarriers });
    metrics.pollOutcome('sandbox', 'found');
    metrics.pollOutcome('sandbox', 'found');
    metrics.pollOutcome('sandbox', 'failed', 'rate_limited');
    metrics.pollOutcome('dhl', 'not_found');
    metrics.carrierRequest('sandbox', 0.2, true);
    metrics.carrierRequest('sandbox', 3, false);
    metrics.pollTick(1.5);
    metrics.eventsIngested('sandbox', 7);
    metrics.eventsIngested('sandbox', 0);
    metrics.anomalyOpened('delivered_without_scan', 'critical');
    metrics.mailSent('critical');
    metrics.mailSent('digest');
    metrics.mailFailed('critical');

    const s = parsePrometheusText(await metrics.scrape());
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'sandbox', outcome: 'found' })).toBe(2);
    expect(samplesOf(s, 'shipwatch_polls_total', { carrier: 'sandbox', outcome: 'found' })[0]?.labels).toEqual({ carrier: 'sandbox', outcome: 'found' });
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'sandbox', outcome: 'failed', failure_kind: 'rate_limited' })).toBe(1);
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'dhl', outcome: 'not_found' })).toBe(1);
    expect(valueOf(s, 'shipwatch_carrier_requests_total', { carrier: 'sandbox', result: 'ok' })).toBe(1);
    expect(valueOf(s, 'shipwatch_carrier_requests_total', { carrier: 'sandbox', result: 'failed' })).toBe(1);
    expect(valueOf(s, 'shipwatch_carrier_request_duration_seconds_count', { carrier: 'sandbox' })).toBe(2);
    expect(valueOf(s, 'shipwatch_carrier_request_duration_seconds_sum', { carrier: 'sandbox' })).toBeCloseTo(3.2);
    expect(valueOf(s, 'shipwatch_carrier_request_duration_seconds_bucket', { carrier: 'sandbox', le: '0.25' })).toBe(1);
    expect(valueOf(s, 'shipwatch_poll_tick_duration_seconds_count')).toBe(1);
    expect(valueOf(s, 'shipwatch_poll_tick_duration_seconds_bucket', { le: '1' })).toBe(0);
    expect(valueOf(s, 'shipwatch_poll_tick_duration_seconds_bucket', { le: '2.5' })).toBe(1);
    expect(valueOf(s, 'shipwatch_events_ingested_total', { carrier: 'sandbox' })).toBe(7);
    expect(valueOf(s, 'shipwatch_anomalies_opened_total', { code: 'delivered_without_scan', severity: 'critical' })).toBe(1);
    expect(valueOf(s, 'shipwatch_mails_sent_total', { kind: 'critical' })).toBe(1);
    expect(valueOf(s, 'shipwatch_mails_sent_total', { kind: 'digest' })).toBe(1);
    expect(valueOf(s, 'shipwatch_mails_failed_total', { kind: 'critical' })).toBe(1);
  });

  it('exports process metrics under the shipwatch_ prefix, in the Prometheus text format', async () => {
    const metrics = createPrometheusMetrics({ governor: noCarriers });
    const text = await metrics.scrape();
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE shipwatch_polls_total counter');
    expect(text).toContain('# TYPE shipwatch_carrier_circuit_state gauge');
    const s = parsePrometheusText(text);
    expect(valueOf(s, 'shipwatch_process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(valueOf(s, 'shipwatch_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(samplesOf(s, 'process_cpu_user_seconds_total')).toEqual([]);
  });

  it('keeps instances apart: each has its own registry', async () => {
    const a = createPrometheusMetrics({ governor: noCarriers });
    const b = createPrometheusMetrics({ governor: noCarriers });
    a.pollOutcome('sandbox', 'found');
    expect(valueOf(parsePrometheusText(await a.scrape()), 'shipwatch_polls_total', { carrier: 'sandbox' })).toBe(1);
    expect(valueOf(parsePrometheusText(await b.scrape()), 'shipwatch_polls_total', { carrier: 'sandbox' })).toBeUndefined();
  });

  it('reads quota and circuit gauges from the governor at scrape time, once per scrape', async () => {
    const governor = governorStub([health('dhl', 'open', { used: 40, limit: 250 }), health('sandbox', 'closed', { used: 12, limit: null })]);
    const metrics = createPrometheusMetrics({ governor });

    let s = parsePrometheusText(await metrics.scrape());
    expect(governor.calls).toBe(1);
    expect(valueOf(s, 'shipwatch_carrier_quota_left', { carrier: 'dhl' })).toBe(210);
    expect(samplesOf(s, 'shipwatch_carrier_quota_left', { carrier: 'sandbox' })).toEqual([]);
    expect(valueOf(s, 'shipwatch_carrier_quota_used', { carrier: 'dhl' })).toBe(40);
    expect(valueOf(s, 'shipwatch_carrier_quota_used', { carrier: 'sandbox' })).toBe(12);
    const circuit = (carrier: string) =>
      Object.fromEntries(samplesOf(s, 'shipwatch_carrier_circuit_state', { carrier }).map((x) => [x.labels['state'], x.value]));
    expect(circuit('dhl')).toEqual({ closed: 0, open: 1, half_open: 0 });
    expect(circuit('sandbox')).toEqual({ closed: 1, open: 0, half_open: 0 });

    // The next scrape sees the new state; a carrier no longer polled drops out.
    governor.set([health('dhl', 'half_open', { used: 41, limit: 250 })]);
    s = parsePrometheusText(await metrics.scrape());
    expect(governor.calls).toBe(2);
    expect(circuit('dhl')).toEqual({ closed: 0, open: 0, half_open: 1 });
    expect(valueOf(s, 'shipwatch_carrier_quota_left', { carrier: 'dhl' })).toBe(209);
    expect(samplesOf(s, 'shipwatch_carrier_circuit_state', { carrier: 'sandbox' })).toEqual([]);
    expect(samplesOf(s, 'shipwatch_carrier_quota_used', { carrier: 'sandbox' })).toEqual([]);
  });

  it('fails the scrape when the governor cannot answer, rather than export stale gauges', async () => {
    const metrics = createPrometheusMetrics({ governor: { health: () => Promise.reject(new Error('database is locked')) } });
    await expect(metrics.scrape()).rejects.toThrow('database is locked');
  });

  it('never turns a tracking number or free text into a label value', async () => {
    const shaped = createPrometheusMetrics({ governor: noCarriers });
    shaped.pollOutcome('1Z5R89390357567127', 'failed', 'timeout after 15000 ms');
    shaped.eventsIngested('SBX0100000011', 2);
    shaped.anomalyOpened('RR123456785TR', 'critical');
    let text = await shaped.scrape();
    expect(text).not.toMatch(/1Z5R89|SBX01|RR1234|15000 ms/);
    let s = parsePrometheusText(text);
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'other', outcome: 'failed', failure_kind: 'other' })).toBe(1);
    expect(valueOf(s, 'shipwatch_events_ingested_total', { carrier: 'other' })).toBe(2);
    expect(valueOf(s, 'shipwatch_anomalies_opened_total', { code: 'other', severity: 'critical' })).toBe(1);

    // With the registry's codes, a lowercase number of carrier shape is refused too.
    const listed = createPrometheusMetrics({ governor: noCarriers, carriers: ['sandbox', 'ptt'] });
    listed.pollOutcome('rr123456785tr', 'found');
    listed.pollOutcome('ptt', 'found');
    text = await listed.scrape();
    expect(text).not.toContain('rr123456785tr');
    s = parsePrometheusText(text);
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'other' })).toBe(1);
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'ptt' })).toBe(1);
  });
});
