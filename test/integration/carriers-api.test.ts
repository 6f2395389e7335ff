import request from 'supertest';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { startTestService } from '../support/service.js';
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
