import request from 'supertest';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { parsePrometheusText, samplesOf, valueOf } from '../support/prometheus-text.js';
import { startTestService, type TestService } from '../support/service.js';

const HOUR = 3_600_000;
const NORMAL = sandboxTrackingNumber(1, 301);
const NO_SCAN = sandboxTrackingNumber(2, 301);
const FAILING = sandboxTrackingNumber(3, 301);

describe('GET /metrics on the running service', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService();
    const api = request(t.service.url);
    t.service.sandbox?.registerParcel(NORMAL, { createdAt: new Date(Date.now() - 50 * HOUR) });
    t.service.sandbox?.registerParcel(NO_SCAN, { createdAt: new Date(Date.now() - 36 * HOUR) });
    for (const trackingNumber of [NORMAL, NO_SCAN]) {
      expect((await api.post('/v1/shipments').set(t.auth()).send({ trackingNumber })).status).toBe(201);
    }
    await t.service.scheduler.runNow();
    await t.service.mailer.tick();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers without a key when no METRICS_TOKEN is set, in the Prometheus text format', async () => {
    const res = await request(t.service.url).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE shipwatch_polls_total counter');
  });

  it('counts the sandbox polls, their requests and latency, the events ingested and the tick', async () => {
    const s = parsePrometheusText((await request(t.service.url).get('/metrics')).text);
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'sandbox', outcome: 'found' })).toBe(2);
    expect(valueOf(s, 'shipwatch_events_ingested_total', { carrier: 'sandbox' })).toBe(9);
    expect(valueOf(s, 'shipwatch_carrier_requests_total', { carrier: 'sandbox', result: 'ok' })).toBeGreaterThan(0);
    expect(valueOf(s, 'shipwatch_carrier_request_duration_seconds_count', { carrier: 'sandbox' })).toBeGreaterThan(0);
    expect(valueOf(s, 'shipwatch_poll_tick_duration_seconds_count')).toBe(1);
  });

  it('counts the anomaly the poll opened and the critical mail the mailer sent', async () => {
    const s = parsePrometheusText((await request(t.service.url).get('/metrics')).text);
    expect(valueOf(s, 'shipwatch_anomalies_opened_total', { code: 'delivered_without_scan', severity: 'critical' })).toBe(1);
    expect(valueOf(s, 'shipwatch_anomalies_unresolved', { code: 'delivered_without_scan' })).toBe(1);
    expect(valueOf(s, 'shipwatch_mails_sent_total', { kind: 'critical' })).toBe(1);
    expect(samplesOf(s, 'shipwatch_mails_failed_total')).toEqual([]);
  });

  it('counts a failed poll by its failure kind, and the failed request', async () => {
    const api = request(t.service.url);
    const id = (await api.post('/v1/shipments').set(t.auth()).send({ trackingNumber: FAILING })).body.id as string;
    const shipment = await t.service.store.shipments.get(id);
    if (!shipment) throw new Error('shipment not stored');
    t.service.sandbox?.setFault({ kind: 'http500' });
    try {
      expect(await t.service.poller.pollShipments([shipment], 'refresh')).toMatchObject({ failed: 1 });
    } finally {
      t.service.sandbox?.setFault(null);
    }
    const s = parsePrometheusText((await api.get('/metrics')).text);
    expect(valueOf(s, 'shipwatch_polls_total', { carrier: 'sandbox', outcome: 'failed', failure_kind: 'unavailable' })).toBe(1);
    expect(valueOf(s, 'shipwatch_carrier_requests_total', { carrier: 'sandbox', result: 'failed' })).toBeGreaterThanOrEqual(1);
  });

  it('names no tracking number in any series', async () => {
    const text = (await request(t.service.url).get('/metrics')).text;
    for (const number of [NORMAL, NO_SCAN, FAILING]) expect(text).not.toContain(number);
  });
});

describe('GET /metrics with METRICS_TOKEN set', () => {
  const TOKEN = 'metrics-token-0123456789abcdef';
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without the token, or with a wrong one, and says nothing about either', async () => {
    const api = request(t.service.url);
    const cases: Record<string, string>[] = [{}, { Authorization: 'Bearer metrics-token-0123456789abcdeX' }, { Authorization: `Basic ${TOKEN}` }, t.auth()];
    for (const headers of cases) {
      const res = await api.get('/metrics').set(headers);
      expect([headers, res.status]).toEqual([headers, 401]);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.body).toEqual({ error: { code: 'unauthorized', message: 'send the metrics token as "Authorization: Bearer <token>"' } });
      expect(res.text).not.toContain('shipwatch_');
    }
  });

  it('answers with the token, and never logs it', async () => {
    const res = await request(t.service.url).get('/metrics').set({ Authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.text).toContain('shipwatch_process_cpu_user_seconds_total');
    expect(t.logs()).not.toContain(TOKEN);
  });

  it('leaves /healthz open', async () => {
    expect((await request(t.service.url).get('/healthz')).status).toBe(200);
  });
});
