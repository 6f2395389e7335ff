import request from 'supertest';
import { startTestService, type TestService } from '../support/service.js';

let t: TestService;
let api: ReturnType<typeof request>;
let supportKey = '';
let merchantKey = '';
let shipmentId = '';

beforeAll(async () => {
  t = await startTestService();
  api = request(t.service.url);
  supportKey = (await api.post('/v1/keys').set(t.auth()).send({ role: 'support', name: 'desk' })).body.key;
  merchantKey = (await api.post('/v1/keys').set(t.auth()).send({ role: 'merchant', name: 'shop' })).body.key;
  shipmentId = (await api.post('/v1/shipments').set(t.auth(merchantKey)).send({ carrier: 'manual', trackingNumber: 'HAND-100', orderId: 'SIP-100' })).body.id;
});
afterAll(async () => {
  await t.close();
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('events by hand', () => {
  it('ingests events in any order, idempotently, and opens the anomaly they imply', async () => {
    const events = [
      { occurredAt: hoursAgo(2), status: 'exception', substatus: 'exception.damaged', description: 'Hasarlı teslim alındı', location: 'Ankara' },
      { occurredAt: hoursAgo(20), status: 'in_transit', description: 'Depodan çıktı', location: { city: 'İstanbul', country: 'tr' } },
    ];
    const first = await api.post(`/v1/shipments/${shipmentId}/events`).set(t.auth(merchantKey)).send({ events });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ eventsAdded: 2, status: 'exception', substatus: 'exception.damaged' });
    expect(first.body.events.map((e: { source: string }) => e.source)).toEqual(['manual', 'manual']);
    expect(first.body.events[1]).toMatchObject({ city: 'İstanbul', country: 'TR' });
    expect(first.body.anomalies).toEqual([
      expect.objectContaining({ code: 'exception', severity: 'critical', state: 'open', details: expect.objectContaining({ substatus: 'exception.damaged' }) }),
    ]);

    const again = await api.post(`/v1/shipments/${shipmentId}/events`).set(t.auth(merchantKey)).send({ events: [...events].reverse() });
    expect(again.body.eventsAdded).toBe(0);
    expect(again.body.anomalies).toHaveLength(1);
  });

  it('rejects bad events naming the field, and keeps support from writing', async () => {
    const bad = await api
      .post(`/v1/shipments/${shipmentId}/events`)
      .set(t.auth(merchantKey))
      .send({ events: [{ occurredAt: 'dün', status: 'teleported', description: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['events.0.description', 'events.0.occurredAt', 'events.0.status']);
    const mismatch = await api
      .post(`/v1/shipments/${shipmentId}/events`)
      .set(t.auth(merchantKey))
      .send({ events: [{ occurredAt: hoursAgo(1), status: 'in_transit', substatus: 'exception.lost', description: 'x' }] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.field).toBe('events.0.substatus');
    const future = await api
      .post(`/v1/shipments/${shipmentId}/events`)
      .set(t.auth(merchantKey))
      .send({ events: [{ occurredAt: new Date(Date.now() + 86_400_000).toISOString(), status: 'in_transit', description: 'x' }] });
    expect(future.status).toBe(400);
    const support = await api.post(`/v1/shipments/${shipmentId}/events`).set(t.auth(supportKey)).send({ events: [] });
    expect(support.status).toBe(403);
  });
});

describe('anomalies API', () => {
  it('lists with filters and pages with a cursor', async () => {
    const other = (await api.post('/v1/shipments').set(t.auth(merchantKey)).send({ carrier: 'manual', trackingNumber: 'HAND-101' })).body.id;
    await api
      .post(`/v1/shipments/${other}/events`)
      .set(t.auth(merchantKey))
      .send({ events: [{ occurredAt: hoursAgo(3), status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent', description: 'Alıcı evde yok' }] });
    const all = await api.get('/v1/anomalies').set(t.auth(supportKey));
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: { code: string }) => a.code).sort()).toEqual(['delivery_failed', 'exception']);
    const critical = await api.get('/v1/anomalies').query({ severity: 'critical', state: 'open', carrier: 'manual' }).set(t.auth(supportKey));
    expect(critical.body.items.map((a: { code: string }) => a.code)).toEqual(['exception']);
    const page = await api.get('/v1/anomalies').query({ limit: 1 }).set(t.auth(supportKey));
    expect(page.body.items).toHaveLength(1);
    const next = await api.get('/v1/anomalies').query({ limit: 1, cursor: page.body.nextCursor }).set(t.auth(supportKey));
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    expect(next.body.nextCursor).toBeNull();
    const bad = await api.get('/v1/anomalies').query({ code: 'mystery', since: 'yesterday' }).set(t.auth(supportKey));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'since']);
  });

  it('takes an anomaly through acknowledged to resolved, recording who and why', async () => {
    const [open] = (await api.get('/v1/anomalies').query({ code: 'exception' }).set(t.auth(supportKey))).body.items;
    const ack = await api.post(`/v1/anomalies/${open.id}/acknowledge`).set(t.auth(supportKey)).send({});
    expect(ack.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'desk (support)' });
    expect((await api.post(`/v1/anomalies/${open.id}/acknowledge`).set(t.auth(supportKey)).send({})).status).toBe(200);
    const noNote = await api.post(`/v1/anomalies/${open.id}/resolve`).set(t.auth(supportKey)).send({});
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.field).toBe('note');
    const resolved = await api.post(`/v1/anomalies/${open.id}/resolve`).set(t.auth(supportKey)).send({ note: 'Hasar tutanağı açıldı, yenisi gönderildi' });
    expect(resolved.body).toMatchObject({ state: 'resolved', resolvedBy: 'desk (support)', note: 'Hasar tutanağı açıldı, yenisi gönderildi' });
    expect(resolved.body.resolvedAt).not.toBeNull();
    const twice = await api.post(`/v1/anomalies/${open.id}/resolve`).set(t.auth(supportKey)).send({ note: 'again' });
    expect(twice.status).toBe(409);
    expect((await api.post('/v1/anomalies/anm_missing/acknowledge').set(t.auth(supportKey)).send({})).status).toBe(404);

    const shipment = await api.get(`/v1/shipments/${shipmentId}`).set(t.auth(supportKey));
    expect(shipment.body.anomalies[0]).toMatchObject({ id: open.id, state: 'resolved' });
  });

  it('lets only admins run the sweep and reports counts', async () => {
    expect((await api.post('/v1/anomalies/scan').set(t.auth(supportKey))).status).toBe(403);
    const scan = await api.post('/v1/anomalies/scan').set(t.auth());
    expect(scan.status).toBe(200);
    expect(scan.body).toEqual(expect.objectContaining({ shipmentsChecked: expect.any(Number), opened: expect.any(Number), resolved: expect.any(Number) }));
  });

  it('adds open anomalies and on-time rates to /v1/health', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    for (const [number, promisedBy] of [['ONTIME-1', day(2)], ['LATE-1', day(-3)]] as const) {
      const id = (await api.post('/v1/shipments').set(t.auth(merchantKey)).send({ carrier: 'manual', trackingNumber: number, promisedBy })).body.id;
      await api
        .post(`/v1/shipments/${id}/events`)
        .set(t.auth(merchantKey))
        .send({ events: [{ occurredAt: hoursAgo(30), status: 'in_transit', description: 'Yolda' }, { occurredAt: hoursAgo(1), status: 'delivered', description: 'Teslim edildi' }] });
    }
    const health = await api.get('/v1/health').set(t.auth(supportKey));
    expect(health.body.anomalies.openByCode).toEqual({ delivery_failed: 1 });
    expect(health.body.anomalies.openBySeverity).toEqual({ high: 1 });
    expect(health.body.anomalies.open).toBe(1);
    expect(health.body.onTimeLast30Days).toEqual({ manual: { delivered: 2, onTime: 1, rate: 0.5 } });
  });
});
