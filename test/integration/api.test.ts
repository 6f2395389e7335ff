import request from 'supertest';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { startTestService, TEST_ADMIN_KEY, type TestService } from '../support/service.js';

let t: TestService;
let api: ReturnType<typeof request>;
let merchantKey = '';
let supportKey = '';
const admin = () => t.auth();
const merchant = () => t.auth(merchantKey);
const support = () => t.auth(supportKey);

const NORMAL = sandboxTrackingNumber(1, 101);
const STUCK = sandboxTrackingNumber(3, 101);

beforeAll(async () => {
  t = await startTestService();
  api = request(t.service.url);
  merchantKey = (await api.post('/v1/keys').set(admin()).send({ role: 'merchant', name: 'shop' })).body.key;
  supportKey = (await api.post('/v1/keys').set(admin()).send({ role: 'support', name: 'desk' })).body.key;
});
afterAll(async () => {
  await t.close();
});

function expectError(body: unknown, code: string) {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

describe('probes', () => {
  it('answers /healthz and /readyz without a key', async () => {
    expect((await api.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await api.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });
});

describe('auth and roles', () => {
  it('rejects a request without a key with 401 JSON', async () => {
    const res = await api.get('/v1/shipments');
    expect(res.status).toBe(401);
    expectError(res.body, 'unauthorized');
  });

  it('rejects an unknown key', async () => {
    const res = await api.get('/v1/shipments').set({ Authorization: 'Bearer sw_not-a-real-key' });
    expect(res.status).toBe(401);
    expectError(res.body, 'unauthorized');
  });

  it('creates keys for admins only and shows the key once', async () => {
    expect(merchantKey).toMatch(/^sw_/);
    const res = await api.post('/v1/keys').set(merchant()).send({ role: 'admin', name: 'sneaky' });
    expect(res.status).toBe(403);
    expectError(res.body, 'forbidden');
    const bad = await api.post('/v1/keys').set(admin()).send({ role: 'owner', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'role']);
  });

  it('lets support read but not write', async () => {
    expect((await api.get('/v1/shipments').set(support())).status).toBe(200);
    const res = await api.post('/v1/shipments').set(support()).send({ trackingNumber: NORMAL });
    expect(res.status).toBe(403);
    expectError(res.body, 'forbidden');
  });
});

describe('registering shipments', () => {
  it('registers one shipment, detecting the carrier from the number', async () => {
    const res = await api
      .post('/v1/shipments')
      .set(merchant())
      .send({
        trackingNumber: ` ${NORMAL.toLowerCase()} `,
        orderId: 'ORD-500',
        customer: { name: 'Ayşe Test', email: 'ayse@example.com' },
        destination: { city: 'İzmir', country: 'tr' },
        serviceLevel: 'express',
        carrierService: 'next-day',
        shippedAt: '2026-03-01T09:30:00+03:00',
        promisedBy: '2026-03-04',
      });
    expect(res.status).toBe(201);
    expect(res.body.carrierService).toBe('next-day');
    expect(res.headers['location']).toBe(`/v1/shipments/${res.body.id}`);
    expect(res.body).toMatchObject({
      trackingNumber: NORMAL,
      reference: null,
      carrier: 'sandbox',
      orderId: 'ORD-500',
      status: 'pending',
      substatus: null,
      lastEventAt: null,
      promisedBy: '2026-03-04',
      shippedAt: '2026-03-01T06:30:00.000Z',
      destination: { city: 'İzmir', country: 'TR' },
    });
    expect(res.body.id).toMatch(/^shp_/);
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
  });

  it('refuses a second shipment with the same carrier and number with 409', async () => {
    const res = await api.post('/v1/shipments').set(merchant()).send({ carrier: 'sandbox', trackingNumber: NORMAL });
    expect(res.status).toBe(409);
    expectError(res.body, 'shipment_exists');
    expect(res.body.error.field).toBe('trackingNumber');
  });

  it('answers 422 naming the candidates when no carrier recognises the number', async () => {
    const res = await api.post('/v1/shipments').set(merchant()).send({ trackingNumber: 'ZZ123' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'carrier_not_detected', field: 'carrier', details: { candidates: [] } });
  });

  it('answers 422 for an unknown or disabled carrier code', async () => {
    const unknown = await api.post('/v1/shipments').set(merchant()).send({ carrier: 'pigeon', trackingNumber: 'P1' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'carrier_unknown', field: 'carrier' });
    expect(unknown.body.error.message).toContain('sandbox');
  });

  it('needs a carrier when only a reference is given', async () => {
    const res = await api.post('/v1/shipments').set(merchant()).send({ reference: 'REF-ONLY' });
    expect(res.status).toBe(422);
    expectError(res.body, 'carrier_required');
    const ok = await api.post('/v1/shipments').set(merchant()).send({ carrier: 'manual', reference: 'REF-ONLY', orderId: 'ORD-REF' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ carrier: 'manual', reference: 'REF-ONLY', trackingNumber: null, tracking: { active: false } });
  });

  it('names every bad field with 400', async () => {
    const res = await api
      .post('/v1/shipments')
      .set(merchant())
      .send({ trackingNumber: 'X1', carrier: 'manual', customer: { email: 'not-an-email' }, shippedAt: 'yesterday', serviceLevel: 'rocket', carrierService: 'two words', colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['(body)', 'carrierService', 'customer.email', 'serviceLevel', 'shippedAt']);
    expect(res.body.error.message).toContain('customer.email');
  });

  it('needs a tracking number or a reference', async () => {
    const res = await api.post('/v1/shipments').set(merchant()).send({ carrier: 'manual', orderId: 'O' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('trackingNumber');
  });

  it('answers malformed JSON with a 400 JSON error, not an HTML page', async () => {
    const res = await api.post('/v1/shipments').set(merchant()).set('Content-Type', 'application/json').send('{"trackingNumber": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectError(res.body, 'invalid_json');
  });

  it('answers a body that is not a JSON object with 400', async () => {
    const res = await api.post('/v1/shipments').set(merchant()).set('Content-Type', 'text/plain').send('hello');
    expect(res.status).toBe(400);
    expectError(res.body, 'validation_failed');
  });

  it('stores the good items of a mixed batch and reports the bad ones by index', async () => {
    const fresh = sandboxTrackingNumber(1, 202);
    const res = await api
      .post('/v1/shipments')
      .set(merchant())
      .send({
        shipments: [
          { trackingNumber: fresh, orderId: 'B-1' },
          { trackingNumber: fresh, orderId: 'B-1-again' },
          { carrier: 'sandbox' },
          { trackingNumber: 'NOPE', orderId: 'B-3' },
          { carrier: 'manual', trackingNumber: 'HAND-1', orderId: 'B-4' },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { index: number; ok: boolean }) => [i.index, i.ok])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(res.body.items[1].error.code).toBe('shipment_exists');
    expect(res.body.items[2].error.code).toBe('validation_failed');
    expect(res.body.items[3].error.code).toBe('carrier_not_detected');
    expect(res.body.items[0].shipment).toMatchObject({ trackingNumber: fresh, carrier: 'sandbox' });
    const stored = await api.get(`/v1/track/${fresh}`).set(support());
    expect(stored.body.items).toHaveLength(1);
    expect(stored.body.items[0].orderId).toBe('B-1');
  });

  it('refuses an empty or oversized batch', async () => {
    expect((await api.post('/v1/shipments').set(merchant()).send({ shipments: [] })).status).toBe(400);
    const big = Array.from({ length: 1001 }, (_, i) => ({ carrier: 'manual', trackingNumber: `BIG${i}` }));
    const res = await api.post('/v1/shipments').set(merchant()).send({ shipments: big });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('shipments');
  });
});

describe('reading shipments', () => {
  beforeAll(async () => {
    const batch = Array.from({ length: 5 }, (_, i) => ({ carrier: 'manual', trackingNumber: `PAGE${i}`, orderId: `PAGE-ORDER-${i}` }));
    await api.post('/v1/shipments').set(merchant()).send({ shipments: batch });
  });

  it('pages through every shipment with a cursor, newest first, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await api
        .get('/v1/shipments')
        .query({ carrier: 'manual', limit: 2, ...(cursor && { cursor }) })
        .set(support());
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((s: { id: string }) => s.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('filters by status and searches with q', async () => {
    const pending = await api.get('/v1/shipments').query({ status: 'pending', carrier: 'sandbox' }).set(support());
    expect(pending.body.items.every((s: { status: string; carrier: string }) => s.status === 'pending' && s.carrier === 'sandbox')).toBe(true);
    const q = await api.get('/v1/shipments').query({ q: 'PAGE-ORDER-3' }).set(support());
    expect(q.body.items.map((s: { orderId: string }) => s.orderId)).toEqual(['PAGE-ORDER-3']);
  });

  it('rejects bad list parameters with 400 naming them', async () => {
    const res = await api.get('/v1/shipments').query({ limit: 500, status: 'lost' }).set(support());
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'status']);
    const cursor = await api.get('/v1/shipments').query({ cursor: 'garbage!!' }).set(support());
    expect(cursor.status).toBe(400);
    expectError(cursor.body, 'invalid_cursor');
  });

  it('answers 404 JSON for an unknown shipment and an unknown route', async () => {
    const res = await api.get('/v1/shipments/shp_nope').set(support());
    expect(res.status).toBe(404);
    expectError(res.body, 'shipment_not_found');
    const route = await api.get('/v1/nothing-here').set(support());
    expect(route.status).toBe(404);
    expectError(route.body, 'route_not_found');
  });
});

describe('polling through the API', () => {
  it('refreshes a shipment from the sandbox carrier over HTTP and shows its events newest first', async () => {
    const created = await api.post('/v1/shipments').set(merchant()).send({ trackingNumber: STUCK, orderId: 'ORD-STUCK' });
    t.service.sandbox?.registerParcel(STUCK, { createdAt: new Date(Date.now() - 10 * 24 * 3_600_000) });
    const res = await api.post(`/v1/shipments/${created.body.id}/refresh`).set(merchant());
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_transit');
    expect(res.body.events.length).toBeGreaterThan(1);
    const times = res.body.events.map((e: { occurredAt: string }) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(res.body.events[0]).toEqual(
      expect.objectContaining({ status: expect.any(String), description: expect.any(String), carrierCode: expect.any(String), source: 'poll' }),
    );
    expect(res.body.events[0].occurredAt).toMatch(/Z$/);
    expect(res.body.refresh).toEqual({ eventsAdded: res.body.events.length, failed: false });
  });

  it('finds shipments by tracking number, reference or order id', async () => {
    for (const number of [STUCK, 'ORD-STUCK']) {
      const res = await api.get(`/v1/track/${number}`).set(support());
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].trackingNumber).toBe(STUCK);
      expect(res.body.items[0].events.length).toBeGreaterThan(0);
    }
    expect((await api.get('/v1/track/REF-ONLY').set(support())).body.items[0].carrier).toBe('manual');
    expect((await api.get('/v1/track/NOTHING-LIKE-THIS').set(support())).body).toEqual({ items: [] });
  });

  it('stops tracking on DELETE and keeps the history', async () => {
    const [found] = (await api.get(`/v1/track/${STUCK}`).set(support())).body.items;
    const res = await api.delete(`/v1/shipments/${found.id}`).set(merchant());
    expect(res.status).toBe(200);
    expect(res.body.tracking).toMatchObject({ active: false, nextPollAt: null });
    expect(res.body.tracking.stoppedAt).not.toBeNull();
    const after = await api.get(`/v1/shipments/${found.id}`).set(support());
    expect(after.body.events.length).toBe(found.events.length);
    const refresh = await api.post(`/v1/shipments/${found.id}/refresh`).set(merchant());
    expect(refresh.status).toBe(400);
    expectError(refresh.body, 'tracking_stopped');
  });

  it('summarises health by status and carrier, with the last tick', async () => {
    await t.service.scheduler.runNow();
    const res = await api.get('/v1/health').set(support());
    expect(res.status).toBe(200);
    expect(res.body.shipments.total).toBeGreaterThan(5);
    expect(res.body.shipments.byCarrier.manual).toBeGreaterThan(0);
    expect(res.body.shipments.byStatus.in_transit).toBeGreaterThanOrEqual(1);
    expect(Date.parse(res.body.polling.lastTick.finishedAt)).not.toBeNaN();
    expect(res.body.polling.pollErrorsLastHour).toBe(0);
  });
});

describe('secrets and personal data', () => {
  it('never writes keys or customer details into the logs', () => {
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [TEST_ADMIN_KEY, merchantKey, supportKey, 'ayse@example.com', 'Ayşe Test']) {
      expect(logs).not.toContain(secret);
    }
  });
});
