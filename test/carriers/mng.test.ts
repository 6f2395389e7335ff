import { readFileSync } from 'node:fs';
import nock from 'nock';
import { mapStatus, unmappedCodeCounts, type CarrierEvent, type QueryKey, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { mngCarrier } from '../../carriers/mng/index.js';
import { recognisesMngNumber } from '../../carriers/mng/numbers.js';
import { MNG_FALLBACK_STATUS, MNG_STATUSES } from '../../carriers/mng/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { useLoopbackCarrier } from '../support/carrier-end-to-end.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { replyJson } from '../support/loopback-server.js';
import { useCarrierNock } from '../support/nock-lifecycle.js';
import { failureLog, found } from '../support/track-outcomes.js';

const BASE_URL = 'https://mng-api.test';
const CLIENT_ID = 'MARKER-CLIENT-ID-4c1d';
const CLIENT_SECRET = 'MARKER-CLIENT-SECRET-9e2f';
const CUSTOMER_NUMBER = '987654321';
const PASSWORD = 'MARKER-PASSWORD-77aa';
const NOW = new Date('2026-03-12T12:00:00Z');
const TRACK = '/mngapi/api/standardqueryapi/trackshipment';
const TRACK_BY_ID = '/mngapi/api/standardqueryapi/trackshipmentByShipmentId';
const BY_REFERENCE = { by: 'reference' } as const;

const captured = captureLogger('debug');

function fixture(name: string): nock.Body {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/mng/${name}.json`, import.meta.url), 'utf8'));
}
const JWT = (fixture('token') as { jwt: string }).jwt;

function adapter(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  return mngCarrier.create(
    {
      baseUrl: options.baseUrl ?? BASE_URL,
      testEnvironment: false,
      credentials: {
        CLIENT_ID: new Secret(CLIENT_ID),
        CLIENT_SECRET: new Secret(CLIENT_SECRET),
        CUSTOMER_NUMBER: new Secret(CUSTOMER_NUMBER),
        PASSWORD: new Secret(PASSWORD),
      },
    },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: () => NOW, logger: captured.logger },
  );
}

/** MNG's gateway with the right app keys; any other key makes nock refuse the request. */
function gateway() {
  return nock(BASE_URL).matchHeader('x-ibm-client-id', CLIENT_ID).matchHeader('x-ibm-client-secret', CLIENT_SECRET);
}

function tokenIssued(times = 1, jwt = JWT) {
  return gateway()
    .matchHeader('content-type', /^application\/json/)
    .post('/mngapi/api/token', { customerNumber: CUSTOMER_NUMBER, password: PASSWORD, identityType: 1 })
    .times(times)
    .reply(200, { ...(fixture('token') as object), jwt });
}

function query(jwt = JWT) {
  return gateway().matchHeader('authorization', `Bearer ${jwt}`);
}

async function trackOne(number: string, by: QueryKey = 'reference', options: { timeoutMs?: number } = {}): Promise<TrackOutcome | undefined> {
  return (await adapter(options).track([number], { by })).get(number);
}

const { details: failureDetails, remember } = failureLog();

useCarrierNock();

describe('mng adapter: request shape and auth', () => {
  it('buys a JWT with the app keys and account, then GETs trackshipment/{referenceId} with both', async () => {
    const token = tokenIssued();
    const track = query().get(`${TRACK}/SHOP-1001`).reply(200, fixture('full-history-delivered'));

    const outcome = await trackOne('SHOP-1001');

    expect(token.isDone()).toBe(true);
    expect(track.isDone()).toBe(true);
    expect(outcome?.kind).toBe('found');
  });

  it('asks by shipmentId on trackshipmentByShipmentId and escapes the path parameter', async () => {
    tokenIssued();
    query().get(`${TRACK_BY_ID}/7280000012345`).reply(200, fixture('full-history-delivered'));
    query().get(`${TRACK}/A%2FB%20C`).reply(404, fixture('not-found'));

    const mng = adapter();
    const numberOutcome = found((await mng.track(['7280000012345'], { by: 'trackingNumber' })).get('7280000012345'));
    const odd = await mng.track(['A/B C'], BY_REFERENCE);

    // Asked by MNG's own number: nothing new to adopt.
    expect(numberOutcome.trackingNumber).toBeUndefined();
    expect(odd.get('A/B C')).toEqual({ kind: 'not_found' });
  });

  it('keeps the JWT for later queries instead of buying one per parcel', async () => {
    const token = tokenIssued(1);
    query().get(`${TRACK}/SHOP-1001`).reply(200, fixture('full-history-delivered'));
    query().get(`${TRACK}/SHOP-2002`).reply(200, fixture('not-delivered-returning'));

    const mng = adapter();
    await mng.track(['SHOP-1001'], BY_REFERENCE);
    await mng.track(['SHOP-2002'], BY_REFERENCE);

    expect(token.isDone()).toBe(true);
  });

  it('renews the JWT once when a query answers 401, then retries', async () => {
    tokenIssued(1, 'MARKER-JWT-OLD');
    query('MARKER-JWT-OLD').get(`${TRACK}/SHOP-1001`).reply(401, fixture('bad-credentials'));
    tokenIssued(1, 'MARKER-JWT-NEW');
    query('MARKER-JWT-NEW').get(`${TRACK}/SHOP-1001`).reply(200, fixture('full-history-delivered'));

    expect((await trackOne('SHOP-1001'))?.kind).toBe('found');
  });

  it('gives up with auth when the renewed JWT is refused too', async () => {
    tokenIssued(2);
    query().get(`${TRACK}/SHOP-1001`).times(2).reply(401, fixture('bad-credentials'));

    expect(remember(await trackOne('SHOP-1001'))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });
});

describe('mng adapter: answers', () => {
  it('reads a delivered history in full, Turkey local times as UTC instants', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-1001`).reply(200, fixture('full-history-delivered'));

    const outcome = found(await trackOne('SHOP-1001'));

    const event = (localTime: string, utc: string, rawCode: string, rawText: string, unit: string, mapped: Pick<CarrierEvent, 'status' | 'substatus'>): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone: 'Europe/Istanbul',
      rawCode,
      rawText,
      location: { text: unit, city: null, country: 'TR' },
      ...mapped,
    });
    expect(outcome).toEqual({
      kind: 'found',
      trackingNumber: '7280000012345',
      proofOfDelivery: { receivedBy: 'MARKER-RECEIVER-NAME' },
      events: [
        event('10-03-2026 17:30', '2026-03-10T14:30:00.000Z', '1', 'Gönderi hazırlandı', 'KADIKÖY ŞUBE', { status: 'info_received', substatus: 'info_received.label_created' }),
        event('11.03.2026 01:30:00', '2026-03-10T22:30:00.000Z', '2', 'Transfer aşamasında', 'İSTANBUL ANADOLU AKTARMA', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2026-03-11T14:30:00', '2026-03-11T11:30:00.000Z', '3', 'Teslimat birimine ulaştı', 'ÇANKAYA ŞUBE', { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }),
        event('12-03-2026 09:30', '2026-03-12T06:30:00.000Z', '4', 'Alıcı adresine yönlendirildi', 'ÇANKAYA ŞUBE', { status: 'out_for_delivery', substatus: null }),
        event('12-03-2026 14:30', '2026-03-12T11:30:00.000Z', '5', 'Teslim edildi', 'ÇANKAYA ŞUBE', { status: 'delivered', substatus: null }),
      ],
    });
    const last = outcome.events.at(-1);
    expect(last?.status).toBe('delivered');
    expect(last?.occurredAt.toISOString()).toBe('2026-03-12T11:30:00.000Z');
    // dd.MM.yyyy after midnight local is still the previous UTC day.
    expect(outcome.events[1]?.occurredAt.toISOString()).toBe('2026-03-10T22:30:00.000Z');
    expect(outcome.trackingNumber).toBe('7280000012345');
  });

  it('maps not delivered, returning and needs-support histories', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-2002`).reply(200, fixture('not-delivered-returning'));
    query().get(`${TRACK}/SHOP-3003`).reply(200, fixture('needs-support'));

    const outcomes = await adapter().track(['SHOP-2002', 'SHOP-3003'], BY_REFERENCE);

    const returning = found(outcomes.get('SHOP-2002'));
    expect(returning.events.map((e) => [e.rawCode, e.status])).toEqual([
      ['1', 'info_received'], ['2', 'in_transit'], ['3', 'in_transit'], ['4', 'out_for_delivery'], ['6', 'attempt_failed'], ['7', 'returning'],
    ]);
    expect(returning.events[4]?.rawText).toBe('Teslim edilemedi - alıcı adreste yok');
    expect(returning.proofOfDelivery).toBeUndefined();
    expect(found(outcomes.get('SHOP-3003')).events.at(-1)).toMatchObject({ rawCode: '8', status: 'exception', substatus: null });
  });

  it('reports an unknown reference (HTTP 404 ProblemDetails) as not found', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-404`).reply(404, fixture('not-found'));

    expect(await trackOne('SHOP-404')).toEqual({ kind: 'not_found' });
  });

  it('reports an empty event list as not found', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-EMPTY`).reply(200, []);

    expect(await trackOne('SHOP-EMPTY')).toEqual({ kind: 'not_found' });
  });

  it('fails with auth when the identity endpoint refuses the app keys or the account', async () => {
    gateway().post('/mngapi/api/token').reply(401, fixture('bad-credentials'));

    const outcomes = await adapter().track(['SHOP-1', 'SHOP-2'], BY_REFERENCE);

    // One refused token fails the batch without asking again for each parcel.
    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('treats a 400 from the identity endpoint (wrong customer number or password) as auth', async () => {
    gateway().post('/mngapi/api/token').reply(400, { error: { code: '400', description: 'Müşteri numarası veya şifre hatalı' } });

    expect(remember(await trackOne('SHOP-1'))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('reports HTTP 429 as rate limited with Retry-After', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-1001`).reply(429, fixture('rate-limited'), { 'Retry-After': '30' });

    expect(remember(await trackOne('SHOP-1001'))).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('stops asking for the rest of a batch once MNG throttles', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-A`).reply(429, fixture('rate-limited'));

    const outcomes = await adapter().track(['SHOP-A', 'SHOP-B'], BY_REFERENCE);

    expect([...outcomes.values()]).toEqual([
      { kind: 'failed', failure: { kind: 'rate_limited' } },
      { kind: 'failed', failure: { kind: 'rate_limited' } },
    ]);
  });

  it('reports HTTP 500 as unavailable', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-1001`).reply(500, fixture('server-error'));

    expect(remember(await trackOne('SHOP-1001'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
  });

  it('reports a timeout as unavailable', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-1001`).delay(1000).reply(200, fixture('full-history-delivered'));

    const outcome = remember(await trackOne('SHOP-1001', 'reference', { timeoutMs: 200 }));

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(outcome?.kind === 'failed' && outcome.failure.kind === 'unavailable' && outcome.failure.detail).toMatch(/timeout/);
  });

  it('reports a body that is not a list of events as malformed', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-1001`).reply(200, fixture('malformed'));
    query().get(`${TRACK}/SHOP-HTML`).reply(200, '<html>Bakım çalışması</html>', { 'Content-Type': 'text/html' });

    const outcomes = await adapter().track(['SHOP-1001', 'SHOP-HTML'], BY_REFERENCE);

    expect(remember(outcomes.get('SHOP-1001'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'trackshipment answer is not a list of events' } });
    expect(outcomes.get('SHOP-HTML')).toMatchObject({ kind: 'failed', failure: { kind: 'malformed' } });
  });

  it('reads error flags in an HTTP 200 body', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-E1`).reply(200, fixture('error-in-200'));
    query().get(`${TRACK}/SHOP-E2`).reply(200, { httpCode: '404', httpMessage: 'Not Found', moreInformation: 'No resources match requested URI' });
    query().get(`${TRACK}/SHOP-E3`).reply(200, { httpCode: '503', httpMessage: 'Service Unavailable' });

    const outcomes = await adapter().track(['SHOP-E1', 'SHOP-E2', 'SHOP-E3'], BY_REFERENCE);

    expect(remember(outcomes.get('SHOP-E1'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier reported error QRY-001 in an HTTP 200 answer' } });
    expect(outcomes.get('SHOP-E2')).toEqual({ kind: 'not_found' });
    expect(remember(outcomes.get('SHOP-E3'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
  });

  it('keeps every parcel of a mixed batch apart', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-1001`).reply(200, fixture('full-history-delivered'));
    query().get(`${TRACK}/SHOP-404`).reply(404, fixture('not-found'));
    query().get(`${TRACK}/SHOP-500`).reply(500, fixture('server-error'));
    query().get(`${TRACK}/SHOP-5005`).reply(200, fixture('unreadable-date'));
    query().get(`${TRACK}/SHOP-2002`).reply(200, fixture('not-delivered-returning'));

    const outcomes = await adapter().track(['SHOP-1001', 'SHOP-404', 'SHOP-500', 'SHOP-5005', 'SHOP-2002'], BY_REFERENCE);

    expect(outcomes.get('SHOP-1001')?.kind).toBe('found');
    expect(outcomes.get('SHOP-404')).toEqual({ kind: 'not_found' });
    expect(remember(outcomes.get('SHOP-500'))).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(remember(outcomes.get('SHOP-5005'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable eventDateTime in event 1' } });
    expect(found(outcomes.get('SHOP-2002')).trackingNumber).toBe('7280000067890');
  });
});

describe('mng statuses', () => {
  it('maps every documented code 1–8 to a canonical status and a known substatus', () => {
    expect(Object.keys(MNG_STATUSES).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const [code, mapping] of Object.entries(MNG_STATUSES)) {
      const mapped = mapStatus('mng', MNG_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.substatus === null || isSubstatus(mapped.substatus)).toBe(true);
      expect(mapped.substatus).not.toBe('unmapped');
      expect(mapped.status).toBe(mapping.status);
    }
  });

  it('has no unmapped code in any fixture but the one made for it', () => {
    const names = ['full-history-delivered', 'not-delivered-returning', 'needs-support', 'unreadable-date', 'unknown-code'];
    for (const name of names) {
      for (const wire of fixture(name) as { eventStatus: string }[]) {
        const known = Object.hasOwn(MNG_STATUSES, wire.eventStatus);
        expect([name, wire.eventStatus, known]).toEqual([name, wire.eventStatus, name !== 'unknown-code' || wire.eventStatus !== '9']);
      }
    }
  });

  it('keeps an unknown code as in transit, unmapped and counted', async () => {
    tokenIssued();
    query().get(`${TRACK}/SHOP-4004`).reply(200, fixture('unknown-code'));
    const before = unmappedCodeCounts.get('mng') ?? 0;

    const outcome = found(await trackOne('SHOP-4004'));

    expect(outcome.events.at(-1)).toMatchObject({ rawCode: '9', rawText: 'Yeni bir durum (uydurma kod)', status: MNG_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(unmappedCodeCounts.get('mng')).toBe(before + 1);
  });
});

describe('mng numbers and config', () => {
  it.each(['7280000012345', '7281234567890'])('recognises the Trendyol MNG prefix %s', (n) => {
    expect(recognisesMngNumber(n)).toBe(true);
    expect(mngCarrier.recognises(n)).toBe(true);
  });

  it.each(['7250000012345', '728000001234', '72800000123456', 'NZ197406', '6092614519', 'SHOP-1001', ''])('does not claim %s', (n) => {
    expect(recognisesMngNumber(n)).toBe(false);
  });

  it('is enabled by the four credentials and picks the test host on CARRIER_MNG_TEST', () => {
    const env = { CARRIER_MNG_CLIENT_ID: CLIENT_ID, CARRIER_MNG_CLIENT_SECRET: CLIENT_SECRET, CARRIER_MNG_CUSTOMER_NUMBER: CUSTOMER_NUMBER, CARRIER_MNG_PASSWORD: PASSWORD };
    expect(mngCarrier.enableWith).toEqual(Object.keys(env));
    expect(mngCarrier.loadConfig({})).toEqual({ enabled: false });
    const prod = mngCarrier.loadConfig(env);
    const test = mngCarrier.loadConfig({ ...env, CARRIER_MNG_TEST: 'true' });
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://api.mngkargo.com.tr');
    expect(test.enabled === true && test.config.baseUrl).toBe('https://testapi.mngkargo.com.tr');
    const partial = mngCarrier.loadConfig({ CARRIER_MNG_CLIENT_ID: CLIENT_ID });
    expect(partial.enabled).toBe('invalid');
    expect(JSON.stringify(partial)).not.toContain(CLIENT_ID);
  });
});

describe('mng end to end through the real poller', () => {
  const seen: { method: string; url: string; auth: boolean }[] = [];

  const e2e = useLoopbackCarrier(mngCarrier, captured.logger, (req, res, body) => {
    const appKeys = req.headers['x-ibm-client-id'] === CLIENT_ID && req.headers['x-ibm-client-secret'] === CLIENT_SECRET;
    const json = (status: number, payload: unknown) => replyJson(res, status, payload, 'application/json; charset=utf-8');
    if (!appKeys) return json(401, fixture('bad-credentials'));
    if (req.method === 'POST' && req.url === '/mngapi/api/token') {
      const asked = JSON.parse(body) as Record<string, unknown>;
      const ok = asked['customerNumber'] === CUSTOMER_NUMBER && asked['password'] === PASSWORD && asked['identityType'] === 1;
      return ok ? json(200, fixture('token')) : json(401, fixture('bad-credentials'));
    }
    const bearer = req.headers.authorization === `Bearer ${JWT}`;
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: bearer });
    if (!bearer) return json(401, fixture('bad-credentials'));
    if (req.method === 'GET' && req.url === `${TRACK}/SHOP-1001`) return json(200, fixture('full-history-delivered'));
    return json(404, fixture('not-found'));
  });

  it('tracks a parcel registered by reference until delivered and adopts MNG’s number', async () => {
    const { store } = e2e;
    const poller = e2e.poller(
      { CARRIER_MNG_CLIENT_ID: CLIENT_ID, CARRIER_MNG_CLIENT_SECRET: CLIENT_SECRET, CARRIER_MNG_CUSTOMER_NUMBER: CUSTOMER_NUMBER, CARRIER_MNG_PASSWORD: PASSWORD },
      () => NOW,
    );
    const shipment = await storeShipment(store, new Date('2026-03-10T10:00:00Z'), { carrier: 'mng', trackingNumber: null, reference: 'SHOP-1001' });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 5 });
    expect(seen).toEqual([{ method: 'GET', url: `${TRACK}/SHOP-1001`, auth: true }]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', trackingNumber: '7280000012345', reference: 'SHOP-1001' });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-03-12T11:30:00.000Z');
    const events = await e2e.eventsInOrder(shipment.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.localTime, e.occurredAt.toISOString()])).toEqual([
      ['1', 'info_received', '10-03-2026 17:30', '2026-03-10T14:30:00.000Z'],
      ['2', 'in_transit', '11.03.2026 01:30:00', '2026-03-10T22:30:00.000Z'],
      ['3', 'in_transit', '2026-03-11T14:30:00', '2026-03-11T11:30:00.000Z'],
      ['4', 'out_for_delivery', '12-03-2026 09:30', '2026-03-12T06:30:00.000Z'],
      ['5', 'delivered', '12-03-2026 14:30', '2026-03-12T11:30:00.000Z'],
    ]);
    expect(events.every((e) => e.timeZone === 'Europe/Istanbul' && e.country === 'TR')).toBe(true);
  });
});

describe('mng credentials', () => {
  it('never reach a failure detail or a log line', () => {
    expect(failureDetails.length).toBeGreaterThan(5);
    const everything = [...failureDetails, captured.text()].join('\n');
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const marker of [CLIENT_ID, CLIENT_SECRET, PASSWORD, JWT, 'MARKER-JWT-OLD', 'MARKER-JWT-NEW', 'MARKER-RECEIVER-NAME', 'MARKER-LOCATION']) {
      expect(everything).not.toContain(marker);
    }
  });
});
