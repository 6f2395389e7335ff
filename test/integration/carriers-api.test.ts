import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { createApiApp } from '../../src/api/app.js';
import type { CarrierGovernorView, CarrierHealth } from '../../src/tracking/governor/types.js';
import { silentLogger } from '../support/logger.js';
import { startTestService, type TestService } from '../support/service.js';
import { makeTempDir } from '../support/temp-dir.js';

const dir = makeTempDir('carriers-api');
afterAll(() => dir.remove());

describe('carriers not configured yet', () => {
  it('keeps their shipments pending and waiting, lists them in /v1/carriers, and polls them once configured', async () => {
    const number = sandboxTrackingNumber(1, 88);
    const off = await startTestService({ SANDBOX_CARRIER: 'off' }, { dataDir: dir.path });
    let id = '';
    try {
      const api = request(off.service.url);
      const created = await api.post('/v1/shipments').set(off.auth()).send({ trackingNumber: number });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ carrier: 'sandbox', status: 'pending' });
      id = created.body.id;
      await off.service.scheduler.runNow();

      const shipment = await api.get(`/v1/shipments/${id}`).set(off.auth());
      expect(shipment.body.status).toBe('pending');
      expect(shipment.body.tracking.lastError).toMatch(/^carrier_not_configured: .*CARRIER_SANDBOX_BASE_URL/);

      const carriers = await api.get('/v1/carriers').set(off.auth());
      expect(carriers.status).toBe(200);
      const sandbox = carriers.body.items.find((c: { code: string }) => c.code === 'sandbox');
      expect(sandbox).toMatchObject({
        configured: false,
        enableWith: ['CARRIER_SANDBOX_BASE_URL', 'CARRIER_SANDBOX_API_KEY'],
        shipments: 1,
        waitingForConfiguration: 1,
        lastSuccessAt: null,
      });
      expect(carriers.body.items.find((c: { code: string }) => c.code === 'manual')).toMatchObject({ configured: true, polled: false });

      const health = await api.get('/v1/health').set(off.auth());
      expect(health.body.shipments.waitingForCarrierConfiguration).toEqual({ sandbox: 1 });
    } finally {
      await off.close();
    }

    const on = await startTestService({}, { dataDir: dir.path });
    try {
      on.service.sandbox?.registerParcel(number, { createdAt: new Date(Date.now() - 50 * 3_600_000) });
      await on.service.scheduler.runNow();
      const api = request(on.service.url);
      const shipment = await api.get(`/v1/shipments/${id}`).set(on.auth());
      expect(shipment.body.status).toBe('delivered');
      expect(shipment.body.tracking.lastError).toBeNull();
      const sandbox = (await api.get('/v1/carriers').set(on.auth())).body.items.find((c: { code: string }) => c.code === 'sandbox');
      expect(sandbox).toMatchObject({ configured: true, polled: true, waitingForConfiguration: 0, queryBy: ['trackingNumber', 'reference'] });
      expect(Date.parse(sandbox.lastSuccessAt)).not.toBeNaN();
    } finally {
      await on.close();
    }
  });
});

describe('GET /v1/carriers/detect/:number', () => {
  let running: Awaited<ReturnType<typeof startTestService>>;
  let supportKey = '';
  beforeAll(async () => {
    running = await startTestService();
    const api = request(running.service.url);
    supportKey = (await api.post('/v1/keys').set(running.auth()).send({ role: 'support', name: 'desk' })).body.key;
  });
  afterAll(async () => {
    await running.close();
  });

  it('lists the carriers whose number shape fits, best first, for any role', async () => {
    const api = request(running.service.url);
    const sandbox = await api.get(`/v1/carriers/detect/${sandboxTrackingNumber(1, 1)}`).set(running.auth(supportKey));
    expect(sandbox.status).toBe(200);
    expect(sandbox.body).toEqual({ number: sandboxTrackingNumber(1, 1), candidates: [{ carrier: 'sandbox', confidence: 0.99 }] });

    const trendyol = await api.get('/v1/carriers/detect/725%200000%20012345').set(running.auth());
    expect(trendyol.body).toEqual({
      number: '7250000012345',
      candidates: [
        { carrier: 'yurtici', confidence: 0.45 },
        { carrier: 'aras', confidence: 0.3 },
      ],
    });

    const s10 = await api.get('/v1/carriers/detect/rr123456785tr').set(running.auth());
    expect(s10.body.candidates).toEqual([{ carrier: 'ptt', confidence: 0.98 }]);
  });

  it('names UPS for a 1Z number once UPS is registered, and nobody else', async () => {
    const res = await request(running.service.url).get('/v1/carriers/detect/1Z5R89390357567127').set(running.auth());
    const expected = running.service.registry.codes.includes('ups') ? [{ carrier: 'ups', confidence: 0.98 }] : [];
    expect(res.body.candidates).toEqual(expected);
  });

  it('answers an empty list when nothing fits', async () => {
    const res = await request(running.service.url).get('/v1/carriers/detect/HELLO42').set(running.auth());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ number: 'HELLO42', candidates: [] });
  });

  it('rejects an empty or over-long number with the usual error shape', async () => {
    const api = request(running.service.url);
    for (const bad of ['%20%20', '-', '9'.repeat(65)]) {
      const res = await api.get(`/v1/carriers/detect/${bad}`).set(running.auth());
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'number' });
    }
  });

  it('needs an API key', async () => {
    const res = await request(running.service.url).get('/v1/carriers/detect/1Z5R89390357567127');
    expect(res.status).toBe(401);
  });
});

type CarrierItem = { code: string } & Record<string, unknown>;
const itemOf = (body: { items: CarrierItem[] }, code: string) => body.items.find((c) => c.code === code);

describe('GET /v1/carriers: failures and unmapped share', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.service.sandbox?.setFault(null));

  it('shows the share of unmapped codes over the last 7 days, null where no event came', async () => {
    const api = request(t.service.url);
    const number = sandboxTrackingNumber(1, 401);
    t.service.sandbox?.registerParcel(number, { createdAt: new Date(Date.now() - 50 * 3_600_000) });
    expect((await api.post('/v1/shipments').set(t.auth()).send({ trackingNumber: number })).status).toBe(201);
    await t.service.scheduler.runNow();
    let body = (await api.get('/v1/carriers').set(t.auth())).body;
    expect(itemOf(body, 'sandbox')).toMatchObject({ unmappedShare: 0, lastFailure: null, lastFailureKind: null });
    expect(itemOf(body, 'yurtici')).toMatchObject({ unmappedShare: null, circuit: null, quota: null });

    // The sandbox knows every code it sends; runs of a carrier whose codes drifted stand in for it.
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000);
    const run = { tickId: 'tick-x', carrier: 'sandbox', trigger: 'tick' as const, requested: 1, found: 1, notFound: 0, failed: 0, failureSummary: null };
    await t.service.store.pollRuns.record({ ...run, startedAt: at(1), finishedAt: at(1), eventsAdded: 13, eventsUnmapped: 5 });
    // Older than the window: not counted.
    await t.service.store.pollRuns.record({ ...run, startedAt: at(8 * 24), finishedAt: at(8 * 24), eventsAdded: 10, eventsUnmapped: 10 });
    body = (await api.get('/v1/carriers').set(t.auth())).body;
    expect(itemOf(body, 'sandbox')).toMatchObject({ unmappedShare: 0.25 }); // 5 of 7 + 13 events
  });

  it('names the kind of the last failure', async () => {
    const number = sandboxTrackingNumber(3, 401);
    const api = request(t.service.url);
    const id = (await api.post('/v1/shipments').set(t.auth()).send({ trackingNumber: number })).body.id as string;
    t.service.sandbox?.setFault({ kind: 'http500' });
    const shipment = await t.service.store.shipments.get(id);
    if (!shipment) throw new Error('shipment not stored');
    expect(await t.service.poller.pollShipments([shipment], 'tick')).toMatchObject({ failed: 1 });
    const sandbox = itemOf((await api.get('/v1/carriers').set(t.auth())).body, 'sandbox');
    expect(sandbox).toMatchObject({ lastFailure: 'unavailable:1', lastFailureKind: 'unavailable' });
    expect(Date.parse(String(sandbox?.['lastFailureAt']))).not.toBeNaN();
  });
});

describe('GET /v1/carriers: circuit and quota from the governor', () => {
  let t: TestService;
  let server: Server;
  let url = '';
  const openedAt = new Date('2025-03-14T09:00:00Z');
  const health: CarrierHealth = {
    carrier: 'sandbox',
    limits: { maxBatch: 50, requestsPerSecond: 5, concurrency: 2, dailyQuota: 250, perShipmentDaily: 10, quotaZone: 'UTC' },
    circuit: { state: 'open', consecutiveFailures: 5, openedAt, nextProbeAt: new Date('2025-03-14T09:05:00Z'), lastFailureKind: 'unavailable' },
    quota: { day: '2025-03-14', used: 40, limit: 250, left: 210, resetsAt: new Date('2025-03-15T00:00:00Z') },
  };
  // The service's own governor may not report every carrier yet; a stub makes the answer known.
  const governor: CarrierGovernorView = { health: () => Promise.resolve([health]) };

  beforeAll(async () => {
    t = await startTestService();
    const s = t.service;
    const app = createApiApp({
      store: s.store,
      registry: s.registry,
      poller: s.poller,
      governor,
      scheduler: s.scheduler,
      anomalies: s.anomalies,
      deadlineOf: () => null,
      sweepAnomalies: () => Promise.resolve(null),
      logger: silentLogger(),
      now: () => new Date(),
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('shows circuit state, quota used and left, and the effective limits of each polled carrier', async () => {
    const body = (await request(url).get('/v1/carriers').set(t.auth())).body;
    expect(itemOf(body, 'sandbox')).toMatchObject({
      circuit: { state: 'open', consecutiveFailures: 5, openedAt: '2025-03-14T09:00:00.000Z', nextProbeAt: '2025-03-14T09:05:00.000Z' },
      quota: { day: '2025-03-14', used: 40, limit: 250, left: 210, resetsAt: '2025-03-15T00:00:00.000Z' },
      limits: health.limits,
    });
    expect(itemOf(body, 'manual')).toMatchObject({ circuit: null, quota: null });
  });
});
