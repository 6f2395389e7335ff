/**
 * The API the web console is written against (issue 7): who am I, presented shipments with
 * carrier name, lateness and public link, the anomaly inbox (unresolved, oldest first, bulk
 * acknowledge) and the health trends. Real service, real SQLite, real HTTP.
 */
import request from 'supertest';
import { lastLocalDays } from '../../src/api/local-days.js';
import type { AnomalyChange } from '../../src/store/types.js';
import { startTestService, type TestService } from '../support/service.js';

type Api = ReturnType<typeof request>;
const DAY_MS = 86_400_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const dayFromToday = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

async function newKey(api: Api, t: TestService, role: string, name: string): Promise<string> {
  return (await api.post('/v1/keys').set(t.auth()).send({ role, name })).body.key;
}

describe('the console API', () => {
  let t: TestService;
  let api: Api;
  let merchantKey = '';
  let supportKey = '';
  const merchant = () => t.auth(merchantKey);
  const support = () => t.auth(supportKey);

  async function register(body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
    const res = await api.post('/v1/shipments').set(merchant()).send(body);
    expect(res.status).toBe(201);
    return res.body;
  }
  async function addEvents(id: string, events: Record<string, unknown>[]) {
    const res = await api.post(`/v1/shipments/${id}/events`).set(merchant()).send({ events });
    expect(res.status).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestService();
    api = request(t.service.url);
    merchantKey = await newKey(api, t, 'merchant', 'shop');
    supportKey = await newKey(api, t, 'support', 'desk');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /v1/me', () => {
    it('tells each role its name and exactly what it may do', async () => {
      const me = async (auth: { Authorization: string }) => (await api.get('/v1/me').set(auth)).body;
      expect(await me(t.auth())).toEqual({
        name: 'admin (SHIPWATCH_ADMIN_KEY)',
        role: 'admin',
        timeZone: 'Europe/Istanbul',
        can: { registerShipments: true, refreshShipments: true, stopTracking: true, acknowledgeAnomalies: true, resolveAnomalies: true, scanAnomalies: true, manageKeys: true, readQuarantine: true },
      });
      expect(await me(merchant())).toEqual({
        name: 'shop',
        role: 'merchant',
        timeZone: 'Europe/Istanbul',
        can: { registerShipments: true, refreshShipments: true, stopTracking: true, acknowledgeAnomalies: true, resolveAnomalies: true, scanAnomalies: false, manageKeys: false, readQuarantine: false },
      });
      expect(await me(support())).toEqual({
        name: 'desk',
        role: 'support',
        timeZone: 'Europe/Istanbul',
        can: { registerShipments: false, refreshShipments: false, stopTracking: false, acknowledgeAnomalies: true, resolveAnomalies: true, scanAnomalies: false, manageKeys: false, readQuarantine: false },
      });
      expect((await api.get('/v1/me')).status).toBe(401);
    });

    it('keeps support from registering, refreshing and stopping, as /v1/me says', async () => {
      const shipment = await register({ carrier: 'manual', trackingNumber: 'ROLE-1' });
      expect((await api.post('/v1/shipments').set(support()).send({ carrier: 'manual', trackingNumber: 'ROLE-2' })).status).toBe(403);
      expect((await api.post(`/v1/shipments/${shipment.id}/refresh`).set(support())).status).toBe(403);
      const stop = await api.delete(`/v1/shipments/${shipment.id}`).set(support());
      expect(stop.status).toBe(403);
      expect(stop.body.error.code).toBe('forbidden');
      expect((await api.get(`/v1/shipments/${shipment.id}`).set(support())).body.tracking.stoppedAt).toBeNull();
      expect((await api.delete(`/v1/shipments/${shipment.id}`).set(merchant())).status).toBe(200);
    });
  });

  describe('presented shipments', () => {
    it('name the carrier and link its public tracking page where one is known', async () => {
      const yurtici = await register({ carrier: 'yurtici', trackingNumber: '7312 3456 7890', orderId: 'SIP-LINK' });
      expect(yurtici).toMatchObject({
        carrier: 'yurtici',
        carrierName: 'Yurtiçi Kargo',
        publicTrackingUrl: 'https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=731234567890',
        late: false,
      });
      const referenceOnly = await register({ carrier: 'yurtici', reference: 'CARGOKEY-1', orderId: 'SIP-LINK' });
      expect(referenceOnly).toMatchObject({ carrierName: 'Yurtiçi Kargo', publicTrackingUrl: null });
      const manual = await register({ carrier: 'manual', trackingNumber: 'HAND-LINK' });
      expect(manual).toMatchObject({ carrierName: 'Manual (events entered by hand or pushed)', publicTrackingUrl: null });
      // No carrier API is asked about a manual shipment, nor about one of a carrier without credentials.
      expect([manual['tracking'], yurtici['tracking']]).toEqual([expect.objectContaining({ polled: false }), expect.objectContaining({ polled: false })]);

      const lookup = await api.get('/v1/track/SIP-LINK').set(support());
      expect(lookup.body.items.map((s: { carrierName: string; publicTrackingUrl: string | null }) => [s.carrierName, s.publicTrackingUrl])).toEqual([
        ['Yurtiçi Kargo', null],
        ['Yurtiçi Kargo', 'https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=731234567890'],
      ]);
      const listed = await api.get('/v1/shipments').query({ carrier: 'yurtici' }).set(support());
      expect(listed.body.items.every((s: { carrierName: string }) => s.carrierName === 'Yurtiçi Kargo')).toBe(true);
      const batch = await api.post('/v1/shipments').set(merchant()).send({ shipments: [{ carrier: 'dhl', trackingNumber: '1234567890' }] });
      expect(batch.body.items[0].shipment).toMatchObject({ carrierName: expect.stringContaining('DHL'), publicTrackingUrl: expect.stringMatching(/^https:\/\/www\.dhl\.com\/.*1234567890$/) });
    });

    it('say whether a shipment is late: deadline passed undelivered, or delivered after it', async () => {
      const cases = [
        { number: 'LATE-OPEN', promisedBy: dayFromToday(-3), delivered: false, late: true },
        { number: 'EARLY-OPEN', promisedBy: dayFromToday(2), delivered: false, late: false },
        { number: 'LATE-DONE', promisedBy: dayFromToday(-3), delivered: true, late: true },
        { number: 'EARLY-DONE', promisedBy: dayFromToday(2), delivered: true, late: false },
        { number: 'NO-PROMISE', promisedBy: null, delivered: true, late: false },
      ];
      for (const c of cases) {
        const shipment = await register({ carrier: 'manual', trackingNumber: c.number, ...(c.promisedBy && { promisedBy: c.promisedBy }) });
        if (c.delivered) await addEvents(shipment.id, [{ occurredAt: hoursAgo(1), status: 'delivered', description: 'Teslim edildi' }]);
        const shown = (await api.get(`/v1/shipments/${shipment.id}`).set(support())).body;
        expect({ number: c.number, late: shown.late, hasDeadline: shown.deadlineAt !== null }).toEqual({ number: c.number, late: c.late, hasDeadline: c.promisedBy !== null });
      }
    });
  });

  describe('the anomaly inbox', () => {
    const exceptionIds: string[] = [];

    beforeAll(async () => {
      for (const [index, orderId] of ['INBOX-1', 'INBOX-2', 'INBOX-3'].entries()) {
        const shipment = await register({ carrier: 'manual', trackingNumber: `INBOX-T${index}`, reference: `INBOX-R${index}`, orderId });
        const story = await addEvents(shipment.id, [{ occurredAt: hoursAgo(2), status: 'exception', substatus: 'exception.damaged', description: 'Hasarlı' }]);
        exceptionIds.push(story.anomalies[0].id);
      }
      await t.service.store.anomalies.apply(
        [{ kind: 'open', shipmentId: null, carrier: 'sandbox', code: 'carrier_unreachable', severity: 'high', triggerKey: 'test', details: {} }],
        new Date(),
      );
    });

    it('lists open and acknowledged ones, oldest first, with the shipment numbers from the same query', async () => {
      const [first, second, third] = exceptionIds;
      await api.post(`/v1/anomalies/${second}/acknowledge`).set(support()).send({});
      await api.post(`/v1/anomalies/${third}/resolve`).set(support()).send({ note: 'Yenisi gönderildi' });
      const inbox = await api.get('/v1/anomalies').query({ state: 'unresolved', code: 'exception', order: 'oldest' }).set(support());
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((a: { id: string; state: string }) => [a.id, a.state])).toEqual([
        [first, 'open'],
        [second, 'acknowledged'],
      ]);
      expect(inbox.body.items[0].shipment).toEqual({ id: expect.stringMatching(/^shp_/), trackingNumber: 'INBOXT0', reference: 'INBOX-R0', orderId: 'INBOX-1' });
      const carrierLevel = await api.get('/v1/anomalies').query({ code: 'carrier_unreachable' }).set(support());
      expect(carrierLevel.body.items).toEqual([expect.objectContaining({ carrier: 'sandbox', shipmentId: null, shipment: null })]);
    });

    it('pages with a cursor in both orders', async () => {
      async function walk(order: string): Promise<string[]> {
        const ids: string[] = [];
        let cursor: string | null | undefined;
        do {
          const res = await api.get('/v1/anomalies').query({ code: 'exception', order, limit: 1, ...(cursor && { cursor }) }).set(support());
          expect(res.status).toBe(200);
          ids.push(...res.body.items.map((a: { id: string }) => a.id));
          cursor = res.body.nextCursor;
        } while (cursor);
        return ids;
      }
      expect(await walk('oldest')).toEqual(exceptionIds);
      expect(await walk('newest')).toEqual([...exceptionIds].reverse());
    });

    it('refuses an unknown state or order naming the field', async () => {
      const bad = await api.get('/v1/anomalies').query({ state: 'pending', order: 'sideways' }).set(support());
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['order', 'state']);
    });

    it('acknowledges in bulk, each id on its own', async () => {
      const extra = await register({ carrier: 'manual', trackingNumber: 'INBOX-BULK' });
      const fresh = (await addEvents(extra.id, [{ occurredAt: hoursAgo(1), status: 'exception', description: 'Kayıp' }])).anomalies[0].id;
      const [, acknowledged, resolved] = exceptionIds;
      const before = (await api.get('/v1/anomalies').query({ code: 'exception', state: 'acknowledged' }).set(support())).body.items[0];
      const res = await api
        .post('/v1/anomalies/acknowledge')
        .set(support())
        .send({ ids: [fresh, acknowledged, resolved, 'anm_missing'], note: 'Kargoya soruldu' });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        { id: fresh, ok: true, anomaly: expect.objectContaining({ id: fresh, state: 'acknowledged', acknowledgedBy: 'desk (support)', note: 'Kargoya soruldu' }) },
        { id: acknowledged, ok: true, anomaly: expect.objectContaining({ id: acknowledged, state: 'acknowledged', acknowledgedAt: before.acknowledgedAt, note: null }) },
        { id: resolved, ok: false, error: expect.objectContaining({ code: 'anomaly_resolved' }) },
        { id: 'anm_missing', ok: false, error: expect.objectContaining({ code: 'anomaly_not_found' }) },
      ]);
    });

    it('refuses a bad bulk body naming the field', async () => {
      const cases: [unknown, string][] = [
        [{}, 'ids'],
        [{ ids: [] }, 'ids'],
        [{ ids: ['anm_a', 'anm_a'] }, 'ids'],
        [{ ids: Array.from({ length: 101 }, (_, i) => `anm_${i}`) }, 'ids'],
        [{ ids: [''] }, 'ids.0'],
        [{ ids: ['anm_a'], note: '' }, 'note'],
        [{ ids: ['anm_a'], why: 'x' }, '(body)'],
      ];
      for (const [body, field] of cases) {
        const res = await api.post('/v1/anomalies/acknowledge').set(support()).send(body as object);
        expect({ body, status: res.status, field: res.body.error?.field }).toEqual({ body, status: 400, field });
      }
    });
  });
});

describe('health trends and transit times', () => {
  // 15:00 in Istanbul (UTC+3) on 2026-03-10: the last of the 30 days.
  const NOW = new Date('2026-03-10T12:00:00Z');
  let clock = NOW;
  let t: TestService;
  let api: Api;
  const at = (iso: string) => new Date(iso);
  const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

  beforeAll(async () => {
    t = await startTestService({}, { now: () => clock });
    api = request(t.service.url);
  });
  afterAll(async () => {
    await t.close();
  });

  async function openAnomaly(code: 'late' | 'stalled' | 'exception', openedAt: Date, carrier: string) {
    const change: AnomalyChange = { kind: 'open', shipmentId: null, carrier, code, severity: 'high', triggerKey: carrier, details: {} };
    return (await t.service.store.anomalies.apply([change], openedAt)).opened[0];
  }

  it('counts late and stalled anomalies opened per Istanbul day, whatever their state', async () => {
    await openAnomaly('late', at('2026-03-09T20:59:59.999Z'), 'c1'); // 23:59:59.999 on the 9th
    await openAnomaly('late', at('2026-03-09T21:00:00.000Z'), 'c2'); // 00:00 on the 10th
    await openAnomaly('stalled', at('2026-03-09T22:30:00.000Z'), 'c3'); // still the 9th in UTC
    const resolved = await openAnomaly('late', at('2026-03-10T08:00:00.000Z'), 'c4');
    await t.service.store.anomalies.resolveByPerson(resolved?.id ?? '', 'desk', 'done', NOW);
    await openAnomaly('late', at('2026-02-08T20:59:00.000Z'), 'c5'); // 23:59 on 8 Feb: before the window
    await openAnomaly('late', at('2026-02-08T21:00:00.000Z'), 'c6'); // 00:00 on 9 Feb: its first day
    await openAnomaly('exception', at('2026-03-10T09:00:00.000Z'), 'c7');

    const { trendsLast30Days: trends } = (await api.get('/v1/health').set(t.auth())).body;
    expect(trends.timeZone).toBe('Europe/Istanbul');
    expect(trends.days).toHaveLength(30);
    expect([trends.days[0], trends.days[28], trends.days[29]]).toEqual(['2026-02-09', '2026-03-09', '2026-03-10']);
    expect(trends.late).toHaveLength(30);
    expect(trends.late[0]).toBe(1);
    expect(trends.late.slice(28)).toEqual([1, 2]);
    expect(trends.late.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(trends.stalled.slice(28)).toEqual([0, 1]);
    expect(trends.stalled.reduce((a: number, b: number) => a + b, 0)).toBe(1);
  });

  it('reports the median transit days per carrier over the last 30 days', async () => {
    async function delivered(carrier: string, number: string, opts: { shippedAt?: Date; registeredAt?: Date; deliveredAt: Date }) {
      clock = opts.registeredAt ?? NOW;
      const res = await api
        .post('/v1/shipments')
        .set(t.auth())
        .send({ carrier, trackingNumber: number, ...(opts.shippedAt && { shippedAt: opts.shippedAt.toISOString() }) });
      clock = NOW;
      const events = [{ occurredAt: opts.deliveredAt.toISOString(), status: 'delivered', description: 'Teslim edildi' }];
      expect((await api.post(`/v1/shipments/${res.body.id}/events`).set(t.auth()).send({ events })).status).toBe(200);
    }
    // manual: 2.0 and 4.46 days → median 3.23 → 3.2.
    await delivered('manual', 'T-1', { shippedAt: daysBefore(5), registeredAt: daysBefore(5), deliveredAt: daysBefore(3) });
    await delivered('manual', 'T-2', { shippedAt: daysBefore(6), registeredAt: daysBefore(6), deliveredAt: daysBefore(1.54) });
    // Delivered 31 days ago: outside the window.
    await delivered('manual', 'T-OLD', { shippedAt: daysBefore(40), registeredAt: daysBefore(40), deliveredAt: daysBefore(31) });
    // yurtici: no shipped time, so transit counts from registration: 3, 1 and 7 days → median 3.
    await delivered('yurtici', '7300000001', { registeredAt: daysBefore(4), deliveredAt: daysBefore(1) });
    await delivered('yurtici', '7300000002', { registeredAt: daysBefore(2), deliveredAt: daysBefore(1) });
    await delivered('yurtici', '7300000003', { registeredAt: daysBefore(9), deliveredAt: daysBefore(2) });

    const health = (await api.get('/v1/health').set(t.auth())).body;
    expect(health.transitLast30Days).toEqual({ manual: { delivered: 2, medianDays: 3.2 }, yurtici: { delivered: 3, medianDays: 3 } });
    // The fields that were there before stay as they were.
    expect(health).toEqual(expect.objectContaining({ shipments: expect.any(Object), polling: expect.any(Object), anomalies: expect.any(Object), onTimeLast30Days: expect.any(Object), carriers: expect.any(Array) }));
  });
});

describe('lastLocalDays', () => {
  it('cuts days at the zone\'s midnights, a DST day being 23 hours long', () => {
    const days = lastLocalDays(new Date('2026-03-30T12:00:00Z'), 'Europe/Berlin', 3);
    expect(days.map((d) => [d.date, d.start.toISOString(), (d.end.getTime() - d.start.getTime()) / 3_600_000])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z', 24],
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 23],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 24],
    ]);
  });
});
