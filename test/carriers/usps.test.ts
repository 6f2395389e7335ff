import { readFileSync } from 'node:fs';
import nock from 'nock';
import { mapStatus, UNKNOWN_TIME_ZONE, unmappedCodeCounts, type CarrierEvent, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { uspsCarrier } from '../../carriers/usps/index.js';
import { USPS_FALLBACK_STATUS, USPS_STATUSES } from '../../carriers/usps/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { useLoopbackCarrier } from '../support/carrier-end-to-end.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { replyJson } from '../support/loopback-server.js';
import { useCarrierNock } from '../support/nock-lifecycle.js';
import { failureLog, found } from '../support/track-outcomes.js';

const BASE_URL = 'https://usps-api.test';
const CLIENT_ID = 'MARKER-CLIENT-ID-81fe';
const CLIENT_SECRET = 'MARKER-CLIENT-SECRET-3d9a';
const NOW = new Date('2026-03-12T12:00:00Z');
const TRACK = '/tracking/v3/tracking';
const N1 = '9400109104250532908587';
const N2 = '9400111899223100000007';
const BY_NUMBER = { by: 'trackingNumber' } as const;

const captured = captureLogger('debug');

function fixture(name: string): nock.Body {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/usps/${name}.json`, import.meta.url), 'utf8'));
}
const TOKEN = (fixture('token') as { access_token: string }).access_token;

function adapter(options: { baseUrl?: string; timeoutMs?: number; now?: () => Date } = {}) {
  return uspsCarrier.create(
    {
      baseUrl: options.baseUrl ?? BASE_URL,
      testEnvironment: false,
      credentials: { CLIENT_ID: new Secret(CLIENT_ID), CLIENT_SECRET: new Secret(CLIENT_SECRET) },
    },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: options.now ?? (() => NOW), logger: captured.logger },
  );
}

function tokenIssued(times = 1, token = TOKEN, expiresIn: string | number = 28799) {
  return nock(BASE_URL)
    .matchHeader('content-type', /^application\/json/)
    .post('/oauth2/v3/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'client_credentials' })
    .times(times)
    .reply(200, { ...(fixture('token') as object), access_token: token, expires_in: expiresIn });
}

/** A tracking GET with the bearer token; any other token makes nock refuse the request. */
function tracking(number: string, token = TOKEN) {
  return nock(BASE_URL).matchHeader('authorization', `Bearer ${token}`).get(`${TRACK}/${number}`).query({ expand: 'DETAIL' });
}

async function trackOne(number: string, options: { timeoutMs?: number } = {}): Promise<TrackOutcome | undefined> {
  return (await adapter(options).track([number], BY_NUMBER)).get(number);
}

const { details: failureDetails, remember } = failureLog();

useCarrierNock();

describe('usps adapter: request shape and tokens', () => {
  it('buys a token with a JSON client-credentials body, then GETs the number with expand=DETAIL and the bearer', async () => {
    const token = tokenIssued();
    const track = tracking(N1).matchHeader('accept', /application\/json/).reply(200, fixture('full-history-delivered'));

    expect((await trackOne(N1))?.kind).toBe('found');
    expect(token.isDone() && track.isDone()).toBe(true);
  });

  it('escapes the path parameter', async () => {
    tokenIssued();
    nock(BASE_URL).get(`${TRACK}/A%2FB%20C`).query({ expand: 'DETAIL' }).reply(404, fixture('not-found'));

    expect(await trackOne('A/B C')).toEqual({ kind: 'not_found' });
  });

  it('keeps one token for every parcel of a batch and for later batches', async () => {
    tokenIssued(1);
    tracking(N1).reply(200, fixture('full-history-delivered'));
    tracking(N2).reply(200, fixture('in-transit-expected'));
    tracking(N1).reply(200, fixture('full-history-delivered'));

    const usps = adapter();
    const first = await usps.track([N1, N2], BY_NUMBER);
    const again = await usps.track([N1], BY_NUMBER);

    expect([...first.values(), ...again.values()].map((o) => o.kind)).toEqual(['found', 'found', 'found']);
  });

  it('buys a new token once expires_in (a string here) has passed, not before', async () => {
    let clock = NOW.getTime();
    tokenIssued(1, 'MARKER-TOKEN-FIRST', '3600');
    tracking(N1, 'MARKER-TOKEN-FIRST').times(2).reply(200, fixture('full-history-delivered'));
    tokenIssued(1, 'MARKER-TOKEN-SECOND', '3600');
    tracking(N1, 'MARKER-TOKEN-SECOND').reply(200, fixture('full-history-delivered'));

    const usps = adapter({ now: () => new Date(clock) });
    await usps.track([N1], BY_NUMBER);
    clock += 50 * 60_000;
    await usps.track([N1], BY_NUMBER);
    clock += 11 * 60_000;
    expect((await usps.track([N1], BY_NUMBER)).get(N1)?.kind).toBe('found');
  });

  it('renews the token once when a query answers 401, then retries', async () => {
    tokenIssued(1, 'MARKER-TOKEN-OLD');
    tracking(N1, 'MARKER-TOKEN-OLD').reply(401, fixture('unauthorized'));
    tokenIssued(1, 'MARKER-TOKEN-NEW');
    tracking(N1, 'MARKER-TOKEN-NEW').reply(200, fixture('full-history-delivered'));

    expect((await trackOne(N1))?.kind).toBe('found');
  });

  it('gives up with auth when the renewed token is refused too, and asks no more for a while', async () => {
    tokenIssued(2);
    tracking(N1).times(2).reply(401, fixture('unauthorized'));

    const usps = adapter();
    const first = await usps.track([N1], BY_NUMBER);
    // The poller sends one number per call: the next parcel must not buy tokens again.
    const next = await usps.track([N2], BY_NUMBER);

    expect(remember(first.get(N1))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
    expect(next.get(N2)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });
});

describe('usps adapter: answers', () => {
  const event = (
    localTime: string,
    utc: string,
    rawCode: string,
    rawText: string,
    place: { text: string | null; city: string | null },
    mapped: Pick<CarrierEvent, 'status' | 'substatus'>,
    timeZone = '-05:00',
  ): CarrierEvent => ({ occurredAt: new Date(utc), localTime, timeZone, rawCode, rawText, location: { ...place, country: 'US' }, ...mapped });
  const at = (city: string, stateZip: string) => ({ text: `${city}, ${stateZip}`, city });
  const facility = (name: string) => ({ text: name, city: null });

  it('reads a delivered history in full, UTC from GMTTimestamp and the offset as the zone', async () => {
    tokenIssued();
    tracking(N1).reply(200, fixture('full-history-delivered'));

    const outcome = found(await trackOne(N1));

    expect(outcome).toEqual({
      kind: 'found',
      proofOfDelivery: { receivedBy: 'MARKER-SIGNER-NAME' },
      events: [
        event('2024-11-22T13:58:00', '2024-11-22T18:58:40Z', '01', 'Delivered, Parcel Locker', at('HERNANDO', 'FL 34442'), { status: 'delivered', substatus: null }),
        event('2024-11-22T09:10:00', '2024-11-22T14:10:45Z', 'OF', 'Out for Delivery', at('HERNANDO', 'FL 34442'), { status: 'out_for_delivery', substatus: null }),
        event('2024-11-22T08:59:00', '2024-11-22T13:59:45Z', '07', 'Arrived at Post Office', at('LECANTO', 'FL 34461'), { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }),
        event('2024-11-20T01:13:00', '2024-11-20T06:13:31Z', 'A1', 'Arrived at USPS Regional Facility', facility('JACKSONVILLE FL DISTRIBUTION CENTER'), { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2024-11-20T01:11:00', '2024-11-20T06:11:52Z', 'TL', 'In Transit to Next Facility', { text: null, city: null }, { status: 'in_transit', substatus: null }),
        event('2024-11-19T06:16:00', '2024-11-19T11:16:41Z', 'T1', 'Departed USPS Regional Facility', facility('QUEENS NY DISTRIBUTION CENTER'), { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2024-11-18T18:02:00', '2024-11-18T23:02:52Z', '10', 'Arrived at USPS Regional Origin Facility', facility('QUEENS NY DISTRIBUTION CENTER'), { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2024-11-18T17:01:00', '2024-11-18T22:01:35Z', 'SF', 'Departed Post Office', at('JAMAICA', 'NY 11430'), { status: 'in_transit', substatus: null }),
        event('2024-11-18T11:10:00', '2024-11-18T16:10:31Z', '03', 'USPS in possession of item', at('JAMAICA', 'NY 11430'), { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('2024-11-15T11:32:00', '2024-11-15T16:32:33Z', 'GX', 'Shipping Label Created, USPS Awaiting Item', at('SPRINGFIELD GARDENS', 'NY 11413'), { status: 'info_received', substatus: 'info_received.label_created' }),
      ],
    });
    const delivered = outcome.events[0];
    expect(delivered?.occurredAt.toISOString()).toBe('2024-11-22T18:58:40.000Z');
    // 13:58 local is not 13:58 UTC (karrio's mistake, research §0.1).
    expect(delivered?.occurredAt.toISOString()).not.toContain('T13:58');
    expect(outcome.estimatedDelivery).toBeUndefined();
  });

  it('gives the expected delivery day, else the predicted one', async () => {
    tokenIssued();
    tracking(N2).reply(200, fixture('in-transit-expected'));
    tracking('9400111899223100000014').reply(200, fixture('predicted-only'));

    const outcomes = await adapter().track([N2, '9400111899223100000014'], BY_NUMBER);

    const expected = found(outcomes.get(N2));
    // The time of expectedDeliveryTimeStamp carries a "Z" USPS puts on local times: only the day is kept.
    expect(expected.estimatedDelivery).toBe('2026-03-12');
    expect(expected.proofOfDelivery).toBeUndefined();
    expect(expected.events.map((e) => [e.rawCode, e.status, e.timeZone])).toEqual([['OF', 'out_for_delivery', '-07:00'], ['07', 'in_transit', '-07:00'], ['03', 'in_transit', '-07:00']]);
    expect(found(outcomes.get('9400111899223100000014')).estimatedDelivery).toBe('2026-03-14');
  });

  it('never reads the official example’s "Z" as UTC: no GMT values means a wall clock of unknown zone', async () => {
    tokenIssued();
    tracking('9205590000000000000001').reply(200, fixture('official-example-lying-z'));

    const outcome = found(await trackOne('9205590000000000000001'));

    // trackingEvents came as a single object, as in the README.
    expect(outcome.events).toHaveLength(1);
    const [accepted] = outcome.events;
    expect(accepted).toMatchObject({ localTime: '2023-08-02T07:31:00Z', timeZone: UNKNOWN_TIME_ZONE, rawCode: '03', status: 'in_transit' });
    expect(accepted?.timeZone).not.toBe('UTC');
    // The ordering estimate: the wall clock read at UTC, flagged by the unknown zone.
    expect(accepted?.occurredAt.toISOString()).toBe('2023-08-02T07:31:00.000Z');
    expect(accepted?.location).toEqual({ text: 'RICHMOND, VA 23227', city: 'RICHMOND', country: 'US' });
  });

  it('reads each time shape: UTC with offset, UTC without offset, offset without UTC, neither', async () => {
    tokenIssued();
    tracking('9400111899223100000021').reply(200, fixture('times-mixed'));

    const outcome = found(await trackOne('9400111899223100000021'));

    expect(outcome.events.map((e) => [e.localTime, e.occurredAt.toISOString(), e.timeZone])).toEqual([
      // GMTOffset "-7:00" (the spec's one-digit form) is normalised.
      ['2026-03-11T08:15:00', '2026-03-11T15:15:27.000Z', '-07:00'],
      // No GMTOffset: the gap between local and GMT, to the quarter hour.
      ['2026-03-10T23:40:00', '2026-03-11T05:40:12.000Z', '-06:00'],
      // No GMTTimestamp: the local time (its Z dropped) placed at GMTOffset.
      ['2026-03-10T19:05:00Z', '2026-03-11T01:05:00.000Z', '-06:00'],
      ['2026-03-09T17:45:00Z', '2026-03-09T17:45:00.000Z', UNKNOWN_TIME_ZONE],
    ]);
  });

  it('maps attempts, pickup and return to sender', async () => {
    tokenIssued();
    tracking('9400111899223100000038').reply(200, fixture('attempted-returning'));

    const outcome = found(await trackOne('9400111899223100000038'));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['27', 'returning', 'returning.unclaimed'],
      ['16', 'available_for_pickup', 'available_for_pickup.branch'],
      ['52', 'attempt_failed', 'attempt_failed.recipient_absent'],
      ['OF', 'out_for_delivery', null],
      ['03', 'in_transit', 'in_transit.picked_up'],
    ]);
    expect(outcome.proofOfDelivery).toBeUndefined();
  });

  it('reports not found: HTTP 404, HTTP 400 with code 150002, no events, and an error envelope in a 200', async () => {
    tokenIssued();
    tracking('9400000000000000000404').reply(404, fixture('not-found'));
    tracking('9400000000000000000400').reply(400, fixture('unknown-number-400'));
    tracking('9434611206217011894085').reply(200, fixture('no-events'));
    tracking('9400000000000000000200').reply(200, fixture('not-found'));

    const numbers = ['9400000000000000000404', '9400000000000000000400', '9434611206217011894085', '9400000000000000000200'];
    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(numbers.map((n) => outcomes.get(n))).toEqual(numbers.map(() => ({ kind: 'not_found' })));
  });

  it('fails with auth when the token endpoint refuses the client, asking for a token once', async () => {
    nock(BASE_URL).post('/oauth2/v3/token').reply(401, fixture('bad-credentials'));

    const outcomes = await adapter().track([N1, N2], BY_NUMBER);

    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('treats a 400 from the token endpoint as auth', async () => {
    nock(BASE_URL).post('/oauth2/v3/token').reply(400, { ...(fixture('bad-credentials') as object), error: 'invalid_request' });

    expect(remember(await trackOne(N1))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('reports HTTP 429 as rate limited with Retry-After, and holds later calls for that long', async () => {
    tokenIssued();
    tracking(N1).reply(429, fixture('rate-limited'), { 'Retry-After': '30' });

    const usps = adapter();
    const first = await usps.track([N1], BY_NUMBER);
    const next = await usps.track([N2], BY_NUMBER);

    expect(remember(first.get(N1))).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
    expect(next.get(N2)).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('stops asking for the rest of a batch once USPS throttles', async () => {
    tokenIssued();
    tracking(N1).reply(429, fixture('rate-limited'));

    const outcomes = await adapter().track([N1, N2], BY_NUMBER);

    expect([...outcomes.values()]).toEqual([
      { kind: 'failed', failure: { kind: 'rate_limited' } },
      { kind: 'failed', failure: { kind: 'rate_limited' } },
    ]);
  });

  it('reports HTTP 503 (and a token endpoint 500) as unavailable', async () => {
    tokenIssued();
    tracking(N1).reply(503, fixture('server-error'), { 'Retry-After': '30' });

    expect(remember(await trackOne(N1))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });

    nock(BASE_URL).post('/oauth2/v3/token').reply(500, 'oops');
    expect(remember(await trackOne(N1))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
  });

  it('reports a timeout as unavailable', async () => {
    tokenIssued();
    tracking(N1).delay(1000).reply(200, fixture('full-history-delivered'));

    const outcome = remember(await trackOne(N1, { timeoutMs: 200 }));

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(outcome?.kind === 'failed' && outcome.failure.kind === 'unavailable' && outcome.failure.detail).toMatch(/timeout/);
  });

  it('reports bodies it cannot read as malformed', async () => {
    tokenIssued();
    tracking('9400111899223100000069').reply(200, fixture('malformed'));
    tracking('9400111899223100000076').reply(200, '<html>Maintenance</html>', { 'Content-Type': 'text/html' });
    tracking('9400111899223100000052').reply(200, fixture('unreadable-date'));
    tracking('9400111899223100000083').reply(400, fixture('bad-request'));

    const numbers = ['9400111899223100000069', '9400111899223100000076', '9400111899223100000052', '9400111899223100000083'];
    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(numbers.map((n) => remember(outcomes.get(n)))).toEqual([
      { kind: 'failed', failure: { kind: 'malformed', detail: 'tracking answer has no trackingEvents' } },
      { kind: 'failed', failure: { kind: 'malformed', detail: 'tracking answer has no trackingEvents' } },
      { kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable event time in event 1' } },
      { kind: 'failed', failure: { kind: 'malformed', detail: 'carrier answered HTTP 400' } },
    ]);
  });

  it('reports a token answer without access_token as malformed', async () => {
    nock(BASE_URL).post('/oauth2/v3/token').reply(200, { token_type: 'Bearer', expires_in: '3600' });

    expect(remember(await trackOne(N1))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'token response has no access_token' } });
  });

  it('reads an error envelope in an HTTP 200 as the failure of its code', async () => {
    tokenIssued();
    tracking(N1).reply(200, fixture('error-in-200'));

    expect(remember(await trackOne(N1))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
  });

  it('keeps every parcel of a mixed batch apart', async () => {
    tokenIssued();
    tracking(N1).reply(200, fixture('full-history-delivered'));
    tracking('9400000000000000000404').reply(404, fixture('not-found'));
    tracking('9400000000000000000500').reply(503, fixture('server-error'));
    tracking('9400111899223100000052').reply(200, fixture('unreadable-date'));
    tracking(N2).reply(200, fixture('in-transit-expected'));

    const numbers = [N1, '9400000000000000000404', '9400000000000000000500', '9400111899223100000052', N2];
    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(found(outcomes.get(N1)).events[0]?.status).toBe('delivered');
    expect(outcomes.get('9400000000000000000404')).toEqual({ kind: 'not_found' });
    expect(remember(outcomes.get('9400000000000000000500'))).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(remember(outcomes.get('9400111899223100000052'))).toMatchObject({ kind: 'failed', failure: { kind: 'malformed' } });
    expect(found(outcomes.get(N2)).estimatedDelivery).toBe('2026-03-12');
  });
});

describe('usps statuses', () => {
  it('maps every documented event code to a canonical status and a known substatus', () => {
    // Research §4/§8 (karrio fixture, the Web Tools code tables) plus 30 and 71 from the newer table.
    expect(Object.keys(USPS_STATUSES).sort()).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '14', '15', '16', '17', '19', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31',
        '41', '42', '43', '44', '51', '52', '53', '54', '55', '56', '71', '80', '81', '82', 'A1', 'DX', 'EF', 'GX', 'MA', 'OF', 'PA', 'PC', 'SF', 'T1', 'TL', 'TM'].sort(),
    );
    for (const [code, mapping] of Object.entries(USPS_STATUSES)) {
      const mapped = mapStatus('usps', USPS_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.substatus === null || isSubstatus(mapped.substatus)).toBe(true);
      expect(mapped.substatus).not.toBe('unmapped');
      expect(mapped.status).toBe(mapping.status);
    }
  });

  it('has no unmapped code in any fixture but the one made for it', () => {
    const names = ['full-history-delivered', 'in-transit-expected', 'predicted-only', 'times-mixed', 'attempted-returning', 'unknown-code', 'unreadable-date'];
    for (const name of names) {
      for (const wire of (fixture(name) as { trackingEvents: { eventCode: string }[] }).trackingEvents) {
        const known = Object.hasOwn(USPS_STATUSES, wire.eventCode);
        expect([name, wire.eventCode, known]).toEqual([name, wire.eventCode, !(name === 'unknown-code' && wire.eventCode === 'Z9')]);
      }
    }
  });

  it('keeps an unknown newest code unmapped and counted, with statusCategory as its status', async () => {
    tokenIssued();
    tracking('9400111899223100000045').reply(200, fixture('unknown-code'));
    const before = unmappedCodeCounts.get('usps') ?? 0;

    const outcome = found(await trackOne('9400111899223100000045'));

    // statusCategory "Alert" describes the newest event.
    expect(outcome.events[0]).toMatchObject({ rawCode: 'Z9', rawText: 'Held at facility (invented)', status: 'exception', substatus: 'unmapped' });
    expect(outcome.events[1]).toMatchObject({ rawCode: '03', status: 'in_transit', substatus: 'in_transit.picked_up' });
    expect(unmappedCodeCounts.get('usps')).toBe(before + 1);
  });

  it('falls back to in transit for an unknown code that is not the newest event', () => {
    expect(mapStatus('usps', USPS_STATUSES, 'Z8', USPS_FALLBACK_STATUS)).toEqual({ status: 'in_transit', substatus: 'unmapped' });
  });
});

describe('usps config', () => {
  const env = { CARRIER_USPS_CLIENT_ID: CLIENT_ID, CARRIER_USPS_CLIENT_SECRET: CLIENT_SECRET };

  it('is enabled by the client id and secret, on production unless CARRIER_USPS_TEST says otherwise', () => {
    expect(uspsCarrier.enableWith).toEqual(Object.keys(env));
    expect(uspsCarrier.loadConfig({})).toEqual({ enabled: false });
    const prod = uspsCarrier.loadConfig(env);
    const test = uspsCarrier.loadConfig({ ...env, CARRIER_USPS_TEST: 'true' });
    const local = uspsCarrier.loadConfig({ ...env, CARRIER_USPS_BASE_URL: 'http://127.0.0.1:8443/ignored' });
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://apis.usps.com');
    expect(test.enabled === true && test.config.baseUrl).toBe('https://apis-tem.usps.com');
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:8443');
  });

  it('names the missing variable when only some credentials are set, never a value', () => {
    const partial = uspsCarrier.loadConfig({ CARRIER_USPS_CLIENT_ID: CLIENT_ID });
    expect(partial).toEqual({ enabled: 'invalid', problems: [expect.stringContaining('CARRIER_USPS_CLIENT_SECRET')] });
    expect(JSON.stringify(partial)).not.toContain(CLIENT_ID);
    const loaded = uspsCarrier.loadConfig(env);
    expect(JSON.stringify(loaded)).not.toContain(CLIENT_SECRET);
  });
});

describe('usps end to end through the real poller', () => {
  const E2E_NOW = new Date('2024-11-23T12:00:00Z');
  const seen: { method: string; url: string; auth: boolean }[] = [];
  let tokensIssued = 0;

  const e2e = useLoopbackCarrier(uspsCarrier, captured.logger, (req, res, body) => {
    const json = (status: number, payload: unknown) => replyJson(res, status, payload);
    if (req.method === 'POST' && req.url === '/oauth2/v3/token') {
      const asked = JSON.parse(body) as Record<string, unknown>;
      const ok = asked['client_id'] === CLIENT_ID && asked['client_secret'] === CLIENT_SECRET && asked['grant_type'] === 'client_credentials';
      if (ok) tokensIssued += 1;
      return ok ? json(200, fixture('token')) : json(401, fixture('bad-credentials'));
    }
    const bearer = req.headers.authorization === `Bearer ${TOKEN}`;
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: bearer });
    if (!bearer) return json(401, fixture('unauthorized'));
    if (req.method === 'GET' && req.url === `${TRACK}/${N1}?expand=DETAIL`) return json(200, fixture('full-history-delivered'));
    return json(404, fixture('not-found'));
  });

  it('tracks a parcel until delivered, with UTC instants, the local zone and who signed', async () => {
    const { store } = e2e;
    const poller = e2e.poller({ CARRIER_USPS_CLIENT_ID: CLIENT_ID, CARRIER_USPS_CLIENT_SECRET: CLIENT_SECRET }, () => E2E_NOW);
    const shipment = await storeShipment(store, new Date('2024-11-15T10:00:00Z'), { carrier: 'usps', trackingNumber: N1 });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 10 });
    expect(tokensIssued).toBe(1);
    expect(seen).toEqual([{ method: 'GET', url: `${TRACK}/${N1}?expand=DETAIL`, auth: true }]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', trackingNumber: N1, proofOfDelivery: { receivedBy: 'MARKER-SIGNER-NAME' } });
    expect(stored?.deliveredAt?.toISOString()).toBe('2024-11-22T18:58:40.000Z');
    const events = await e2e.eventsInOrder(shipment.id);
    expect(events.map((e) => e.carrierCode)).toEqual(['GX', '03', 'SF', '10', 'T1', 'TL', 'A1', '07', 'OF', '01']);
    expect(events.at(-1)).toMatchObject({ status: 'delivered', localTime: '2024-11-22T13:58:00', timeZone: '-05:00' });
    expect(events.every((e) => e.timeZone === '-05:00' && e.country === 'US')).toBe(true);
  });
});

describe('usps credentials and personal data', () => {
  it('never reach a failure detail or a log line', () => {
    expect(failureDetails.length).toBeGreaterThan(8);
    const everything = [...failureDetails, captured.text()].join('\n');
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const marker of [CLIENT_ID, CLIENT_SECRET, TOKEN, 'MARKER-TOKEN-OLD', 'MARKER-TOKEN-NEW', 'MARKER-TOKEN-FIRST', 'MARKER-SIGNER-NAME', 'MARKER-FIRM', 'MARKER-ECHO']) {
      expect(everything).not.toContain(marker);
    }
  });
});
