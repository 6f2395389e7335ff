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
