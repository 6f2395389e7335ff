import { readFileSync } from 'node:fs';
import nock from 'nock';
import { SEVENTEEN_TRACK_LIMITS, seventeenTrackCarrier } from '../../carriers/17track/index.js';
import { estimateOf, parseEvent } from '../../carriers/17track/parse.js';
import { FALLBACK_STATUS, MAIN_STATUSES, mapEventStatus, STAGES, SUB_STATUSES } from '../../carriers/17track/statuses.js';
import { UNKNOWN_TIME_ZONE, unmappedCodeCounts, type CarrierEvent, type StatusMapping, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { useLoopbackCarrier } from '../support/carrier-end-to-end.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { replyJson } from '../support/loopback-server.js';
import { useCarrierNock } from '../support/nock-lifecycle.js';
import { failureLog, found } from '../support/track-outcomes.js';

const BASE_URL = 'https://seventeen-track.test';
const API_KEY = 'MARKER-17TRACK-KEY-5b7e';
const NOW = new Date('2026-03-13T00:00:00Z');
const TRACK = '/track/v2.2/gettrackinfo';
const REGISTER = '/track/v2.2/register';
const BY_NUMBER: TrackContext = { by: 'trackingNumber' };
const TWO_LEGS = 'YT2412345678901234';

const captured = captureLogger('debug');

function fixture(name: string): nock.Body {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/17track/${name}.json`, import.meta.url), 'utf8'));
}

function adapter(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  return seventeenTrackCarrier.create(
    { baseUrl: options.baseUrl ?? BASE_URL, testEnvironment: false, credentials: { API_KEY: new Secret(API_KEY) } },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: () => NOW, logger: captured.logger },
  );
}

/** 17TRACK with the right key; any other key makes nock refuse the request. */
function api() {
  return nock(BASE_URL).matchHeader('17token', API_KEY).matchHeader('content-type', /^application\/json/);
}

function services(entries: Record<string, string>): TrackContext {
  return { by: 'trackingNumber', services: new Map(Object.entries(entries)) };
}

async function trackOne(number: string, options: { timeoutMs?: number } = {}): Promise<TrackOutcome | undefined> {
  return (await adapter(options).track([number], BY_NUMBER)).get(number);
}

const { details: failureDetails, remember } = failureLog();

type Wire = { track_info?: { tracking?: { providers?: { events?: { sub_status?: string; stage?: string }[] }[] } } };
function wireEvents(name: string): { sub_status?: string; stage?: string }[] {
  const body = fixture(name) as { data?: { accepted?: Wire[] } };
  return (body.data?.accepted ?? []).flatMap((a) => (a.track_info?.tracking?.providers ?? []).flatMap((p) => p.events ?? []));
}

useCarrierNock();

describe('17track adapter: request shape', () => {
  it('POSTs gettrackinfo with the 17token header and the shop’s numeric carrier code', async () => {
    const track = api().post(TRACK, [{ number: TWO_LEGS, carrier: 100003 }]).reply(200, fixture('two-legs-delivered'));

    const outcome = (await adapter().track([TWO_LEGS], services({ [TWO_LEGS]: '100003' }))).get(TWO_LEGS);

    expect(track.isDone()).toBe(true);
    expect(outcome?.kind).toBe('found');
  });

  it('leaves the carrier out when the shop gave none or a key that is not 17TRACK’s number', async () => {
    api()
      .post(TRACK, [{ number: 'ZZ0000000001' }, { number: 'ZZ0000000002' }])
      .reply(200, { code: 0, data: { accepted: [], rejected: [] } });

    const outcomes = await adapter().track(['ZZ0000000001', 'ZZ0000000002'], services({ ZZ0000000002: 'express' }));

    // Neither came back: each fails on its own, nothing is invented.
    expect(outcomes.get('ZZ0000000001')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the 17TRACK answer' } });
  });

  it('never sends more than 40 numbers in one request', async () => {
    const numbers = Array.from({ length: 45 }, (_, i) => `ZZ${String(i).padStart(10, '0')}`);
    const sizes: number[] = [];
    api()
      .post(TRACK, (body: unknown) => Array.isArray(body) && sizes.push(body.length) > 0)
      .times(2)
      .reply(200, { code: 0, data: { accepted: [], rejected: [] } });

    await adapter().track(numbers, BY_NUMBER);

    expect(sizes).toEqual([40, 5]);
    expect(SEVENTEEN_TRACK_LIMITS).toEqual({ maxBatch: 40, requestsPerSecond: 2, concurrency: 1 });
  });
});

describe('17track adapter: answers', () => {
  it('merges the events of every provider leg, without the scan both legs report', async () => {
    api().post(TRACK).reply(200, fixture('two-legs-delivered'));

    const outcome = found(await trackOne(TWO_LEGS));

    const event = (iso: string, utc: string, rawCode: string, rawText: string, where: CarrierEvent['location'], mapped: Pick<CarrierEvent, 'status' | 'substatus'>): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime: iso,
      timeZone: iso.slice(-6),
      rawCode,
      rawText,
      location: where,
      ...mapped,
    });
    const shenzhen = { text: 'Shenzhen', city: 'Shenzhen', country: 'CN' };
    const jamaica = { text: 'JAMAICA, NY', city: 'JAMAICA', country: 'US' };
    const newYork = { text: 'NEW YORK, NY 10001', city: 'NEW YORK', country: 'US' };
    expect(outcome).toEqual({
      kind: 'found',
      estimatedDelivery: '2026-03-13T00:00:00-05:00',
      proofOfDelivery: { receivedBy: 'MARKER-SIGNER-NAME' },
      events: [
        event('2026-03-04T20:00:00+08:00', '2026-03-04T12:00:00Z', 'InfoReceived', 'Shipment information received', { text: null, city: null, country: null }, { status: 'info_received', substatus: 'info_received.label_created' }),
        event('2026-03-05T11:02:00+08:00', '2026-03-05T03:02:00Z', 'InTransit_PickedUp', 'Picked up by the courier', { text: 'Dongguan', city: 'Dongguan', country: 'CN' }, { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('2026-03-05T18:40:00+08:00', '2026-03-05T10:40:00Z', 'InTransit_Other', 'Arrived at the sorting center', shenzhen, { status: 'in_transit', substatus: null }),
        event('2026-03-06T09:15:00+08:00', '2026-03-06T01:15:00Z', 'InTransit_Departure', 'Departed from the origin country', shenzhen, { status: 'in_transit', substatus: null }),
        event('2026-03-09T16:30:00-05:00', '2026-03-09T21:30:00Z', 'InTransit_Arrival', 'Arrived in the destination country', jamaica, { status: 'in_transit', substatus: null }),
        event('2026-03-10T22:10:00-05:00', '2026-03-11T03:10:00Z', 'InTransit_CustomsReleased', 'Customs clearance completed', jamaica, { status: 'in_transit', substatus: null }),
        event('2026-03-12T07:40:00-05:00', '2026-03-12T12:40:00Z', 'OutForDelivery_Other', 'Out for Delivery', newYork, { status: 'out_for_delivery', substatus: null }),
        event('2026-03-12T14:05:00-05:00', '2026-03-12T19:05:00Z', 'Delivered_Other', 'Delivered, In/At Mailbox', newYork, { status: 'delivered', substatus: null }),
      ],
    });
    expect(outcome.events).toHaveLength(8);
    expect(outcome.events.filter((e) => e.rawText === 'Departed from the origin country')).toHaveLength(1);
    // 22:10 local in New York is already the next day in UTC.
    expect(outcome.events[5]?.occurredAt.toISOString()).toBe('2026-03-11T03:10:00.000Z');
    expect(outcome.events.at(-1)?.status).toBe('delivered');
  });

  it('registers numbers 17TRACK does not know in one call, with their carrier codes, and keeps them pending', async () => {
    const numbers = ['ZZ0000000031', 'ZZ0000000032', 'ZZ0000000033', 'ZZ0000000034'];
    const items = [{ number: 'ZZ0000000031', carrier: 190008 }, { number: 'ZZ0000000032' }, { number: 'ZZ0000000033' }, { number: 'ZZ0000000034' }];
    api().post(TRACK, items).reply(200, fixture('register-needed'));
    const register = api().post(REGISTER, items).once().reply(200, fixture('register-mixed'));

    const outcomes = await adapter().track(numbers, services({ ZZ0000000031: '190008' }));

    expect(register.isDone()).toBe(true);
    expect(outcomes.get('ZZ0000000031')).toEqual({ kind: 'found', events: [] });
    // Already registered (a race with another poll) is as good as registered.
    expect(outcomes.get('ZZ0000000032')).toEqual({ kind: 'found', events: [] });
    expect(remember(outcomes.get('ZZ0000000033'))).toEqual({
      kind: 'failed',
      failure: { kind: 'unavailable', detail: "17TRACK could not detect the carrier; register it with carrierService set to 17TRACK's carrier code" },
    });
    expect(remember(outcomes.get('ZZ0000000034'))).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', detail: '17TRACK quota exhausted' } });
  });

  it('reports main status NotFound without events as not found', async () => {
    api().post(TRACK).reply(200, fixture('not-found'));

    expect(await trackOne('ZZ0000000404')).toEqual({ kind: 'not_found' });
  });

  it('reads each time shape: UTC with offset, offset only, raw time with and without an offset, UTC only', async () => {
    api().post(TRACK).reply(200, fixture('times-mixed'));

    const outcome = found(await trackOne('ZZ0000000010'));

    expect(outcome.events.map((e) => [e.rawText, e.occurredAt.toISOString(), e.localTime, e.timeZone])).toEqual([
      ['UTC and offset', '2026-03-02T06:30:00.000Z', '2026-03-02T09:30:00+03:00', '+03:00'],
      ['Offset without UTC', '2026-03-03T04:30:00.000Z', '2026-03-03T10:00:00+05:30', '+05:30'],
      // A bare wall clock is never read as UTC: its instant is only an ordering estimate.
      ['Raw local time only', '2026-03-04T08:15:00.000Z', '2026-03-04 08:15', UNKNOWN_TIME_ZONE],
      ['Raw time with an offset', '2026-03-05T15:00:00.000Z', '2026-03-05 12:00:00', '-03:00'],
      ['Offset-less ISO beside UTC', '2026-03-06T12:00:00.000Z', '2026-03-06T14:00:00', '+02:00'],
      ['UTC only', '2026-03-07T00:00:00.000Z', '2026-03-07T00:00:00Z', 'UTC'],
    ]);
    expect(outcome.estimatedDelivery).toBe('2026-03-20');
    expect(outcome.proofOfDelivery).toBeUndefined();
    expect(outcome.events[0]?.location).toEqual({ text: 'Hub A', city: 'İstanbul', country: 'TR' });
  });

  it('keeps the estimate as a date, or as a time when it has an offset', () => {
    const window = (from: string | null, to: string | null) => ({ time_metrics: { estimated_delivery_date: { source: 'Official', from, to } } });
    expect(estimateOf(window('2026-03-11', '2026-03-13'))).toBe('2026-03-13');
    expect(estimateOf(window('2026-03-11T00:00:00+08:00', null))).toBe('2026-03-11T00:00:00+08:00');
    expect(estimateOf(window(null, '2026-03-13T18:00:00'))).toBe('2026-03-13');
    expect(estimateOf(window(null, 'soon'))).toBeUndefined();
    expect(estimateOf({})).toBeUndefined();
  });

  it('fails with auth on a refused key, an IP off the allow-list and HTTP 401', async () => {
    api().post(TRACK).reply(200, fixture('bad-key'));
    api().post(TRACK).reply(200, fixture('ip-not-allowed'));
    api().post(TRACK).reply(401, fixture('bad-key'));

    for (let i = 0; i < 3; i += 1) {
      const outcomes = await adapter().track(['ZZ0000000001', 'ZZ0000000002'], BY_NUMBER);
      expect([...outcomes.values()].map(remember)).toEqual([
        { kind: 'failed', failure: { kind: 'auth' } },
        { kind: 'failed', failure: { kind: 'auth' } },
      ]);
    }
  });

  it('reports HTTP 429 as rate limited with Retry-After', async () => {
    api().post(TRACK).reply(429, fixture('rate-limited'), { 'Retry-After': '30' });

    expect(remember(await trackOne('ZZ0000000001'))).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('names an exhausted quota, request-level or beside a 429', async () => {
    api().post(TRACK).reply(200, fixture('quota-exhausted'));
    api().post(TRACK).reply(429, fixture('quota-exhausted'), { 'Retry-After': '60' });
    api().post(TRACK).reply(200, { code: -18019907, data: { errors: [{ code: -18019907, message: 'Exceeded the daily limit.' }] } });

    expect(remember(await trackOne('ZZ0000000001'))).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', detail: '17TRACK quota exhausted' } });
    expect(await trackOne('ZZ0000000001')).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 60_000, detail: '17TRACK quota exhausted' } });
    expect(await trackOne('ZZ0000000001')).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', detail: '17TRACK daily quota exhausted' } });
  });

  it('reports HTTP 503 and an internal error code as unavailable', async () => {
    api().post(TRACK).reply(503, fixture('server-error'));
    api().post(TRACK).reply(200, fixture('server-error'));

    expect(remember(await trackOne('ZZ0000000001'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
    expect(remember(await trackOne('ZZ0000000001'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: '17TRACK internal error (-18010003)' } });
  });

  it('reports a timeout as unavailable', async () => {
    api().post(TRACK).delay(1000).reply(200, fixture('two-legs-delivered'));

    const outcome = remember(await trackOne(TWO_LEGS, { timeoutMs: 200 }));

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(outcome?.kind === 'failed' && outcome.failure.kind === 'unavailable' && outcome.failure.detail).toMatch(/timeout/);
  });

  it('reports bodies it cannot read as malformed, and the 40-number error too', async () => {
    api().post(TRACK).reply(200, fixture('malformed'));
    api().post(TRACK).reply(200, '<html>maintenance</html>', { 'Content-Type': 'text/html' });
    api().post(TRACK).reply(200, fixture('too-many-numbers'));

    expect(remember(await trackOne('ZZ0000000001'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: '17TRACK answer is not a {code, data} envelope' } });
    expect(remember(await trackOne('ZZ0000000001'))).toMatchObject({ kind: 'failed', failure: { kind: 'malformed' } });
    expect(remember(await trackOne('ZZ0000000001'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: '17TRACK refused a request of more than 40 numbers (-18010014)' } });
  });

  it('keeps every number of a mixed batch apart', async () => {
    const numbers = ['ZZ0000000001', 'ZZ0000000002', 'ZZ0000000003', 'ZZ0000000004', 'ZZ0000000005', 'ZZ0000000006', 'ZZ0000000007'];
    api().post(TRACK).reply(200, fixture('mixed-batch'));
    api().post(REGISTER, [{ number: 'ZZ0000000003' }]).reply(200, fixture('mixed-batch-register'));

    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(found(outcomes.get('ZZ0000000001')).events.map((e) => e.status)).toEqual(['in_transit', 'out_for_delivery']);
    expect(outcomes.get('ZZ0000000002')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('ZZ0000000003')).toEqual({ kind: 'found', events: [] });
    // "No tracking information yet": known to 17TRACK, nothing to say yet.
    expect(outcomes.get('ZZ0000000004')).toEqual({ kind: 'found', events: [] });
    expect(remember(outcomes.get('ZZ0000000005'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable event time in event 1' } });
    expect(remember(outcomes.get('ZZ0000000006'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: '17TRACK does not know the carrier code given as carrierService (-18019910)' } });
    expect(remember(outcomes.get('ZZ0000000007'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the 17TRACK answer' } });
  });

  it('fails only the new numbers when the register call itself fails', async () => {
    api().post(TRACK).reply(200, fixture('mixed-batch'));
    api().post(REGISTER).reply(429, fixture('rate-limited'), { 'Retry-After': '2' });

    const outcomes = await adapter().track(['ZZ0000000001', 'ZZ0000000003'], BY_NUMBER);

    expect(outcomes.get('ZZ0000000001')?.kind).toBe('found');
    expect(outcomes.get('ZZ0000000003')).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 2000 } });
  });
});

describe('17track statuses', () => {
  it('maps all 30 sub-statuses, 9 main statuses and 9 stages to a canonical status and a known substatus', () => {
    expect(Object.keys(SUB_STATUSES)).toHaveLength(30);
    expect(Object.keys(MAIN_STATUSES)).toHaveLength(9);
    expect(Object.keys(STAGES)).toHaveLength(9);
    const tables: Readonly<Record<string, StatusMapping>>[] = [SUB_STATUSES, MAIN_STATUSES, STAGES];
    for (const mapping of tables.flatMap((table) => Object.values(table))) {
      const substatus = mapping.substatus;
      expect(isShipmentStatus(mapping.status)).toBe(true);
      expect(substatus === undefined || (isSubstatus(substatus) && substatus !== 'unmapped')).toBe(true);
    }
    // Every sub-status belongs to one of the main statuses (its prefix).
    for (const code of Object.keys(SUB_STATUSES)) expect(Object.keys(MAIN_STATUSES)).toContain(code.split('_')[0]);
    for (const [code, mapping] of Object.entries(SUB_STATUSES)) expect(mapEventStatus(code, null).status).toBe(mapping.status);
    for (const [stage, mapping] of Object.entries(STAGES)) expect(mapEventStatus('', stage)).toEqual({ status: mapping.status, substatus: 'substatus' in mapping ? mapping.substatus : null });
  });

  it('has no unmapped code in any fixture but the one made for it', () => {
    const names = ['two-legs-delivered', 'times-mixed', 'not-found', 'mixed-batch', 'unknown-sub-status'];
    const unmapped = names.flatMap((name) =>
      wireEvents(name)
        .filter((e) => !(e.sub_status ? Object.hasOwn(SUB_STATUSES, e.sub_status) : Object.hasOwn(STAGES, e.stage ?? '')))
        .map((e) => [name, e.sub_status || e.stage]),
    );
    expect(unmapped).toEqual([['unknown-sub-status', 'InTransit_Sorting']]);
  });

  it('keeps an unknown sub-status unmapped and counted, with its main status as the status', async () => {
    api().post(TRACK).reply(200, fixture('unknown-sub-status'));
    const before = unmappedCodeCounts.get('17track') ?? 0;

    const outcome = found(await trackOne('ZZ0000000020'));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['InTransit_Sorting', 'in_transit', 'unmapped'],
      // No sub-status: the documented stage decides, and is not unmapped.
      ['Returning', 'returning', null],
    ]);
    expect(unmappedCodeCounts.get('17track')).toBe(before + 1);
    expect(mapEventStatus('Exception_Held', null)).toEqual({ status: 'exception', substatus: 'unmapped' });
    expect(mapEventStatus('', 'Inbound')).toEqual({ status: FALLBACK_STATUS, substatus: 'unmapped' });
  });

  it('fails an event with no readable time', () => {
    expect(parseEvent({ time_iso: 'yesterday', time_utc: null, description: 'x', location: null, stage: null, sub_status: 'InTransit_Other' })).toBeNull();
  });
});

describe('17track config', () => {
  const env = { CARRIER_17TRACK_API_KEY: API_KEY };

  it('is enabled by the API key, on production; there is no test host, so the test switch keeps production', () => {
    expect(seventeenTrackCarrier.enableWith).toEqual(['CARRIER_17TRACK_API_KEY']);
    expect(seventeenTrackCarrier.displayName).toBe('17TRACK (any carrier)');
    expect(seventeenTrackCarrier.loadConfig({})).toEqual({ enabled: false });
    const prod = seventeenTrackCarrier.loadConfig(env);
    const test = seventeenTrackCarrier.loadConfig({ ...env, CARRIER_17TRACK_TEST: 'true' });
    const local = seventeenTrackCarrier.loadConfig({ ...env, CARRIER_17TRACK_BASE_URL: 'http://127.0.0.1:8443/ignored' });
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://api.17track.net');
    expect(test.enabled === true && test.config).toMatchObject({ baseUrl: 'https://api.17track.net', testEnvironment: true });
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:8443');
    expect(JSON.stringify(prod)).not.toContain(API_KEY);
  });

  it('names the bad variable, never a value', () => {
    const bad = seventeenTrackCarrier.loadConfig({ ...env, CARRIER_17TRACK_BASE_URL: 'ftp://x', CARRIER_17TRACK_TEST: 'maybe' });
    expect(bad).toEqual({
      enabled: 'invalid',
      problems: [expect.stringContaining('CARRIER_17TRACK_TEST'), expect.stringContaining('CARRIER_17TRACK_BASE_URL')],
    });
    expect(JSON.stringify(bad)).not.toContain(API_KEY);
  });
});

describe('17track end to end through the real poller', () => {
  const FIRST_POLL = new Date('2026-03-13T00:00:00Z');
  const SECOND_POLL = new Date('2026-03-13T05:00:00Z');
  let registered = false;
  const seen: { url: string; carriers: unknown[] }[] = [];

  const e2e = useLoopbackCarrier(seventeenTrackCarrier, captured.logger, (req, res, body) => {
    const json = (status: number, payload: unknown) => replyJson(res, status, payload, 'application/json; charset=utf-8');
    if (req.headers['17token'] !== API_KEY) return json(401, fixture('bad-key'));
    const items = JSON.parse(body) as { number: string; carrier?: unknown }[];
    seen.push({ url: req.url ?? '', carriers: items.map((i) => i.carrier) });
    const known = items.every((i) => i.number === TWO_LEGS && i.carrier === 100003);
    if (req.method !== 'POST' || !known) return json(200, { code: 0, data: { accepted: [], rejected: [] } });
    if (req.url === REGISTER) {
      registered = true;
      return json(200, fixture('register-accepted'));
    }
    if (req.url === TRACK) return json(200, fixture(registered ? 'two-legs-delivered' : 'not-registered'));
    return json(404, {});
  });

  it('registers a new number on the first poll and reads the merged history of both legs on the next', async () => {
    const { store } = e2e;
    let now = FIRST_POLL;
    const poller = e2e.poller({ CARRIER_17TRACK_API_KEY: API_KEY }, () => now);
    const shipment = await storeShipment(store, new Date('2026-03-04T10:00:00Z'), { carrier: '17track', trackingNumber: TWO_LEGS, carrierService: '100003' });

    const first = await poller.pollDue();

    expect(first).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 0 });
    expect(seen).toEqual([
      { url: TRACK, carriers: [100003] },
      { url: REGISTER, carriers: [100003] },
    ]);
    expect(await store.shipments.get(shipment.id)).toMatchObject({ status: 'pending', lastPollError: null });

    now = SECOND_POLL;
    const second = await poller.pollDue();

    expect(second).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 8 });
    expect(seen.map((s) => s.url)).toEqual([TRACK, REGISTER, TRACK]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({
      status: 'delivered',
      estimatedDelivery: '2026-03-13T00:00:00-05:00',
      proofOfDelivery: { receivedBy: 'MARKER-SIGNER-NAME' },
    });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-03-12T19:05:00.000Z');
    const events = await e2e.eventsInOrder(shipment.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.timeZone, e.occurredAt.toISOString()])).toEqual([
      ['InfoReceived', 'info_received', '+08:00', '2026-03-04T12:00:00.000Z'],
      ['InTransit_PickedUp', 'in_transit', '+08:00', '2026-03-05T03:02:00.000Z'],
      ['InTransit_Other', 'in_transit', '+08:00', '2026-03-05T10:40:00.000Z'],
      ['InTransit_Departure', 'in_transit', '+08:00', '2026-03-06T01:15:00.000Z'],
      ['InTransit_Arrival', 'in_transit', '-05:00', '2026-03-09T21:30:00.000Z'],
      ['InTransit_CustomsReleased', 'in_transit', '-05:00', '2026-03-11T03:10:00.000Z'],
      ['OutForDelivery_Other', 'out_for_delivery', '-05:00', '2026-03-12T12:40:00.000Z'],
      ['Delivered_Other', 'delivered', '-05:00', '2026-03-12T19:05:00.000Z'],
    ]);
  });
});

describe('17track key and personal data', () => {
  it('never reach a failure detail or a log line', () => {
    expect(failureDetails.length).toBeGreaterThan(5);
    const everything = [...failureDetails, captured.text()].join('\n');
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const marker of [API_KEY, 'MARKER-SIGNER-NAME', 'MARKER-RECIPIENT-STREET', 'MARKER-CUSTOMER-NUMBER', 'MARKER-ECHO-CARRIER']) {
      expect(everything).not.toContain(marker);
    }
  });
});
