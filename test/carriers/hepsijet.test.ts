import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { mapStatus, unmappedCodeCounts, type CarrierDefinition, type CarrierEvent, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { HEPSIJET_ENDPOINT_ALTERNATIVES, HEPSIJET_ENDPOINTS } from '../../carriers/hepsijet/client.js';
import { HEPSIJET_PRODUCTION_URL, HEPSIJET_TEST_URL, loadHepsijetConfig } from '../../carriers/hepsijet/config.js';
import { hepsijetCarrier } from '../../carriers/hepsijet/index.js';
import { recognisesHepsijetNumber } from '../../carriers/hepsijet/numbers.js';
import { HEPSIJET_FALLBACK_STATUS, HEPSIJET_STATUSES } from '../../carriers/hepsijet/statuses.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { createPoller } from '../../src/tracking/poller.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const BASE_URL = 'https://hepsijet.test';
const USERNAME = 'hj-user-MARKER-USERNAME';
const PASSWORD = 'HJ-PASSWORD-MARKER-93kq';
const BASIC = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;
const TOKEN = 'MARKER-HJ-TOKEN-0001';
const PII_MARKER = 'MARKER-RECEIVER-NAME';
const NOW = new Date('2026-03-14T12:00:00Z');
const BY_NUMBER: TrackContext = { by: 'trackingNumber' };
const TRACK = '/rest/delivery/integration/track';

const N1 = 'SHW1234567890';
const N2 = 'SHW1234567891';
const N3 = 'SHW1234567892';
const N4 = 'SHW1234567893';
const N5 = 'SHW1234567894';

const captured = captureLogger();

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/hepsijet/${name}.json`, import.meta.url), 'utf8'));
}

function adapter(options: { baseUrl?: string; timeoutMs?: number; now?: () => Date } = {}) {
  return hepsijetCarrier.create(
    {
      baseUrl: options.baseUrl ?? BASE_URL,
      testEnvironment: false,
      credentials: { USERNAME: new Secret(USERNAME), PASSWORD: new Secret(PASSWORD) },
    },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: options.now ?? (() => NOW), logger: captured.logger },
  );
}

/** The token endpoint, answering only to the right Basic credentials. */
function tokenOk(token = TOKEN) {
  return nock(BASE_URL)
    .matchHeader('authorization', BASIC)
    .get('/auth/getToken')
    .reply(200, { ...fixture('token-ok'), data: { token } });
}

/** The track endpoint, answering only to the token. */
function carrier(token = TOKEN) {
  return nock(BASE_URL).matchHeader('x-auth-token', token);
}

function found(outcome: TrackOutcome | undefined): Extract<TrackOutcome, { kind: 'found' }> {
  if (outcome?.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome;
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
  expect(nock.isDone()).toBe(true);
  nock.abortPendingRequests();
  nock.cleanAll();
});

afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('hepsijet adapter: request shape and token', () => {
  it('gets a token with Basic auth, then posts the barcode with X-Auth-Token to the track path', async () => {
    const token = tokenOk();
    const track = carrier()
      .matchHeader('content-type', /^application\/json/)
      .post(TRACK, { barcodes: [N1], isTrackAdded: true })
      .reply(200, fixture('full-history-delivered'));

    const outcomes = await adapter().track([N1], BY_NUMBER);

    expect(token.isDone() && track.isDone()).toBe(true);
    expect(outcomes.get(N1)?.kind).toBe('found');
  });

  it('keeps the best-supported track endpoint and the alternatives in one place', () => {
    expect(HEPSIJET_ENDPOINTS).toEqual({ token: '/auth/getToken', track: TRACK });
    expect(HEPSIJET_ENDPOINT_ALTERNATIVES.deliveryTracking).toBe('/deliveryTransaction/getDeliveryTracking');
  });

  it('asks one barcode per request and reuses the cached token', async () => {
    tokenOk();
    carrier().post(TRACK, { barcodes: [N1], isTrackAdded: true }).reply(200, fixture('full-history-delivered'));
    carrier().post(TRACK, { barcodes: [N2], isTrackAdded: true }).reply(200, fixture('registered-only'));
    carrier().post(TRACK, { barcodes: [N3], isTrackAdded: true }).reply(200, fixture('returned'));

    const a = adapter();
    const first = await a.track([N1, N2, N1], BY_NUMBER);
    const second = await a.track([N3], BY_NUMBER);

    expect([...first.keys()]).toEqual([N1, N2]);
    expect(found(second.get(N3)).events.at(-1)?.status).toBe('returned');
  });

  it('renews the token once after a 401 and retries the request', async () => {
    tokenOk('MARKER-HJ-TOKEN-OLD');
    carrier('MARKER-HJ-TOKEN-OLD').post(TRACK).reply(401, { status: 'FAIL', message: 'Token expired' });
    tokenOk('MARKER-HJ-TOKEN-NEW');
    carrier('MARKER-HJ-TOKEN-NEW').post(TRACK).reply(200, fixture('full-history-delivered'));

    expect(found((await adapter().track([N1], BY_NUMBER)).get(N1)).events).toHaveLength(6);
  });

  it('renews only once: a second 401 is an auth failure', async () => {
    tokenOk('MARKER-HJ-TOKEN-OLD');
    carrier('MARKER-HJ-TOKEN-OLD').post(TRACK).reply(401, {});
    tokenOk('MARKER-HJ-TOKEN-NEW');
    carrier('MARKER-HJ-TOKEN-NEW').post(TRACK).reply(401, {});

    const outcomes = await adapter().track([N1, N2], BY_NUMBER);

    expect([...outcomes.values()]).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('renews the token after 50 of its 60 minutes', async () => {
    let clock = NOW;
    tokenOk('MARKER-HJ-TOKEN-A');
    carrier('MARKER-HJ-TOKEN-A').post(TRACK).times(2).reply(200, fixture('registered-only'));
    tokenOk('MARKER-HJ-TOKEN-B');
    carrier('MARKER-HJ-TOKEN-B').post(TRACK).reply(200, fixture('registered-only'));

    const a = adapter({ now: () => clock });
    await a.track([N2], BY_NUMBER);
    clock = new Date(NOW.getTime() + 49 * 60_000);
    await a.track([N2], BY_NUMBER);
    clock = new Date(NOW.getTime() + 51 * 60_000);
    await a.track([N2], BY_NUMBER);
  });
});

describe('hepsijet adapter: answers', () => {
  it('reads a delivered history in full, Turkey local times as UTC instants', async () => {
    tokenOk();
    carrier().post(TRACK).reply(200, fixture('full-history-delivered'));

    const outcome = found((await adapter().track([N1], BY_NUMBER)).get(N1));

    const event = (localTime: string, utc: string, rawCode: string, mapped: Pick<CarrierEvent, 'status' | 'substatus'>): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone: 'Europe/Istanbul',
      rawCode,
      rawText: rawCode,
      location: { text: null, city: null, country: 'TR' },
      ...mapped,
    });
    expect(outcome).toEqual({
      kind: 'found',
      events: [
        event('2026-03-10T17:30:00', '2026-03-10T14:30:00.000Z', 'NEO', { status: 'info_received', substatus: 'info_received.label_created' }),
        event('2026-03-11T01:45:12', '2026-03-10T22:45:12.000Z', 'ACCEPTED', { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('2026-03-12T09:05:00', '2026-03-12T06:05:00.000Z', 'OUT_FOR_DELIVERY', { status: 'out_for_delivery', substatus: null }),
        event('2026-03-12T13:20:00', '2026-03-12T10:20:00.000Z', 'FAILED_ATTEMPT', { status: 'attempt_failed', substatus: null }),
        event('2026-03-13T08:40:00', '2026-03-13T05:40:00.000Z', 'OUT_FOR_DELIVERY', { status: 'out_for_delivery', substatus: null }),
        event('2026-03-13T14:30:00', '2026-03-13T11:30:00.000Z', 'DELIVERED', { status: 'delivered', substatus: null }),
      ],
    });
    const last = outcome.events.at(-1);
    expect(last?.status).toBe('delivered');
    expect(last?.occurredAt.toISOString()).toBe('2026-03-13T11:30:00.000Z');
    // 01:45 on the 11th in Istanbul is still the 10th in UTC.
    expect(outcome.events[1]?.occurredAt.toISOString()).toBe('2026-03-10T22:45:12.000Z');
    expect(outcome.trackingNumber).toBeUndefined();
  });

  it('asked by the shop reference, hands back the same customerDeliveryNo as tracking number', async () => {
    tokenOk();
    carrier().post(TRACK, { barcodes: [N2], isTrackAdded: true }).reply(200, fixture('registered-only'));

    const outcome = found((await adapter().track([N2], { by: 'reference' })).get(N2));

    expect(outcome.trackingNumber).toBe(N2);
    expect(outcome.events.map((e) => e.rawCode)).toEqual(['NEO']);
  });

  it('maps the withdrawn codes DELETED and CANCELLED to exception', async () => {
    tokenOk();
    carrier().post(TRACK).reply(200, fixture('cancelled'));

    const outcome = found((await adapter().track([N4], BY_NUMBER)).get(N4));

    expect(outcome.events.map((e) => [e.rawCode, e.status])).toEqual([
      ['NEO', 'info_received'],
      ['DELETED', 'exception'],
      ['CANCELLED', 'exception'],
    ]);
  });

  it('reports status FAIL "bulunamadı" and an empty data list as not found', async () => {
    tokenOk();
    carrier().post(TRACK, { barcodes: [N1], isTrackAdded: true }).reply(200, fixture('not-found'));
    carrier().post(TRACK, { barcodes: [N2], isTrackAdded: true }).reply(200, fixture('not-found-empty-data'));

    const outcomes = await adapter().track([N1, N2], BY_NUMBER);

    expect(outcomes.get(N1)).toEqual({ kind: 'not_found' });
    expect(outcomes.get(N2)).toEqual({ kind: 'not_found' });
  });

  it('treats HTTP 200 with status FAIL as a failure of that number, without the message text', async () => {
    tokenOk();
    carrier().post(TRACK).reply(200, fixture('fail-flag'));

    expect((await adapter().track([N1], BY_NUMBER)).get(N1)).toEqual({
      kind: 'failed',
      failure: { kind: 'unavailable', detail: 'carrier answered status FAIL INTERNAL_ERROR' },
    });
  });

  it('rejects an answer for another number', async () => {
    tokenOk();
    carrier()
      .post(TRACK)
      .reply(200, { status: 'OK', data: [{ customerDeliveryNo: 'OTHER1234567', integrationStatus: 'NEO', details: [] }] });

    expect((await adapter().track([N1], BY_NUMBER)).get(N1)).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'answer is for another number' },
    });
  });

  it('keeps each number of a mixed batch apart', async () => {
    tokenOk();
    carrier().post(TRACK, { barcodes: [N1], isTrackAdded: true }).reply(200, fixture('full-history-delivered'));
    carrier().post(TRACK, { barcodes: [N2], isTrackAdded: true }).reply(200, fixture('not-found'));
    carrier().post(TRACK, { barcodes: [N3], isTrackAdded: true }).reply(200, fixture('fail-flag'));
    carrier().post(TRACK, { barcodes: [N4], isTrackAdded: true }).reply(200, fixture('bad-date'));
    carrier().post(TRACK, { barcodes: [N5], isTrackAdded: true }).reply(503, fixture('server-error'));

    const outcomes = await adapter().track([N1, N2, N3, N4, N5], BY_NUMBER);

    expect(found(outcomes.get(N1)).events.at(-1)?.status).toBe('delivered');
    expect(outcomes.get(N2)).toEqual({ kind: 'not_found' });
    expect(outcomes.get(N3)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered status FAIL INTERNAL_ERROR' } });
    expect(outcomes.get(N4)).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable transactionDate in detail 2' } });
    expect(outcomes.get(N5)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
    expect(JSON.stringify([...outcomes.values()])).not.toContain(PII_MARKER);
  });
});

describe('hepsijet adapter: request-level failures', () => {
  const two = [N1, N2];

  it('bad credentials (401 on getToken) → auth for every number, asked once', async () => {
    nock(BASE_URL).get('/auth/getToken').reply(401, fixture('bad-credentials'));

    const outcomes = await adapter().track(two, BY_NUMBER);

    for (const n of two) expect(outcomes.get(n)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('bad credentials with HTTP 200 and status FAIL on getToken → auth', async () => {
    nock(BASE_URL).get('/auth/getToken').reply(200, fixture('bad-credentials'));

    expect((await adapter().track([N1], BY_NUMBER)).get(N1)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('429 with Retry-After → rate limited for every number, asked once', async () => {
    tokenOk();
    carrier().post(TRACK).reply(429, fixture('rate-limited'), { 'Retry-After': '30' });

    const outcomes = await adapter().track(two, BY_NUMBER);

    for (const n of two) expect(outcomes.get(n)).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('500 → unavailable', async () => {
    tokenOk();
    carrier().post(TRACK).reply(500, fixture('server-error'));

    expect((await adapter().track([N1], BY_NUMBER)).get(N1)).toEqual({
      kind: 'failed',
      failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' },
    });
  });

  it('a timeout → unavailable', async () => {
    tokenOk();
    carrier().post(TRACK).delay(400).reply(200, fixture('not-found'));

    expect((await adapter({ timeoutMs: 200 }).track([N1], BY_NUMBER)).get(N1)).toEqual({
      kind: 'failed',
      failure: { kind: 'unavailable', detail: `timeout on POST ${TRACK}` },
    });
  });

  it('a body of the wrong shape → malformed, naming the field only', async () => {
    tokenOk();
    carrier().post(TRACK).reply(200, fixture('malformed'));

    expect((await adapter().track([N1], BY_NUMBER)).get(N1)).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'track response does not match the expected shape at data' },
    });
  });

  it('a body that is not JSON at all → malformed', async () => {
    tokenOk();
    carrier().post(TRACK).reply(200, '<html><body>Bakım çalışması</body></html>', { 'Content-Type': 'text/html' });

    expect((await adapter().track([N1], BY_NUMBER)).get(N1)).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'track response does not match the expected shape at (root)' },
    });
  });

  it('never puts credentials, the token or personal data into a failure detail or a log line', async () => {
    captured.lines.length = 0;
    nock(BASE_URL).get('/auth/getToken').reply(401, `bad ${USERNAME}:${PASSWORD}`);
    nock(BASE_URL).get('/auth/getToken').reply(200, { status: 'FAIL', message: `wrong password ${PASSWORD}` });
    tokenOk();
    carrier().post(TRACK).reply(429, fixture('rate-limited'), { 'Retry-After': '30' });
    tokenOk();
    carrier().post(TRACK).reply(503, `upstream said ${PASSWORD} ${TOKEN}`);
    carrier().post(TRACK).reply(200, fixture('malformed'));
    carrier().post(TRACK).reply(200, fixture('fail-flag'));
    tokenOk();
    carrier().post(TRACK).delay(400).reply(200, {});

    const outcomes: TrackOutcome[] = [];
    for (let i = 0; i < 3; i += 1) outcomes.push(...(await adapter().track([N1], BY_NUMBER)).values());
    outcomes.push(...(await adapter().track([N1, N2, N3], BY_NUMBER)).values());
    outcomes.push(...(await adapter({ timeoutMs: 100 }).track([N1], BY_NUMBER)).values());
    // Nothing listens on port 9: connection refused.
    outcomes.push(...(await adapter({ baseUrl: 'http://127.0.0.1:9' }).track([N1], BY_NUMBER)).values());

    const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.failure] : []));
    expect(new Set(failures.map((f) => f.kind))).toEqual(new Set(['auth', 'rate_limited', 'unavailable', 'malformed']));
    const text = JSON.stringify(failures) + captured.text();
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const secret of [USERNAME, PASSWORD, TOKEN, BASIC, BASIC.slice(6), PII_MARKER]) expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('x-auth-token');
  });
});

describe('hepsijet status table', () => {
  it('maps every documented integrationStatus to a canonical status and a known substatus', () => {
    expect(Object.keys(HEPSIJET_STATUSES).sort()).toEqual(
      ['ACCEPTED', 'CANCELLED', 'DELETED', 'DELIVERED', 'FAILED_ATTEMPT', 'NEO', 'OUT_FOR_DELIVERY', 'RETURNED'],
    );
    for (const [code, mapping] of Object.entries(HEPSIJET_STATUSES)) {
      const mapped = mapStatus('hepsijet', HEPSIJET_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.status).toBe(mapping.status);
      if (mapped.substatus !== null) {
        expect(isSubstatus(mapped.substatus)).toBe(true);
        expect(mapped.substatus.startsWith(`${mapped.status}.`)).toBe(true);
      }
    }
  });

  it('knows every code the fixtures use (only unknown-code.json is unmapped on purpose)', () => {
    const names = ['full-history-delivered', 'registered-only', 'returned', 'cancelled', 'bad-date'];
    const codes = names.flatMap((name) => JSON.stringify(fixture(name)).match(/"integrationStatus":"[A-Z_]+"/g)?.map((m) => m.slice(21, -1)) ?? []);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect([code, Object.hasOwn(HEPSIJET_STATUSES, code)]).toEqual([code, true]);
  });

  it('maps an unknown code to the fallback status with substatus unmapped, and counts it', async () => {
    const before = unmappedCodeCounts.get('hepsijet') ?? 0;
    tokenOk();
    carrier().post(TRACK).reply(200, fixture('unknown-code'));

    const outcome = found((await adapter().track([N5], BY_NUMBER)).get(N5));

    expect(outcome.events[1]).toMatchObject({ rawCode: 'IN_XDOCK', rawText: 'IN_XDOCK', status: HEPSIJET_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(outcome.events[0]?.substatus).not.toBe('unmapped');
    expect(unmappedCodeCounts.get('hepsijet')).toBe(before + 1);
  });
});

describe('hepsijet numbers', () => {
  it('accepts company code + digits up to 16 characters', () => {
    for (const good of [N1, 'HJ12345678', 'ABCDE12345678901', 'XY123456']) expect([good, recognisesHepsijetNumber(good)]).toEqual([good, true]);
  });

  it('rejects other shapes', () => {
    for (const bad of ['', 'shw1234567890', 'SHW12345', 'ABCDE123456789012', '1234567890123', 'ABCDEF1234567', '1Z999AA10123456784', 'SHW-1234567890', 'SBX0100000016X']) {
      expect([bad, recognisesHepsijetNumber(bad)]).toEqual([bad, false]);
    }
  });
});

describe('hepsijet config and definition', () => {
  const creds = { CARRIER_HEPSIJET_USERNAME: USERNAME, CARRIER_HEPSIJET_PASSWORD: PASSWORD };

  it('is disabled without credentials, invalid with only one, and never echoes a value', () => {
    expect(loadHepsijetConfig({})).toEqual({ enabled: false });
    const half = loadHepsijetConfig({ CARRIER_HEPSIJET_USERNAME: USERNAME });
    expect(half).toEqual({ enabled: 'invalid', problems: [expect.stringMatching(/^CARRIER_HEPSIJET_PASSWORD: /)] });
    expect(JSON.stringify(half)).not.toContain(USERNAME);
  });

  it('uses production, the test switch, or the base URL override', () => {
    const prod = loadHepsijetConfig(creds);
    const test = loadHepsijetConfig({ ...creds, CARRIER_HEPSIJET_TEST: 'true' });
    const local = loadHepsijetConfig({ ...creds, CARRIER_HEPSIJET_BASE_URL: 'http://127.0.0.1:4100/' });
    if (prod.enabled !== true || test.enabled !== true || local.enabled !== true) throw new Error('expected enabled');
    expect(prod.config.baseUrl).toBe(HEPSIJET_PRODUCTION_URL);
    expect(HEPSIJET_PRODUCTION_URL).toBe('https://integration.hepsijet.com');
    expect(test.config.baseUrl).toBe(HEPSIJET_TEST_URL);
    expect(HEPSIJET_TEST_URL).toBe('https://integration-apitest.hepsijet.com');
    expect(local.config.baseUrl).toBe('http://127.0.0.1:4100');
    expect(prod.config.credentials.PASSWORD.reveal()).toBe(PASSWORD);
    expect(JSON.stringify(prod)).not.toContain(PASSWORD);
  });

  it('describes the carrier the registry enables', () => {
    expect(hepsijetCarrier).toMatchObject({
      code: 'hepsijet',
      displayName: 'HepsiJet',
      enableWith: ['CARRIER_HEPSIJET_USERNAME', 'CARRIER_HEPSIJET_PASSWORD'],
    });
    expect(adapter()).toMatchObject({ limits: { maxBatch: 1, requestsPerSecond: 2, concurrency: 2 }, queryBy: ['trackingNumber', 'reference'] });
    // The shape is checked, but never used to claim a number: it is the shop's own key.
    expect(hepsijetCarrier.recognises(N1)).toBe(false);
  });
});

describe('hepsijet end to end through the real poller', () => {
  const dir = makeTempDir('hepsijet');
  let store: Store;
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];

  /** Speaks the documented format: Basic → token, X-Auth-Token → track answers per barcode. */
  function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    seen.push(`${req.method} ${req.url}`);
    if (req.method === 'GET' && req.url === '/auth/getToken') {
      return req.headers.authorization === BASIC ? json(200, fixture('token-ok')) : json(401, fixture('bad-credentials'));
    }
    if (req.method === 'POST' && req.url === TRACK) {
      if (req.headers['x-auth-token'] !== TOKEN) return json(401, { status: 'FAIL', message: 'Token geçersiz' });
      const { barcodes } = JSON.parse(body) as { barcodes: string[] };
      const answers: Record<string, string> = { [N1]: 'full-history-delivered', [N2]: 'registered-only' };
      const name = barcodes.length === 1 && barcodes[0] !== undefined ? answers[barcodes[0]] : undefined;
      return json(200, fixture(name ?? 'not-found'));
    }
    return json(404, { status: 'FAIL', message: 'Not found' });
  }

  beforeAll(async () => {
    store = openSqliteStore(dir.path);
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => answer(req, res, body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    await store.close();
    dir.remove();
  });

  it('tracks a delivered parcel, adopts the number of one registered by reference, and stores events', async () => {
    const env = { CARRIER_HEPSIJET_USERNAME: USERNAME, CARRIER_HEPSIJET_PASSWORD: PASSWORD, CARRIER_HEPSIJET_BASE_URL: baseUrl };
    const deps = { http: createCarrierHttp({ timeoutMs: 2000 }), now: () => NOW, logger: captured.logger };
    const registry = buildCarrierRegistry({ hepsijet: hepsijetCarrier.loadConfig(env) }, deps, [hepsijetCarrier as CarrierDefinition<never>]);
    expect(registry.enabledCodes()).toEqual(['hepsijet']);
    const delivered = await storeShipment(store, NOW, { carrier: 'hepsijet', trackingNumber: N1 });
    const byReference = await storeShipment(store, NOW, { carrier: 'hepsijet', trackingNumber: null, reference: N2, orderId: 'ORDER-2' });
    const unknown = await storeShipment(store, NOW, { carrier: 'hepsijet', trackingNumber: N3, orderId: 'ORDER-3' });
    const poller = createPoller({ store, registry, cadence: DEFAULT_CADENCE, now: () => NOW, logger: captured.logger, maxPerTick: 100 });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 3, found: 2, notFound: 1, failed: 0, eventsAdded: 7 });
    expect(seen.filter((s) => s === 'GET /auth/getToken').length).toBe(1);
    expect(seen.filter((s) => s === `POST ${TRACK}`).length).toBe(3);
    expect(await store.shipments.get(delivered.id)).toMatchObject({ status: 'delivered' });
    const events = (await store.events.listForShipment(delivered.id)).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    expect(events.map((e) => [e.carrierCode, e.occurredAt.toISOString(), e.localTime, e.status])).toEqual([
      ['NEO', '2026-03-10T14:30:00.000Z', '2026-03-10T17:30:00', 'info_received'],
      ['ACCEPTED', '2026-03-10T22:45:12.000Z', '2026-03-11T01:45:12', 'in_transit'],
      ['OUT_FOR_DELIVERY', '2026-03-12T06:05:00.000Z', '2026-03-12T09:05:00', 'out_for_delivery'],
      ['FAILED_ATTEMPT', '2026-03-12T10:20:00.000Z', '2026-03-12T13:20:00', 'attempt_failed'],
      ['OUT_FOR_DELIVERY', '2026-03-13T05:40:00.000Z', '2026-03-13T08:40:00', 'out_for_delivery'],
      ['DELIVERED', '2026-03-13T11:30:00.000Z', '2026-03-13T14:30:00', 'delivered'],
    ]);
    expect(events.every((e) => e.timeZone === 'Europe/Istanbul' && e.country === 'TR')).toBe(true);
    expect(await store.shipments.get(byReference.id)).toMatchObject({ status: 'info_received', trackingNumber: N2, reference: N2 });
    expect(await store.shipments.get(unknown.id)).toMatchObject({ status: 'not_found' });
    expect(captured.text()).not.toContain(PASSWORD);
  });
});
