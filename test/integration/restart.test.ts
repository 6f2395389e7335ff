import request from 'supertest';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { startTestService } from '../support/service.js';
import { makeTempDir } from '../support/temp-dir.js';

const dir = makeTempDir('restart');
afterAll(() => dir.remove());

describe('restart', () => {
  it('keeps shipments, events and keys across a restart, and re-polling adds no duplicates', async () => {
    const number = sandboxTrackingNumber(1, 77);
    const first = await startTestService({}, { dataDir: dir.path });
    let id = '';
    let eventCount = 0;
    let merchantKey = '';
    try {
      const api = request(first.service.url);
      merchantKey = (await api.post('/v1/keys').set(first.auth()).send({ role: 'merchant', name: 'shop' })).body.key;
      first.service.sandbox?.registerParcel(number, { createdAt: new Date(Date.now() - 30 * 3_600_000) });
      id = (await api.post('/v1/shipments').set(first.auth(merchantKey)).send({ trackingNumber: number })).body.id;
      const refreshed = await api.post(`/v1/shipments/${id}/refresh`).set(first.auth(merchantKey));
      eventCount = refreshed.body.events.length;
      expect(eventCount).toBeGreaterThan(2);
    } finally {
      await first.close();
    }

    const second = await startTestService({}, { dataDir: dir.path });
    try {
      const api = request(second.service.url);
      const got = await api.get(`/v1/shipments/${id}`).set(second.auth(merchantKey));
      expect(got.status).toBe(200);
      expect(got.body.events).toHaveLength(eventCount);
      // The sandbox carrier kept its parcel clock in the data directory, so the same history comes back.
      const again = await api.post(`/v1/shipments/${id}/refresh`).set(second.auth(merchantKey));
      expect(again.body.refresh.eventsAdded).toBe(again.body.events.length - eventCount);
      expect(again.body.events.length).toBeGreaterThanOrEqual(eventCount);
      expect(second.service.demoShipments).toBe(0);
    } finally {
      await second.close();
    }
  });
});
