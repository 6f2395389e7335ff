import { readFileSync } from 'node:fs';
import nock from 'nock';
import { mapStatus, UNKNOWN_TIME_ZONE, unmappedCodeCounts, type CarrierEvent, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { upsCarrier } from '../../carriers/ups/index.js';
import { activityTime } from '../../carriers/ups/parse.js';
import { UPS_ACTIVITY_TYPES, UPS_STATUSES } from '../../carriers/ups/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { useLoopbackCarrier } from '../support/carrier-end-to-end.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { replyJson } from '../support/loopback-server.js';
import { useCarrierNock } from '../support/nock-lifecycle.js';
import { failureLog, found } from '../support/track-outcomes.js';

const BASE_URL = 'https://ups-api.test';
const CLIENT_ID = 'MARKER-CLIENT-ID-4d2e';
const CLIENT_SECRET = 'MARKER-CLIENT-SECRET-9b8a';
const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
const NOW = new Date('2026-03-16T12:00:00Z');
const TOKEN_PATH = '/security/v1/oauth/token';
const TRACK = '/api/track/v1/details';
const QUERY = { locale: 'en_US', returnSignature: 'false' };
const BY_NUMBER = { by: 'trackingNumber' } as const;
const DELIVERED = '1Z999AA10123456784';
const WINDOW = '1Z12345E0205271688';
const RETURNING = '1Z12345E6605272234';

const captured = captureLogger('debug');

function fixture(name: string): nock.Body {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/ups/${name}.json`, import.meta.url), 'utf8'));
}
const ACCESS_TOKEN = (fixture('token') as { access_token: string }).access_token;

function adapter(options: { baseUrl?: string; timeoutMs?: number; now?: () => Date } = {}) {
  return upsCarrier.create(
    { baseUrl: options.baseUrl ?? BASE_URL, testEnvironment: false, credentials: { CLIENT_ID: new Secret(CLIENT_ID), CLIENT_SECRET: new Secret(CLIENT_SECRET) } },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: options.now ?? (() => NOW), logger: captured.logger },
  );
}

function tokenIssued(times = 1, accessToken = ACCESS_TOKEN) {
  return nock(BASE_URL)
    .matchHeader('authorization', BASIC)
    .matchHeader('content-type', /^application\/x-www-form-urlencoded/)
    .post(TOKEN_PATH, 'grant_type=client_credentials')
    .times(times)
    .reply(200, { ...(fixture('token') as object), access_token: accessToken });
}

/** A track call with the bearer token and UPS's two required headers; anything else is refused. */
function track(number: string, accessToken = ACCESS_TOKEN) {
  return nock(BASE_URL)
    .matchHeader('authorization', `Bearer ${accessToken}`)
    .matchHeader('transid', /^[0-9a-f]{32}$/)
    .matchHeader('transactionsrc', 'shipwatch')
    .get(`${TRACK}/${number}`)
    .query(QUERY);
}

async function trackOne(number: string, options: { timeoutMs?: number } = {}): Promise<TrackOutcome | undefined> {
  return (await adapter(options).track([number], BY_NUMBER)).get(number);
}

const { details: failureDetails, remember } = failureLog();

useCarrierNock();

describe('ups adapter: request shape and token', () => {
  it('buys a token with HTTP Basic and the client-credentials form, then GETs details/{number} with bearer, transId and transactionSrc', async () => {
    const token = tokenIssued();
    const details = track(DELIVERED).reply(200, fixture('full-history-delivered'));

    const outcome = await trackOne(DELIVERED);

    expect(token.isDone()).toBe(true);
    expect(details.isDone()).toBe(true);
    expect(outcome?.kind).toBe('found');
  });

  it('sends a fresh transId with every request and escapes the path parameter', async () => {
    const ids: string[] = [];
    tokenIssued();
    for (const path of [DELIVERED, 'A%2FB%20C']) {
      nock(BASE_URL)
        .get(`${TRACK}/${path}`)
        .query(QUERY)
        .reply(function () {
          ids.push(String(this.req.headers['transid']));
          return [200, fixture('not-found')];
        });
    }

    const outcomes = await adapter().track([DELIVERED, 'A/B C'], BY_NUMBER);

    expect([...outcomes.values()]).toEqual([{ kind: 'not_found' }, { kind: 'not_found' }]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('keeps one token for several calls, also when they run at the same time', async () => {
    const token = tokenIssued(1);
    track(DELIVERED).reply(200, fixture('full-history-delivered'));
    track(WINDOW).reply(200, fixture('out-for-delivery-window'));
    track(RETURNING).reply(200, fixture('attempts-returning'));

    const ups = adapter();
    await Promise.all([ups.track([DELIVERED], BY_NUMBER), ups.track([WINDOW], BY_NUMBER)]);
    await ups.track([RETURNING], BY_NUMBER);

    expect(token.isDone()).toBe(true);
  });

  it('keeps the token for its expires_in ("14399" seconds) and buys a new one after', async () => {
    let clock = NOW;
    tokenIssued(1, 'MARKER-TOKEN-FIRST');
    track(DELIVERED, 'MARKER-TOKEN-FIRST').times(2).reply(200, fixture('not-found'));
    tokenIssued(1, 'MARKER-TOKEN-SECOND');
    track(DELIVERED, 'MARKER-TOKEN-SECOND').reply(200, fixture('not-found'));

    const ups = adapter({ now: () => clock });
    await ups.track([DELIVERED], BY_NUMBER);
    clock = new Date(NOW.getTime() + 3 * 3600_000);
    await ups.track([DELIVERED], BY_NUMBER);
    clock = new Date(NOW.getTime() + 14_399_000);
    await ups.track([DELIVERED], BY_NUMBER);
  });

  it('renews the token once when a track call answers 401, then retries', async () => {
    tokenIssued(1, 'MARKER-TOKEN-OLD');
    track(DELIVERED, 'MARKER-TOKEN-OLD').reply(401, fixture('bad-credentials'));
    tokenIssued(1, 'MARKER-TOKEN-NEW');
    track(DELIVERED, 'MARKER-TOKEN-NEW').reply(200, fixture('full-history-delivered'));

    expect((await trackOne(DELIVERED))?.kind).toBe('found');
  });

  it('buys one new token when parallel calls meet the same 401', async () => {
    tokenIssued(1, 'MARKER-TOKEN-OLD');
    track(DELIVERED, 'MARKER-TOKEN-OLD').reply(401, fixture('bad-credentials'));
    // The second 401 arrives after the first call has already renewed the token.
    track(WINDOW, 'MARKER-TOKEN-OLD').delay(150).reply(401, fixture('bad-credentials'));
    tokenIssued(1, 'MARKER-TOKEN-NEW');
    track(DELIVERED, 'MARKER-TOKEN-NEW').reply(200, fixture('full-history-delivered'));
    track(WINDOW, 'MARKER-TOKEN-NEW').reply(200, fixture('out-for-delivery-window'));

    const ups = adapter();
    const [a, b] = await Promise.all([ups.track([DELIVERED], BY_NUMBER), ups.track([WINDOW], BY_NUMBER)]);

    expect([a.get(DELIVERED)?.kind, b.get(WINDOW)?.kind]).toEqual(['found', 'found']);
  });

  it('gives up with auth when the renewed token is refused too', async () => {
    tokenIssued(2);
    track(DELIVERED).times(2).reply(401, fixture('bad-credentials'));

    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });
});

describe('ups adapter: answers', () => {
  const event = (
    localTime: string,
    utc: string,
    timeZone: string,
    rawCode: string,
    rawText: string,
    where: [string | null, string | null, string | null],
    mapped: Pick<CarrierEvent, 'status' | 'substatus'>,
  ): CarrierEvent => ({
    occurredAt: new Date(utc),
    localTime,
    timeZone,
    rawCode,
    rawText,
    location: { text: where[0], city: where[1], country: where[2] },
    ...mapped,
  });

  it('reads a delivered history in full, newest first, UTC from gmtDate/gmtTime', async () => {
    tokenIssued();
    track(DELIVERED).reply(200, fixture('full-history-delivered'));

    const outcome = found(await trackOne(DELIVERED));

    expect(outcome).toEqual({
      kind: 'found',
      estimatedDelivery: '2026-03-12',
      proofOfDelivery: { receivedBy: 'MARKER-RECEIVER-NAME', signatureUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' },
      events: [
        event('20260312 143012', '2026-03-12T18:30:12Z', '-04:00', '011', 'DELIVERED ', ['BROOKLYN, NY, US', 'BROOKLYN', 'US'], { status: 'delivered', substatus: null }),
        event('20260312 081500', '2026-03-12T12:15:00Z', '-04:00', '021', 'Out For Delivery Today', ['Maspeth, NY, US', 'Maspeth', 'US'], { status: 'out_for_delivery', substatus: null }),
        event('20260311 221000', '2026-03-12T02:10:00Z', '-04:00', '005', 'Arrived at Facility', ['Maspeth, NY, US', 'Maspeth', 'US'], { status: 'in_transit', substatus: null }),
        event('20260311 031500', '2026-03-11T07:15:00Z', '-04:00', '005', 'Departed from Facility', ['Louisville, KY, US', 'Louisville', 'US'], { status: 'in_transit', substatus: null }),
        event('20260310 183000', '2026-03-10T23:30:00Z', '-05:00', '038', 'Pickup Scan ', ['Chicago, IL, US', 'Chicago', 'US'], { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('20260309 101500', '2026-03-09T10:15:00Z', UNKNOWN_TIME_ZONE, '003', 'Shipper created a label, UPS has not received the package yet. ', [null, null, null], {
          status: 'info_received',
          substatus: 'info_received.label_created',
        }),
      ],
    });
    expect(outcome.events[0]).toMatchObject({ status: 'delivered', rawCode: '011' });
    // A late local evening is already the next UTC day; the spec's 5-digit gmtTime drops a zero.
    expect(outcome.events[2]?.occurredAt.toISOString()).toBe('2026-03-12T02:10:00.000Z');
    expect(outcome.events[3]?.occurredAt.toISOString()).toBe('2026-03-11T07:15:00.000Z');
    // DEL (the actual delivery date) is never the estimate; SDD is.
    expect(outcome.estimatedDelivery).toBe('2026-03-12');
  });

  it('gives the delivery window with the destination offset once the parcel is out for delivery', async () => {
    tokenIssued();
    track(WINDOW).reply(200, fixture('out-for-delivery-window'));

    const outcome = found(await trackOne(WINDOW));

    // RDD (rescheduled) wins over SDD; the window end is read at the delivering centre's offset.
    expect(outcome.estimatedDelivery).toBe('2026-03-13T16:00:00-07:00');
    expect(outcome.proofOfDelivery).toBeUndefined();
    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus, e.timeZone])).toEqual([
      ['072', 'out_for_delivery', null, '-07:00'],
      ['052', 'exception', null, '-07:00'],
      ['160', 'in_transit', 'in_transit.picked_up', '-06:00'],
      // No statusCode: the activity type decides.
      ['M', 'info_received', 'info_received.label_created', UNKNOWN_TIME_ZONE],
    ]);
  });

  it('reads attempts and a return, with offset only, UTC without offset, and local-only times', async () => {
    tokenIssued();
    track(RETURNING).reply(200, fixture('attempts-returning'));

    const outcome = found(await trackOne(RETURNING));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.localTime, e.occurredAt.toISOString(), e.timeZone, e.location.text])).toEqual([
      ['035', 'returning', '20260316 101500', '2026-03-16T09:15:00.000Z', '+01:00', 'Hamburg, DE'],
      ['024', 'attempt_failed', '20260313 170000', '2026-03-13T17:00:00.000Z', UNKNOWN_TIME_ZONE, 'Hamburg, DE'],
      ['022', 'attempt_failed', '20260312 163000', '2026-03-12T15:30:00.000Z', '+01:00', 'Hamburg, DE'],
      ['013', 'exception', '20260311 120000', '2026-03-11T12:00:00.000Z', UNKNOWN_TIME_ZONE, null],
    ]);
    // End of day: no time to give, the date alone.
    expect(outcome.estimatedDelivery).toBe('2026-03-11');
  });

  it('reports HTTP 200 with warning TW0001 as not found', async () => {
    tokenIssued();
    track('1Z999AA10000000000').reply(200, fixture('not-found'));

    expect(await trackOne('1Z999AA10000000000')).toEqual({ kind: 'not_found' });
  });

  it('reports the documented 404 and an invalid inquiry number (400 TV1002) as not found', async () => {
    tokenIssued();
    track('1Z999AA10000000404').reply(404, fixture('not-found-404'));
    track('NOT-A-UPS-NUMBER').reply(400, fixture('invalid-number'));

    const outcomes = await adapter().track(['1Z999AA10000000404', 'NOT-A-UPS-NUMBER'], BY_NUMBER);

    expect([...outcomes.values()]).toEqual([{ kind: 'not_found' }, { kind: 'not_found' }]);
  });

  it('does not read a 404 without UPS’s error body (a wrong address) as not found', async () => {
    tokenIssued();
    track(DELIVERED).reply(404, '<html>Not Found</html>', { 'Content-Type': 'text/html' });

    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'carrier answered HTTP 404 without a UPS error body' } });
  });

  it('keeps another warning without a package apart from not found', async () => {
    tokenIssued();
    track(DELIVERED).reply(200, { trackResponse: { shipment: [{ inquiryNumber: DELIVERED, warnings: [{ code: 'TW0009', message: 'MARKER-WARNING-TEXT' }] }] } });

    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier warned TW0009 and sent no package' } });
  });

  it('fails the batch with auth when the token endpoint refuses the client id and secret', async () => {
    nock(BASE_URL).post(TOKEN_PATH).reply(401, fixture('bad-credentials'));

    const outcomes = await adapter().track([DELIVERED, WINDOW], BY_NUMBER);

    // One refused token fails the batch without asking again for each parcel.
    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('treats a 400 from the token endpoint (fixed body) as auth', async () => {
    nock(BASE_URL).post(TOKEN_PATH).reply(400, { response: { errors: [{ code: '10400', message: 'Invalid/Missing Authorization Header' }] } });

    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('names the exhausted token quota (token endpoint 429)', async () => {
    nock(BASE_URL).post(TOKEN_PATH).reply(429, fixture('token-quota'), { 'Retry-After': '120' });

    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', detail: 'UPS token quota exceeded', retryAfterMs: 120_000 } });
  });

  it('reports a track 429 as rate limited with Retry-After and stops asking for the rest of the batch', async () => {
    tokenIssued();
    track(DELIVERED).reply(429, fixture('rate-limited'), { 'Retry-After': '30' });

    const outcomes = await adapter().track([DELIVERED, WINDOW], BY_NUMBER);

    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } },
      { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } },
    ]);
  });

  it('reports HTTP 500 and 503 as unavailable', async () => {
    tokenIssued();
    track(DELIVERED).reply(500, fixture('server-error'));
    track(WINDOW).reply(503, fixture('server-error'));

    const outcomes = await adapter().track([DELIVERED, WINDOW], BY_NUMBER);

    expect(remember(outcomes.get(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
    expect(remember(outcomes.get(WINDOW))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
  });

  it('reports a timeout as unavailable', async () => {
    tokenIssued();
    track(DELIVERED).delay(1000).reply(200, fixture('full-history-delivered'));

    const outcome = remember(await trackOne(DELIVERED, { timeoutMs: 200 }));

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(outcome?.kind === 'failed' && outcome.failure.kind === 'unavailable' && outcome.failure.detail).toMatch(/timeout/);
  });

  it('reports a body that is not a track response as malformed', async () => {
    tokenIssued();
    track(DELIVERED).reply(200, fixture('malformed'));
    track(WINDOW).reply(200, '<html>Maintenance</html>', { 'Content-Type': 'text/html' });

    const outcomes = await adapter().track([DELIVERED, WINDOW], BY_NUMBER);

    expect(remember(outcomes.get(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'track answer has no trackResponse' } });
    expect(outcomes.get(WINDOW)).toMatchObject({ kind: 'failed', failure: { kind: 'malformed' } });
  });

  it('reads error bodies sent with HTTP 200: token codes as auth, others by code only', async () => {
    tokenIssued();
    track(DELIVERED).reply(200, fixture('bad-credentials'));
    track(WINDOW).reply(200, { response: { errors: [{ code: '9150002', message: 'MARKER-ERROR-TEXT' }] } });

    const outcomes = await adapter().track([WINDOW, DELIVERED], BY_NUMBER);

    expect(remember(outcomes.get(WINDOW))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier reported error 9150002 in an HTTP 200 answer' } });
    expect(remember(outcomes.get(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('keeps every parcel of a mixed batch apart', async () => {
    tokenIssued();
    track(DELIVERED).reply(200, fixture('full-history-delivered'));
    track('1Z999AA10000000000').reply(200, fixture('not-found'));
    track('1Z999AA10000000404').reply(404, fixture('not-found-404'));
    track('1Z999AA10000000500').reply(500, fixture('server-error'));
    track('1Z999AA10123456786').reply(200, fixture('unreadable-date'));
    track(RETURNING).reply(200, fixture('attempts-returning'));

    const numbers = [DELIVERED, '1Z999AA10000000000', '1Z999AA10000000404', '1Z999AA10000000500', '1Z999AA10123456786', RETURNING];
    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(found(outcomes.get(DELIVERED)).events).toHaveLength(6);
    expect(outcomes.get('1Z999AA10000000000')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('1Z999AA10000000404')).toEqual({ kind: 'not_found' });
    expect(remember(outcomes.get('1Z999AA10000000500'))).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(remember(outcomes.get('1Z999AA10123456786'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable date or time in activity 1' } });
    expect(found(outcomes.get(RETURNING)).events.at(0)?.status).toBe('returning');
  });

  it('follows the asked package of a multi-piece shipment', async () => {
    tokenIssued();
    const other = { trackingNumber: '1Z999AA10123456799', activity: [{ date: '20260312', time: '090000', status: { type: 'D', statusCode: '011', description: 'DELIVERED' } }] };
    const asked = { trackingNumber: WINDOW, activity: [{ date: '20260312', time: '090000', status: { type: 'I', statusCode: '005', description: 'On the Way' } }] };
    track(WINDOW).reply(200, { trackResponse: { shipment: [{ inquiryNumber: WINDOW, package: [other, asked] }] } });

    expect(found(await trackOne(WINDOW)).events.map((e) => e.rawCode)).toEqual(['005']);
  });
});

describe('ups statuses', () => {
  it('maps every documented 3-digit code to a canonical status and a substatus of that status', () => {
    const ranges: [number, number][] = [[0, 0], [3, 3], [5, 7], [10, 14], [16, 30], [32, 149], [153, 169]];
    const documented = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(3, '0')));
    expect(Object.keys(UPS_STATUSES).sort()).toEqual(documented);
    for (const [code, mapping] of Object.entries(UPS_STATUSES)) {
      const mapped = mapStatus('ups', UPS_STATUSES, code);
      expect([code, isShipmentStatus(mapped.status)]).toEqual([code, true]);
      expect(mapped.substatus === null || (isSubstatus(mapped.substatus) && mapped.substatus.startsWith(`${mapped.status}.`))).toBe(true);
      expect(mapped.status).toBe(mapping.status);
    }
  });

  it('maps every documented activity type the same way', () => {
    expect(Object.keys(UPS_ACTIVITY_TYPES).sort()).toEqual(['D', 'DD', 'DO', 'I', 'M', 'MV', 'NA', 'P', 'RS', 'U', 'W', 'X']);
    for (const type of Object.keys(UPS_ACTIVITY_TYPES)) {
      const mapped = mapStatus('ups', UPS_ACTIVITY_TYPES, type);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.substatus === null || mapped.substatus.startsWith(`${mapped.status}.`)).toBe(true);
    }
  });

  it('has no unmapped code in any fixture but the one made for it', () => {
    const names = ['full-history-delivered', 'out-for-delivery-window', 'attempts-returning', 'unreadable-date', 'unknown-code'];
    for (const name of names) {
      const body = fixture(name) as { trackResponse: { shipment: { package: { activity: { status: { statusCode?: string; type: string } }[] }[] }[] } };
      for (const activity of body.trackResponse.shipment[0]?.package[0]?.activity ?? []) {
        const { statusCode, type } = activity.status;
        const known = statusCode === undefined ? Object.hasOwn(UPS_ACTIVITY_TYPES, type) : Object.hasOwn(UPS_STATUSES, statusCode);
        expect([name, statusCode ?? type, known]).toEqual([name, statusCode ?? type, !(name === 'unknown-code' && statusCode === '170')]);
      }
    }
  });

  it('keeps an unknown code unmapped and counted, with a non-terminal hint from its type', async () => {
    tokenIssued();
    track('1Z999AA10123456785').reply(200, fixture('unknown-code'));
    const before = unmappedCodeCounts.get('ups') ?? 0;

    const outcome = found(await trackOne('1Z999AA10123456785'));

    // Type D would be delivered; an unread code must not stop the polling.
    expect(outcome.events[0]).toMatchObject({ rawCode: '170', rawText: 'A status nobody has documented', status: 'out_for_delivery', substatus: 'unmapped' });
    expect(outcome.events[1]).toMatchObject({ rawCode: '005', status: 'in_transit', substatus: null });
    expect(unmappedCodeCounts.get('ups')).toBe(before + 1);
  });
});

describe('ups times', () => {
  it.each([
    ['the spec’s 5-digit gmtTime', { date: '20210210', time: '024700', gmtDate: '20210210', gmtTime: '74700', gmtOffset: '-05:00' }, '2021-02-10T07:47:00.000Z', '-05:00'],
    ['a colon gmtTime', { date: '20240202', time: '120435', gmtDate: '20240202', gmtTime: '20:04:35', gmtOffset: '-08:00' }, '2024-02-02T20:04:35.000Z', '-08:00'],
    ['an offset without UTC fields', { date: '20260316', time: '101500', gmtOffset: '+0530' }, '2026-03-16T04:45:00.000Z', '+05:30'],
    ['UTC fields without an offset', { date: '20260312', time: '163000', gmtDate: '20260312', gmtTime: '153000' }, '2026-03-12T15:30:00.000Z', '+01:00'],
    ['a local time only', { date: '20260312', time: '163000' }, '2026-03-12T16:30:00.000Z', UNKNOWN_TIME_ZONE],
    ['UTC fields only', { gmtDate: '20260312', gmtTime: '15:30:00' }, '2026-03-12T15:30:00.000Z', 'UTC'],
  ])('reads %s', (_case, activity, utc, zone) => {
    const time = activityTime(activity);
    expect(time?.occurredAt.toISOString()).toBe(utc);
    expect(time?.timeZone).toBe(zone);
  });

  it('keeps the raw local text and refuses impossible dates', () => {
    expect(activityTime({ date: '20240202', time: '120435', gmtDate: '20240202', gmtTime: '20:04:35', gmtOffset: '-08:00' })?.localTime).toBe('20240202 120435');
    expect(activityTime({ date: '20260231', time: '101500' })).toBeNull();
    expect(activityTime({ date: '20260312', time: '251000' })).toBeNull();
  });
});

describe('ups config', () => {
  const env = { CARRIER_UPS_CLIENT_ID: CLIENT_ID, CARRIER_UPS_CLIENT_SECRET: CLIENT_SECRET };

  it('is enabled by the client id and secret and talks to production by default', () => {
    expect(upsCarrier.enableWith).toEqual(Object.keys(env));
    expect(upsCarrier.loadConfig({})).toEqual({ enabled: false });
    const prod = upsCarrier.loadConfig(env);
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://onlinetools.ups.com');
  });

  it('switches to the CIE test host on CARRIER_UPS_TEST and to CARRIER_UPS_BASE_URL when given', () => {
    const test = upsCarrier.loadConfig({ ...env, CARRIER_UPS_TEST: 'true' });
    const local = upsCarrier.loadConfig({ ...env, CARRIER_UPS_BASE_URL: 'http://127.0.0.1:8089/ignored/path' });
    expect(test.enabled === true && test.config.baseUrl).toBe('https://wwwcie.ups.com');
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:8089');
  });

  it('calls a partial configuration invalid, naming the missing variable and never a value', () => {
    const partial = upsCarrier.loadConfig({ CARRIER_UPS_CLIENT_ID: CLIENT_ID });
    expect(partial.enabled).toBe('invalid');
    expect(partial.enabled === 'invalid' && partial.problems.join('\n')).toContain('CARRIER_UPS_CLIENT_SECRET');
    expect(JSON.stringify(partial)).not.toContain(CLIENT_ID);
  });
});

describe('ups end to end through the real poller', () => {
  const seen: { method: string; url: string; auth: boolean; transId: boolean; source: unknown }[] = [];

  const e2e = useLoopbackCarrier(upsCarrier, captured.logger, (req, res, body) => {
    const json = (status: number, payload: unknown) => replyJson(res, status, payload);
    if (req.method === 'POST' && req.url === TOKEN_PATH) {
      const ok = req.headers.authorization === BASIC && body === 'grant_type=client_credentials';
      return ok ? json(200, fixture('token')) : json(401, fixture('bad-credentials'));
    }
    const bearer = req.headers.authorization === `Bearer ${ACCESS_TOKEN}`;
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: bearer, transId: /^[0-9a-f]{32}$/.test(String(req.headers['transid'])), source: req.headers['transactionsrc'] });
    if (!bearer) return json(401, fixture('bad-credentials'));
    if (req.method === 'GET' && req.url === `${TRACK}/${DELIVERED}?locale=en_US&returnSignature=false`) return json(200, fixture('full-history-delivered'));
    return json(200, fixture('not-found'));
  });

  it('tracks a UPS parcel until delivered, with UTC times, estimate and proof of delivery', async () => {
    const { store } = e2e;
    const poller = e2e.poller({ CARRIER_UPS_CLIENT_ID: CLIENT_ID, CARRIER_UPS_CLIENT_SECRET: CLIENT_SECRET }, () => NOW);
    const shipment = await storeShipment(store, new Date('2026-03-09T09:00:00Z'), { carrier: 'ups', trackingNumber: DELIVERED });
    const unknown = await storeShipment(store, new Date('2026-03-09T09:00:00Z'), { carrier: 'ups', trackingNumber: '1Z999AA10000000000', orderId: 'ORDER-2' });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 2, found: 1, notFound: 1, failed: 0, eventsAdded: 6 });
    expect(seen.map((s) => [s.method, s.auth, s.transId, s.source]).every(([m, a, t, s]) => m === 'GET' && a && t && s === 'shipwatch')).toBe(true);
    expect(seen.map((s) => s.url).sort()).toEqual([`${TRACK}/1Z999AA10000000000?locale=en_US&returnSignature=false`, `${TRACK}/${DELIVERED}?locale=en_US&returnSignature=false`]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', estimatedDelivery: '2026-03-12', proofOfDelivery: { receivedBy: 'MARKER-RECEIVER-NAME' } });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-03-12T18:30:12.000Z');
    expect((await store.shipments.get(unknown.id))?.status).toBe('not_found');
    const events = await e2e.eventsInOrder(shipment.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.localTime, e.timeZone, e.occurredAt.toISOString()])).toEqual([
      ['003', 'info_received', '20260309 101500', UNKNOWN_TIME_ZONE, '2026-03-09T10:15:00.000Z'],
      ['038', 'in_transit', '20260310 183000', '-05:00', '2026-03-10T23:30:00.000Z'],
      ['005', 'in_transit', '20260311 031500', '-04:00', '2026-03-11T07:15:00.000Z'],
      ['005', 'in_transit', '20260311 221000', '-04:00', '2026-03-12T02:10:00.000Z'],
      ['021', 'out_for_delivery', '20260312 081500', '-04:00', '2026-03-12T12:15:00.000Z'],
      ['011', 'delivered', '20260312 143012', '-04:00', '2026-03-12T18:30:12.000Z'],
    ]);
  });
});

describe('ups credentials', () => {
  it('never reach a failure detail or a log line', () => {
    expect(failureDetails.length).toBeGreaterThan(5);
    const everything = [...failureDetails, captured.text()].join('\n');
    expect(captured.lines.length).toBeGreaterThan(0);
    const markers = [CLIENT_ID, CLIENT_SECRET, BASIC, ACCESS_TOKEN, 'MARKER-TOKEN-OLD', 'MARKER-TOKEN-NEW', 'MARKER-RECEIVER-NAME', 'MARKER-SHIPTO', 'MARKER-SHIPPER', 'MARKER-ERROR-TEXT', 'MARKER-WARNING-TEXT'];
    for (const marker of markers) expect(everything).not.toContain(marker);
  });
});
