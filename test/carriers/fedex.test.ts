import { readFileSync } from 'node:fs';
import nock from 'nock';
import { mapStatus, UNKNOWN_TIME_ZONE, unmappedCodeCounts, type CarrierEvent, type TrackOutcome } from '../../carriers/contract.js';
import { FEDEX_LIMITS, trackRequest, untilMidnightUtc } from '../../carriers/fedex/adapter.js';
import { FEDEX_TOKEN_COOLDOWN_MS, FEDEX_TOKEN_PENALTY_MS } from '../../carriers/fedex/client.js';
import { fedexCarrier } from '../../carriers/fedex/index.js';
import { estimatedDeliveryOf, mapScanEvent, parseCompleteResult } from '../../carriers/fedex/parse.js';
import { FEDEX_DERIVED_STATUSES, FEDEX_EVENT_TYPES, FEDEX_FALLBACK_STATUS } from '../../carriers/fedex/statuses.js';
import { completeTrackResultSchema, type FedexCompleteTrackResult } from '../../carriers/fedex/wire.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { useLoopbackCarrier } from '../support/carrier-end-to-end.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { replyJson } from '../support/loopback-server.js';
import { useCarrierNock } from '../support/nock-lifecycle.js';
import { failureLog, found } from '../support/track-outcomes.js';

const BASE_URL = 'https://fedex-api.test';
const CLIENT_ID = 'MARKER-CLIENT-ID-51fe';
const CLIENT_SECRET = 'MARKER-CLIENT-SECRET-a07c';
const NOW = new Date('2026-03-12T18:00:00Z');
const TRACK = '/track/v1/trackingnumbers';
const BY_NUMBER = { by: 'trackingNumber' } as const;
const DELIVERED = '794600000011';
const IN_TRANSIT = '794600000022';
const NOT_FOUND = '794600000404';

const captured = captureLogger('debug');

function fixture(name: string): nock.Body {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/fedex/${name}.json`, import.meta.url), 'utf8'));
}
const TOKEN = (fixture('token') as { access_token: string }).access_token;

function adapter(options: { timeoutMs?: number; now?: () => Date } = {}) {
  return fedexCarrier.create(
    { baseUrl: BASE_URL, testEnvironment: false, credentials: { CLIENT_ID: new Secret(CLIENT_ID), CLIENT_SECRET: new Secret(CLIENT_SECRET) } },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: options.now ?? (() => NOW), logger: captured.logger },
  );
}

/** FedEx's token endpoint with the right form; any other form makes nock refuse the request. */
function tokenIssued(times = 1, token = TOKEN) {
  return nock(BASE_URL)
    .matchHeader('content-type', /^application\/x-www-form-urlencoded/)
    .post('/oauth/token', { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
    .times(times)
    .reply(200, { ...(fixture('token') as object), access_token: token });
}

function track(token = TOKEN) {
  return nock(BASE_URL).matchHeader('authorization', `Bearer ${token}`).matchHeader('content-type', /^application\/json/);
}

/** The documented request body for these numbers. */
function bodyFor(...numbers: string[]) {
  return { includeDetailedScans: true, trackingInfo: numbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })) };
}

async function trackOne(number: string, options: { timeoutMs?: number } = {}): Promise<TrackOutcome | undefined> {
  return (await adapter(options).track([number], BY_NUMBER)).get(number);
}

const { details: failureDetails, remember } = failureLog();

function entry(name: string, index = 0): FedexCompleteTrackResult {
  const body = fixture(name) as { output: { completeTrackResults: unknown[] } };
  return completeTrackResultSchema.parse(body.output.completeTrackResults[index]);
}

useCarrierNock();

describe('fedex adapter: request shape and auth', () => {
  it('buys a token with the client credentials form, then POSTs the numbers with bearer and locale', async () => {
    const token = tokenIssued();
    const post = track().matchHeader('x-locale', 'en_US').post(TRACK, bodyFor(DELIVERED, NOT_FOUND)).reply(200, fixture('mixed-batch'));

    const outcomes = await adapter().track([DELIVERED, NOT_FOUND], BY_NUMBER);

    expect(token.isDone()).toBe(true);
    expect(post.isDone()).toBe(true);
    expect(outcomes.get(DELIVERED)?.kind).toBe('found');
  });

  it('sends the operating company the shop gave as carrierCode, and leaves out one FedEx does not know', () => {
    const services = new Map([[DELIVERED, 'fdxg'], [IN_TRANSIT, 'DHL-EXPRESS']]);

    expect(trackRequest([DELIVERED, IN_TRANSIT], services)).toEqual({
      includeDetailedScans: true,
      trackingInfo: [{ trackingNumberInfo: { trackingNumber: DELIVERED, carrierCode: 'FDXG' } }, { trackingNumberInfo: { trackingNumber: IN_TRANSIT } }],
    });
  });

  it('keeps the token for later calls instead of buying one per batch', async () => {
    const token = tokenIssued(1);
    track().post(TRACK, bodyFor(DELIVERED)).reply(200, fixture('full-history-delivered'));
    track().post(TRACK, bodyFor(IN_TRANSIT)).reply(200, fixture('in-transit-estimated'));

    const fedex = adapter();
    await fedex.track([DELIVERED], BY_NUMBER);
    await fedex.track([IN_TRANSIT], BY_NUMBER);

    expect(token.isDone()).toBe(true);
  });

  it('asks for one token when several batches start at once (never a burst)', async () => {
    tokenIssued(1);
    track().post(TRACK).times(3).reply(200, fixture('full-history-delivered'));

    const fedex = adapter();
    const all = await Promise.all([1, 2, 3].map(() => fedex.track([DELIVERED], BY_NUMBER)));

    expect(all.map((o) => o.get(DELIVERED)?.kind)).toEqual(['found', 'found', 'found']);
  });

  it('buys a new token when the old one is near its expires_in', async () => {
    let now = NOW;
    tokenIssued(1, 'MARKER-TOKEN-FIRST');
    track('MARKER-TOKEN-FIRST').post(TRACK).reply(200, fixture('full-history-delivered'));
    tokenIssued(1, 'MARKER-TOKEN-SECOND');
    track('MARKER-TOKEN-SECOND').post(TRACK).reply(200, fixture('full-history-delivered'));

    const fedex = adapter({ now: () => now });
    await fedex.track([DELIVERED], BY_NUMBER);
    now = new Date(NOW.getTime() + 3599_000 - 30_000);
    expect((await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED)?.kind).toBe('found');
  });

  it('renews the token once when the track call answers 401, then retries', async () => {
    tokenIssued(1, 'MARKER-TOKEN-OLD');
    track('MARKER-TOKEN-OLD').post(TRACK).reply(401, fixture('bad-credentials'));
    tokenIssued(1, 'MARKER-TOKEN-NEW');
    track('MARKER-TOKEN-NEW').post(TRACK).reply(200, fixture('full-history-delivered'));

    expect((await trackOne(DELIVERED))?.kind).toBe('found');
  });

  it('gives up with auth when the renewed token is refused too', async () => {
    tokenIssued(2);
    track().post(TRACK).times(2).reply(401, fixture('bad-credentials'));

    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('fails the batch with auth when the token endpoint refuses the key pair', async () => {
    nock(BASE_URL).post('/oauth/token').reply(401, fixture('token-refused'));

    const outcomes = await adapter().track([DELIVERED, NOT_FOUND], BY_NUMBER);

    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('does not ask for a token again for a minute after a failed one, and repeats the failure meanwhile', async () => {
    let now = NOW;
    nock(BASE_URL).post('/oauth/token').reply(401, fixture('token-refused'));
    const fedex = adapter({ now: () => now });

    expect((await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
    now = new Date(NOW.getTime() + FEDEX_TOKEN_COOLDOWN_MS - 1000);
    // No interceptor is left: a token request now would fail as a network error, not as auth.
    expect((await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });

    now = new Date(NOW.getTime() + FEDEX_TOKEN_COOLDOWN_MS);
    tokenIssued();
    track().post(TRACK).reply(200, fixture('full-history-delivered'));
    expect((await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED)?.kind).toBe('found');
  });

  it('keeps away from the token endpoint for FedEx’s 10-minute penalty after a 403', async () => {
    let now = NOW;
    nock(BASE_URL).post('/oauth/token').reply(403, fixture('forbidden'));
    const fedex = adapter({ now: () => now });

    const first = remember((await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED));
    now = new Date(NOW.getTime() + 4 * 60_000);
    const later = (await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED);

    expect(first).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: FEDEX_TOKEN_PENALTY_MS, detail: 'token endpoint refused this IP (403)' } });
    expect(later).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 6 * 60_000, detail: 'token endpoint refused this IP (403)' } });
  });
});

describe('fedex adapter: answers', () => {
  it('reads a delivered history in full, oldest first, with the offsets FedEx gave', async () => {
    tokenIssued();
    track().post(TRACK, bodyFor(DELIVERED)).reply(200, fixture('full-history-delivered'));

    const outcome = found(await trackOne(DELIVERED));

    const event = (localTime: string, utc: string, rawCode: string, rawText: string, where: [string | null, string | null], mapped: Pick<CarrierEvent, 'status' | 'substatus'>): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone: localTime.slice(-6),
      rawCode,
      rawText,
      location: { text: where[0], city: where[1], country: 'US' },
      ...mapped,
    });
    const nashville: [string, string] = ['NASHVILLE, TN, 37211, US', 'NASHVILLE'];
    const memphis: [string, string] = ['MEMPHIS, TN, 38118, US', 'MEMPHIS'];
    const austin: [string, string] = ['AUSTIN, TX, 78744, US', 'AUSTIN'];
    const hub = { status: 'in_transit', substatus: 'in_transit.hub_scan' } as const;
    expect(outcome).toEqual({
      kind: 'found',
      proofOfDelivery: { receivedBy: 'MARKER-RECEIVER-NAME' },
      events: [
        event('2026-03-10T09:12:00-06:00', '2026-03-10T15:12:00Z', 'OC', 'Shipment information sent to FedEx', ['37211, US', null], { status: 'info_received', substatus: 'info_received.label_created' }),
        event('2026-03-10T16:05:00-05:00', '2026-03-10T21:05:00Z', 'PU', 'Picked up', nashville, { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('2026-03-10T19:20:00-05:00', '2026-03-11T00:20:00Z', 'DP', 'Left FedEx origin facility', nashville, hub),
        event('2026-03-10T23:45:00-05:00', '2026-03-11T04:45:00Z', 'AR', 'Arrived at FedEx hub', memphis, hub),
        event('2026-03-11T03:10:00-05:00', '2026-03-11T08:10:00Z', 'DP', 'Departed FedEx hub', memphis, hub),
        event('2026-03-11T06:40:00-05:00', '2026-03-11T11:40:00Z', 'AR', 'At local FedEx facility', austin, hub),
        event('2026-03-11T08:05:00-05:00', '2026-03-11T13:05:00Z', 'OD', 'On FedEx vehicle for delivery', austin, { status: 'out_for_delivery', substatus: null }),
        event('2026-03-11T14:32:00-05:00', '2026-03-11T19:32:00Z', 'DL', 'Delivered', ['AUSTIN, TX, 78701, US', 'AUSTIN'], { status: 'delivered', substatus: null }),
      ],
    });
    const last = outcome.events.at(-1);
    expect(last?.status).toBe('delivered');
    expect(last?.occurredAt.toISOString()).toBe('2026-03-11T19:32:00.000Z');
    // A scan in the evening local time is already the next UTC day.
    expect(outcome.events[2]?.occurredAt.toISOString()).toBe('2026-03-11T00:20:00.000Z');
    // Delivered with an empty estimate window: no estimate is invented.
    expect(outcome.estimatedDelivery).toBeUndefined();
  });

  it('maps delay, customs, a failed attempt, pickup point and return, with FedEx’s reason text', async () => {
    tokenIssued();
    track().post(TRACK).reply(200, fixture('exception-returning'));

    const outcome = found(await trackOne('794600000033'));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['PU', 'in_transit', 'in_transit.picked_up'],
      ['CD', 'exception', 'exception.customs'],
      ['DY', 'in_transit', null],
      ['OD', 'out_for_delivery', null],
      ['DE', 'attempt_failed', null],
      ['HP', 'available_for_pickup', 'available_for_pickup.branch'],
      ['RS', 'returning', null],
    ]);
    expect(outcome.events[4]?.rawText).toBe('Delivery exception: Customer not available or business closed');
    expect(outcome.events[1]?.rawText).toBe('Clearance delay: Import documentation required');
    // Not delivered: the empty receivedByName is no proof of anything.
    expect(outcome.proofOfDelivery).toBeUndefined();
  });

  it('reads the estimated window’s end as the estimate, and the receiver as proof of delivery', async () => {
    tokenIssued();
    track().post(TRACK).reply(200, fixture('in-transit-estimated'));

    const outcome = found(await trackOne(IN_TRANSIT));

    expect(outcome.estimatedDelivery).toBe('2026-03-13T20:00:00-05:00');
    expect(outcome.proofOfDelivery).toBeUndefined();
  });

  it('falls back to the window start, then to ESTIMATED_DELIVERY, cutting offset-less times to their date', () => {
    const base = entry('in-transit-estimated').trackResults?.[0];
    if (!base) throw new Error('fixture has no track result');
    expect(estimatedDeliveryOf({ ...base, estimatedDeliveryTimeWindow: { window: { begins: '2026-03-13T08:00:00-05:00' } } })).toBe('2026-03-13T08:00:00-05:00');
    expect(estimatedDeliveryOf({ ...base, estimatedDeliveryTimeWindow: { window: { begins: '2026-03-13T08:00:00' } } })).toBe('2026-03-13');
    expect(estimatedDeliveryOf({ ...base, estimatedDeliveryTimeWindow: { window: {} } })).toBe('2026-03-13');
    expect(estimatedDeliveryOf({ ...base, estimatedDeliveryTimeWindow: null, dateAndTimes: [{ type: 'ESTIMATED_DELIVERY', dateTime: '2026-03-15' }] })).toBe('2026-03-15');
    expect(estimatedDeliveryOf({ ...base, estimatedDeliveryTimeWindow: null, dateAndTimes: [{ type: 'ESTIMATED_DELIVERY', dateTime: 'soon' }] })).toBeUndefined();
  });

  it('takes signedByName when receivedByName is empty', () => {
    const delivered = entry('full-history-delivered');
    const [result] = delivered.trackResults ?? [];
    if (!result) throw new Error('fixture has no track result');
    const outcome = parseCompleteResult({ ...delivered, trackResults: [{ ...result, deliveryDetails: { receivedByName: ' ', signedByName: 'MARKER-SIGNER-NAME' } }] });
    expect(found(outcome).proofOfDelivery).toEqual({ receivedBy: 'MARKER-SIGNER-NAME' });
  });

  it('keeps an offset, reads Z as UTC, and never reads an offset-less time as UTC', async () => {
    tokenIssued();
    track().post(TRACK).reply(200, fixture('times-offset-utc-local'));

    const outcome = found(await trackOne('794600000088'));

    expect(outcome.events.map((e) => [e.rawCode, e.localTime, e.timeZone, e.occurredAt.toISOString()])).toEqual([
      ['OC', '2026-03-09T15:30:57+0300', '+03:00', '2026-03-09T12:30:57.000Z'],
      // No offset: the wall clock is kept as an ordering estimate in an unknown zone.
      ['PU', '2026-03-10T00:00:00', UNKNOWN_TIME_ZONE, '2026-03-10T00:00:00.000Z'],
      ['AR', '2026-03-10T23:15:00Z', 'UTC', '2026-03-10T23:15:00.000Z'],
      ['DP', '2026-03-11T02:10:00+01:00', '+01:00', '2026-03-11T01:10:00.000Z'],
    ]);
    expect(outcome.events[3]?.location).toEqual({ text: 'PARIS, 95700, FR', city: 'PARIS', country: 'FR' });
    expect(outcome.estimatedDelivery).toBe('2026-03-14');
  });

  it('follows the most recent of several shipments under one number, or the operating company the shop named', async () => {
    tokenIssued();
    track().post(TRACK, bodyFor('794600000044')).reply(200, fixture('duplicate-shipments'));
    track().post(TRACK, { includeDetailedScans: true, trackingInfo: [{ trackingNumberInfo: { trackingNumber: '794600000044', carrierCode: 'FDXG' } }] }).reply(200, fixture('duplicate-shipments'));

    const fedex = adapter();
    const newest = found((await fedex.track(['794600000044'], BY_NUMBER)).get('794600000044'));
    const named = found((await fedex.track(['794600000044'], { by: 'trackingNumber', services: new Map([['794600000044', 'FDXG']]) })).get('794600000044'));

    expect(newest.events.map((e) => e.rawCode)).toEqual(['OC', 'PU', 'AR']);
    expect(newest.proofOfDelivery).toBeUndefined();
    expect(named.events.map((e) => e.rawCode)).toEqual(['PU', 'DL']);
    expect(named.proofOfDelivery).toEqual({ receivedBy: 'MARKER-OLD-RECEIVER' });
  });

  it('reports a per-number NOTFOUND error as not found', async () => {
    tokenIssued();
    track().post(TRACK).reply(200, fixture('not-found'));

    expect(await trackOne(NOT_FOUND)).toEqual({ kind: 'not_found' });
  });

  it('reports a request-level NOTFOUND for a single number as not found', async () => {
    tokenIssued();
    track().post(TRACK).reply(400, fixture('request-not-found'));

    expect(await trackOne(NOT_FOUND)).toEqual({ kind: 'not_found' });
  });

  it('keeps every number of a mixed batch apart', async () => {
    tokenIssued();
    const numbers = [DELIVERED, NOT_FOUND, '794600000055', '794600000066', '794600000077', '794600000999'];
    track().post(TRACK, bodyFor(...numbers)).reply(200, fixture('mixed-batch'));

    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(found(outcomes.get(DELIVERED)).events).toHaveLength(8);
    expect(outcomes.get(NOT_FOUND)).toEqual({ kind: 'not_found' });
    expect(remember(outcomes.get('794600000055'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'FedEx rejected the number: TRACKING.TRACKINGNUMBER.INVALID' } });
    expect(remember(outcomes.get('794600000066'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'FedEx reported SYSTEM.UNAVAILABLE.EXCEPTION for this number' } });
    expect(remember(outcomes.get('794600000077'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable scanEvents date in event 1' } });
    expect(remember(outcomes.get('794600000999'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the FedEx answer' } });
  });

  it('splits more than 30 numbers into batches of 30', async () => {
    tokenIssued();
    const numbers = Array.from({ length: 31 }, (_, i) => `7946000${String(i).padStart(5, '0')}`);
    const sizes: number[] = [];
    track()
      .post(TRACK, (body: { trackingInfo: unknown[] }) => {
        sizes.push(body.trackingInfo.length);
        return true;
      })
      .times(2)
      .reply(200, { output: { completeTrackResults: [] } });

    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(FEDEX_LIMITS.maxBatch).toBe(30);
    expect(sizes).toEqual([30, 1]);
    expect(outcomes.size).toBe(31);
  });

  it('fails the whole batch with auth on 403', async () => {
    tokenIssued();
    track().post(TRACK).reply(403, fixture('forbidden'));

    const outcomes = await adapter().track([DELIVERED, NOT_FOUND], BY_NUMBER);

    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('reports HTTP 429 as rate limited with Retry-After, and stops asking for the rest of the call', async () => {
    tokenIssued();
    track().post(TRACK).reply(429, fixture('rate-limited'), { 'Retry-After': '10' });
    const numbers = Array.from({ length: 31 }, (_, i) => `7946000${String(i).padStart(5, '0')}`);

    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(outcomes.size).toBe(31);
    expect(new Set([...outcomes.values()].map((o) => JSON.stringify(remember(o))))).toEqual(new Set([JSON.stringify({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 10_000 } })]));
  });

  it('names an exhausted daily quota and waits until midnight GMT', async () => {
    tokenIssued();
    track().post(TRACK).reply(429, fixture('quota-exceeded'));

    expect(untilMidnightUtc(NOW)).toBe(6 * 3600_000);
    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 6 * 3600_000, detail: 'daily transaction quota exceeded' } });
  });

  it('reports HTTP 500 as unavailable', async () => {
    tokenIssued();
    track().post(TRACK).reply(500, fixture('server-error'));

    expect(remember(await trackOne(DELIVERED))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
  });

  it('reports a timeout as unavailable', async () => {
    tokenIssued();
    track().post(TRACK).delay(1000).reply(200, fixture('full-history-delivered'));

    const outcome = remember(await trackOne(DELIVERED, { timeoutMs: 200 }));

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(outcome?.kind === 'failed' && outcome.failure.kind === 'unavailable' && outcome.failure.detail).toMatch(/timeout/);
  });

  it('reports a body without output, or not JSON at all, as malformed', async () => {
    tokenIssued();
    track().post(TRACK).reply(200, fixture('malformed'));
    track().post(TRACK).reply(200, '<html>Maintenance</html>', { 'Content-Type': 'text/html' });

    const fedex = adapter();
    const json = (await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED);
    const html = (await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED);

    expect(remember(json)).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'track answer has no output.completeTrackResults' } });
    expect(html).toMatchObject({ kind: 'failed', failure: { kind: 'malformed' } });
  });

  it('reads request-level errors[] bodies: 400 names the code, a 200 carrying errors is unavailable', async () => {
    tokenIssued();
    track().post(TRACK).reply(400, fixture('bad-request'));
    track().post(TRACK).reply(200, fixture('server-error'));

    const fedex = adapter();
    const rejected = (await fedex.track([DELIVERED, NOT_FOUND], BY_NUMBER)).get(NOT_FOUND);
    const errorIn200 = (await fedex.track([DELIVERED], BY_NUMBER)).get(DELIVERED);

    expect(remember(rejected)).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'carrier answered HTTP 400 (TRACKING.TRACKINGNUMBER.EMPTY)' } });
    expect(remember(errorIn200)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'FedEx reported INTERNAL.SERVER.ERROR in an HTTP 200 answer' } });
  });

  it('refuses to be asked by reference, without a request', async () => {
    const outcomes = await adapter().track(['SHOP-1'], { by: 'reference' });

    expect(outcomes.get('SHOP-1')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'FedEx is tracked by tracking number only' } });
  });
});

describe('fedex statuses', () => {
  it('maps every documented event type and derived status to a canonical status and a known substatus', () => {
    for (const table of [FEDEX_EVENT_TYPES, FEDEX_DERIVED_STATUSES]) {
      for (const [code, mapping] of Object.entries(table)) {
        const mapped = mapStatus('fedex', table, code);
        expect(isShipmentStatus(mapped.status)).toBe(true);
        expect(mapped.substatus === null || isSubstatus(mapped.substatus)).toBe(true);
        expect(mapped.substatus).not.toBe('unmapped');
        expect([code, mapped.status]).toEqual([code, mapping.status]);
      }
    }
    // The movement and regulatory codes of FedEx's table (EA is listed twice), plus AE seen in a real answer.
    const movement = 'AA AC AD AF AO AP AR AX CA CH DD DE DL DP DR DS DY EA ED EO EP FD HL HP IT IX LO OC OD OF OW OX PD PF PL PM PU PX RR RM RC RS RP LP RG RD SE SF SP TR';
    expect(Object.keys(FEDEX_EVENT_TYPES).sort()).toEqual([...movement.split(' '), 'CC', 'CD', 'CP', 'AE'].sort());
    // The table itself writes `Ow`: codes are looked up upper-cased and kept verbatim.
    expect(mapScanEvent('Ow', null)).toEqual({ rawCode: 'Ow', status: 'in_transit', substatus: null });
  });

  it('has no unmapped code in any fixture but the one made for it', () => {
    const names = ['full-history-delivered', 'in-transit-estimated', 'exception-returning', 'duplicate-shipments', 'mixed-batch', 'times-offset-utc-local', 'unknown-code'];
    for (const name of names) {
      const body = fixture(name) as { output: { completeTrackResults: { trackResults?: { scanEvents?: { eventType: string; derivedStatusCode: string }[] }[] }[] } };
      for (const result of body.output.completeTrackResults.flatMap((c) => c.trackResults ?? [])) {
        for (const scan of result.scanEvents ?? []) {
          const known = Object.hasOwn(FEDEX_EVENT_TYPES, scan.eventType) || Object.hasOwn(FEDEX_DERIVED_STATUSES, scan.derivedStatusCode);
          expect([name, scan.eventType, known]).toEqual([name, scan.eventType, !(name === 'unknown-code' && scan.eventType === 'ZZ')]);
        }
      }
    }
  });

  it('falls back on the derived status for an unknown event type, and keeps a code neither knows as unmapped and counted', async () => {
    tokenIssued();
    track().post(TRACK).reply(200, fixture('unknown-code'));
    const before = unmappedCodeCounts.get('fedex') ?? 0;

    const outcome = found(await trackOne('794600000099'));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['PU', 'in_transit', 'in_transit.picked_up'],
      ['QX', 'in_transit', null],
      ['ZZ', FEDEX_FALLBACK_STATUS, 'unmapped'],
    ]);
    expect(outcome.events[2]?.rawText).toBe('A scan type nobody documented');
    expect(unmappedCodeCounts.get('fedex')).toBe(before + 1);
  });
});

describe('fedex config', () => {
  const env = { CARRIER_FEDEX_CLIENT_ID: CLIENT_ID, CARRIER_FEDEX_CLIENT_SECRET: CLIENT_SECRET };

  it('is enabled by both credentials and picks the sandbox on CARRIER_FEDEX_TEST', () => {
    expect(fedexCarrier.enableWith).toEqual(Object.keys(env));
    expect(fedexCarrier.loadConfig({})).toEqual({ enabled: false });
    const prod = fedexCarrier.loadConfig(env);
    const test = fedexCarrier.loadConfig({ ...env, CARRIER_FEDEX_TEST: 'true' });
    const local = fedexCarrier.loadConfig({ ...env, CARRIER_FEDEX_BASE_URL: 'http://127.0.0.1:8443/ignored' });
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://apis.fedex.com');
    expect(test.enabled === true && test.config.baseUrl).toBe('https://apis-sandbox.fedex.com');
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:8443');
  });

  it('names the missing variable when only one credential is set, never a value', () => {
    const partial = fedexCarrier.loadConfig({ CARRIER_FEDEX_CLIENT_ID: CLIENT_ID });
    expect(partial).toEqual({ enabled: 'invalid', problems: [expect.stringContaining('CARRIER_FEDEX_CLIENT_SECRET')] });
    expect(JSON.stringify(partial)).not.toContain(CLIENT_ID);
  });
});

describe('fedex end to end through the real poller', () => {
  const seen: { url: string; auth: boolean; asked: unknown }[] = [];
  let tokensIssued = 0;

  const e2e = useLoopbackCarrier(fedexCarrier, captured.logger, (req, res, body) => {
    const json = (status: number, payload: unknown) => replyJson(res, status, payload);
    if (req.method === 'POST' && req.url === '/oauth/token') {
      const form = new URLSearchParams(body);
      const ok = form.get('grant_type') === 'client_credentials' && form.get('client_id') === CLIENT_ID && form.get('client_secret') === CLIENT_SECRET;
      if (ok) tokensIssued += 1;
      return ok ? json(200, fixture('token')) : json(401, fixture('token-refused'));
    }
    const bearer = req.headers.authorization === `Bearer ${TOKEN}`;
    const asked = JSON.parse(body || '{}') as { trackingInfo?: { trackingNumberInfo: { trackingNumber: string } }[] };
    seen.push({ url: req.url ?? '', auth: bearer, asked });
    if (!bearer) return json(401, fixture('bad-credentials'));
    if (req.method !== 'POST' || req.url !== TRACK) return json(404, { errors: [{ code: 'NOT.FOUND.ERROR' }] });
    const delivered = (fixture('full-history-delivered') as { output: { completeTrackResults: unknown[] } }).output.completeTrackResults[0];
    const unknown = (fixture('not-found') as { output: { completeTrackResults: unknown[] } }).output.completeTrackResults[0] as object;
    const results = (asked.trackingInfo ?? []).map(({ trackingNumberInfo: { trackingNumber } }) =>
      trackingNumber === DELIVERED ? delivered : { ...unknown, trackingNumber },
    );
    return json(200, { transactionId: 'e2e', output: { completeTrackResults: results } });
  });

  it('tracks a delivered parcel and an unknown one in one batch, with one token', async () => {
    const { store } = e2e;
    const poller = e2e.poller({ CARRIER_FEDEX_CLIENT_ID: CLIENT_ID, CARRIER_FEDEX_CLIENT_SECRET: CLIENT_SECRET }, () => NOW);
    const parcel = await storeShipment(store, new Date('2026-03-10T10:00:00Z'), { carrier: 'fedex', trackingNumber: DELIVERED, carrierService: 'FDXE' });
    const lost = await storeShipment(store, new Date('2026-03-10T10:00:00Z'), { carrier: 'fedex', trackingNumber: NOT_FOUND, orderId: 'ORDER-2' });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 2, found: 1, notFound: 1, failed: 0, eventsAdded: 8 });
    expect(tokensIssued).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.auth).toBe(true);
    expect((seen[0]?.asked as { trackingInfo: unknown[] }).trackingInfo).toEqual(
      expect.arrayContaining([
        { trackingNumberInfo: { trackingNumber: DELIVERED, carrierCode: 'FDXE' } },
        { trackingNumberInfo: { trackingNumber: NOT_FOUND } },
      ]),
    );
    const stored = await store.shipments.get(parcel.id);
    expect(stored).toMatchObject({ status: 'delivered', proofOfDelivery: { receivedBy: 'MARKER-RECEIVER-NAME' } });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-03-11T19:32:00.000Z');
    expect((await store.shipments.get(lost.id))?.status).toBe('not_found');
    const events = await e2e.eventsInOrder(parcel.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.localTime, e.timeZone, e.occurredAt.toISOString()])).toEqual([
      ['OC', 'info_received', '2026-03-10T09:12:00-06:00', '-06:00', '2026-03-10T15:12:00.000Z'],
      ['PU', 'in_transit', '2026-03-10T16:05:00-05:00', '-05:00', '2026-03-10T21:05:00.000Z'],
      ['DP', 'in_transit', '2026-03-10T19:20:00-05:00', '-05:00', '2026-03-11T00:20:00.000Z'],
      ['AR', 'in_transit', '2026-03-10T23:45:00-05:00', '-05:00', '2026-03-11T04:45:00.000Z'],
      ['DP', 'in_transit', '2026-03-11T03:10:00-05:00', '-05:00', '2026-03-11T08:10:00.000Z'],
      ['AR', 'in_transit', '2026-03-11T06:40:00-05:00', '-05:00', '2026-03-11T11:40:00.000Z'],
      ['OD', 'out_for_delivery', '2026-03-11T08:05:00-05:00', '-05:00', '2026-03-11T13:05:00.000Z'],
      ['DL', 'delivered', '2026-03-11T14:32:00-05:00', '-05:00', '2026-03-11T19:32:00.000Z'],
    ]);
  });
});

describe('fedex credentials and personal data', () => {
  it('never reach a failure detail or a log line', () => {
    expect(failureDetails.length).toBeGreaterThan(5);
    const everything = [...failureDetails, captured.text()].join('\n');
    expect(captured.lines.length).toBeGreaterThan(0);
    const markers = [CLIENT_ID, CLIENT_SECRET, TOKEN, 'MARKER-TOKEN-OLD', 'MARKER-TOKEN-NEW', 'MARKER-RECEIVER-NAME', 'MARKER-SIGNER-NAME', 'MARKER-RECIPIENT', 'MARKER-DELIVERY-STREET', 'MARKER-ECHOED-INPUT'];
    for (const marker of markers) expect(everything).not.toContain(marker);
  });
});
