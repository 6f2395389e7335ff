import request from 'supertest';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { startTestService, type TestService } from '../support/service.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * The governor through the whole service: a carrier limit set in config, a refresh asked for
 * through the API that waits for the quota like a tick, the reason on the shipment, the quota kept
 * across a restart, and a malformed answer quarantined instead of ingested.
 */
const dir = makeTempDir('governor-api');
const now = new Date('2026-03-10T12:00:00Z');
const env = { CARRIER_SANDBOX_DAILY_QUOTA: '3' };
const number = sandboxTrackingNumber(3, 91);
let t: TestService;
let id = '';

beforeAll(async () => {
  t = await startTestService(env, { dataDir: dir.path, now: () => now });
  t.service.sandbox?.registerParcel(number, { createdAt: new Date(now.getTime() - 3 * 24 * 3_600_000) });
  id = (await request(t.service.url).post('/v1/shipments').set(t.auth()).send({ trackingNumber: number })).body.id;
});
afterAll(async () => {
  await t.close();
  dir.remove();
});

describe('carrier limits through the API', () => {
  it('shows on the shipment why its next poll is when it is', async () => {
    const api = request(t.service.url);
    const registered = (await api.get(`/v1/shipments/${id}`).set(t.auth())).body;
    expect(registered.tracking.nextPollReason).toBe('registered: first poll');
    const refreshed = (await api.post(`/v1/shipments/${id}/refresh`).set(t.auth())).body;
    expect(refreshed.refresh.failed).toBe(false);
    expect(refreshed.tracking.nextPollReason).toMatch(/^[a-z ]+: every \d+ (h|min)$/);
  });

  it('quarantines a malformed answer with its raw body instead of ingesting it', async () => {
    t.service.sandbox?.setFault({ kind: 'garbage' });
    const api = request(t.service.url);
    const before = (await api.get(`/v1/shipments/${id}`).set(t.auth())).body;
    const after = (await api.post(`/v1/shipments/${id}/refresh`).set(t.auth())).body;
    t.service.sandbox?.setFault(null);
    expect(after.events).toEqual(before.events);
    expect(after.tracking.lastError).toMatch(/^malformed: /);
    const { items } = await t.service.store.quarantine.list({ carrier: 'sandbox', limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]?.numbers).toEqual([number]);
    expect(items[0]?.responses.length).toBeGreaterThan(0);
  });

  it('lets a refresh wait for the daily quota like a tick, and reports the quota in the governor health', async () => {
    const api = request(t.service.url);
    expect((await api.post(`/v1/shipments/${id}/refresh`).set(t.auth())).body.tracking.nextPollReason).not.toMatch(/^deferred/);
    const waiting = (await api.post(`/v1/shipments/${id}/refresh`).set(t.auth())).body;
    expect(waiting.refresh).toEqual({ eventsAdded: 0, failed: false });
    expect(waiting.tracking).toMatchObject({ nextPollAt: '2026-03-11T00:00:00.000Z', nextPollReason: 'deferred: sandbox daily quota spent, resets 2026-03-11T00:00Z' });
    const health = await t.service.governor.health();
    expect(health.find((h) => h.carrier === 'sandbox')).toMatchObject({ limits: { dailyQuota: 3 }, quota: { used: 3, left: 0 }, circuit: { state: 'closed' } });
  });

  it('remembers the spent quota across a restart', async () => {
    await t.service.stop();
    t = await startTestService(env, { dataDir: dir.path, now: () => now });
    const again = (await request(t.service.url).post(`/v1/shipments/${id}/refresh`).set(t.auth())).body;
    expect(again.tracking.nextPollReason).toBe('deferred: sandbox daily quota spent, resets 2026-03-11T00:00Z');
  });
});
