import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { unmappedCodeCounts, type CarrierDefinition, type CarrierEvent, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import { Secret } from '../../src/config/secret.js';
import { KOLAYGELSIN_PRODUCTION_URL, KOLAYGELSIN_TEST_URL } from '../../carriers/kolaygelsin/config.js';
import { kolaygelsinCarrier } from '../../carriers/kolaygelsin/index.js';
import { isKolayGelsinShipmentId, recognisesKolayGelsinNumber } from '../../carriers/kolaygelsin/numbers.js';
import { parseKolayGelsinTime } from '../../carriers/kolaygelsin/parse.js';
import { KOLAYGELSIN_EVENT_TEXTS, KOLAYGELSIN_FALLBACK_STATUS, KOLAYGELSIN_STATUSES } from '../../carriers/kolaygelsin/statuses.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { createPoller } from '../../src/tracking/poller.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const BASE_URL = 'https://kolaygelsin.test';
const PATH = '/api/request/GetCorporateShipmentsStatus';
const TOKEN = 'kg-live-TOKEN-MARKER-51c2e9';
const PERSONAL_MARKERS = ['MARKER-RECEIVER-NAME', 'MARKER-COURIER-NAME', 'MARKER-API-USERNAME'];
const NOW = new Date('2026-11-20T12:00:00Z');
const BY_REFERENCE: TrackContext = { by: 'reference' };
const BY_NUMBER: TrackContext = { by: 'trackingNumber' };
const FIXTURE_DIR = new URL('../fixtures/carriers/kolaygelsin/', import.meta.url);

const captured = captureLogger();

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURE_DIR), 'utf8')) as Record<string, unknown>;
}

function adapter(options: { timeoutMs?: number } = {}) {
  return kolaygelsinCarrier.create(
    { baseUrl: BASE_URL, testEnvironment: false, credentials: { TOKEN: new Secret(TOKEN) } },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: () => NOW, logger: captured.logger },
  );
}

/** Kolay Gelsin with the right token; any other Authorization makes nock refuse the request. */
function carrier() {
  return nock(BASE_URL).matchHeader('authorization', `Bearer ${TOKEN}`);
}

function body(lists: { ShipmentIdList?: string[]; references?: string[] }) {
  return {
    ShipmentIdList: lists.ShipmentIdList ?? [],
    CustomerSpecificCodeList: lists.references ?? [],
    CustomerBarcodeList: lists.references ?? [],
    CustomerTrackingIdList: [],
    OnlyLatestEvents: false,
  };
}

function found(outcome: TrackOutcome | undefined): Extract<TrackOutcome, { kind: 'found' }> {
  if (outcome?.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const failures: TrackOutcome[] = [];
async function track(numbers: string[], ctx: TrackContext, options: { timeoutMs?: number } = {}): Promise<Map<string, TrackOutcome>> {
  const outcomes = await adapter(options).track(numbers, ctx);
  failures.push(...[...outcomes.values()].filter((o) => o.kind === 'failed'));
  return outcomes;
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

describe('kolaygelsin adapter: request shape', () => {
  it('posts the shop keys as CustomerBarcodeList and CustomerSpecificCodeList with the bearer token', async () => {
    const scope = carrier()
      .matchHeader('content-type', /^application\/json/)
      .post(PATH, body({ references: ['SHOP-BRK-1001'] }))
      .reply(200, fixture('full-history-delivered'));

    const outcome = found((await track(['SHOP-BRK-1001'], BY_REFERENCE)).get('SHOP-BRK-1001'));

    expect(scope.isDone()).toBe(true);
    // Asked by the shop's key: the carrier's ShipmentId comes back for ingest to store.
    expect(outcome.trackingNumber).toBe('7000123');
  });

  it('posts carrier numbers as ShipmentIdList and does not repeat the number it was asked by', async () => {
    carrier().post(PATH, body({ ShipmentIdList: ['7000123'] })).reply(200, fixture('full-history-delivered'));

    const outcome = found((await track(['7000123'], BY_NUMBER)).get('7000123'));

    expect(outcome.trackingNumber).toBeUndefined();
    expect(outcome.events).toHaveLength(7);
  });

  it('sends a token that already says Bearer unchanged', async () => {
    nock(BASE_URL).matchHeader('authorization', `Bearer ${TOKEN}`).post(PATH).reply(200, fixture('not-found'));
    const withPrefix = kolaygelsinCarrier.create(
      { baseUrl: BASE_URL, testEnvironment: false, credentials: { TOKEN: new Secret(`Bearer ${TOKEN}`) } },
      { http: createCarrierHttp({ timeoutMs: 2000 }), now: () => NOW, logger: captured.logger },
    );
    expect((await withPrefix.track(['X'], BY_REFERENCE)).get('X')).toEqual({ kind: 'not_found' });
  });

  it('splits more numbers than one request may carry into batches of 50', async () => {
    const numbers = Array.from({ length: 120 }, (_, i) => `REF-${i}`);
    const sizes: number[] = [];
    carrier()
      .post(PATH)
      .times(3)
      .reply(200, (_uri, sent) => {
        sizes.push((sent as { CustomerBarcodeList: string[] }).CustomerBarcodeList.length);
        return fixture('not-found');
      });

    const outcomes = await track(numbers, BY_REFERENCE);

    expect(sizes).toEqual([50, 50, 20]);
    expect([...outcomes.values()].every((o) => o.kind === 'not_found')).toBe(true);
  });

  it('declares its query keys and limits', () => {
    const a = adapter();
    expect(a.code).toBe('kolaygelsin');
    expect(a.queryBy).toEqual(['reference', 'trackingNumber']);
    expect(a.limits).toEqual({ maxBatch: 50, requestsPerSecond: 2, concurrency: 1 });
  });
});

describe('kolaygelsin adapter: answers', () => {
  it('reads a delivered history in full, Turkey times (+03:00) as UTC instants', async () => {
    carrier().post(PATH).reply(200, fixture('full-history-delivered'));

    const outcome = found((await track(['SHOP-BRK-1001'], BY_REFERENCE)).get('SHOP-BRK-1001'));

    const event = (localTime: string, utc: string, rawCode: string, place: string, mapped: Pick<CarrierEvent, 'status' | 'substatus'>): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone: 'Europe/Istanbul',
      rawCode,
      rawText: KOLAYGELSIN_EVENT_TEXTS[rawCode as keyof typeof KOLAYGELSIN_EVENT_TEXTS],
      location: { text: place, city: null, country: 'TR' },
      ...mapped,
    });
    expect(outcome).toEqual({
      kind: 'found',
      trackingNumber: '7000123',
      events: [
        event('2026-11-18T09:12:44.120+03:00', '2026-11-18T06:12:44.120Z', '1', 'ISTANBUL', { status: 'info_received', substatus: 'info_received.label_created' }),
        event('2026-11-18T16:40:03.507+03:00', '2026-11-18T13:40:03.507Z', '12', 'ISTANBUL', { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('2026-11-18T22:05:00.000+03:00', '2026-11-18T19:05:00.000Z', '13', 'ISTANBUL TRANSFER MERKEZI', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2026-11-19T02:30:10.000+03:00', '2026-11-18T23:30:10.000Z', '14', 'ANKARA TRANSFER MERKEZI', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2026-11-19T08:01:00.000+03:00', '2026-11-19T05:01:00.000Z', '17', 'ANKARA TRANSFER MERKEZI', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2026-11-19T09:15:30.000+03:00', '2026-11-19T06:15:30.000Z', '18', 'ANKARA', { status: 'out_for_delivery', substatus: null }),
        event('2026-11-19T14:47:12.882+03:00', '2026-11-19T11:47:12.882Z', '29', 'ANKARA', { status: 'delivered', substatus: null }),
      ],
    });
    const last = outcome.events.at(-1);
    expect(last?.status).toBe('delivered');
    expect(last?.occurredAt.toISOString()).toBe('2026-11-19T11:47:12.882Z');
    expect(last?.rawText).toBe('Gönderi teslim edildi');
    // 02:30 local on the 19th is still the 18th in UTC.
    expect(outcome.events[3]?.occurredAt.toISOString()).toBe('2026-11-18T23:30:10.000Z');
    expect(JSON.stringify(outcome)).not.toMatch(/MARKER-/);
  });

  it('reports a number the carrier does not list as not found', async () => {
    carrier().post(PATH).reply(200, fixture('not-found'));
    expect((await track(['SHOP-BRK-0000'], BY_REFERENCE)).get('SHOP-BRK-0000')).toEqual({ kind: 'not_found' });
  });

  it('keeps each number of a mixed batch apart, merging the parcels of one shipment', async () => {
    carrier().post(PATH).reply(200, fixture('mixed-batch'));
    const asked = ['SHOP-BRK-2001', 'SIP-2026-2002', 'SHOP-BRK-9999', 'SHOP-BRK-2004'];

    const outcomes = await track(asked, BY_REFERENCE);

    const first = found(outcomes.get('SHOP-BRK-2001'));
    expect(first.trackingNumber).toBe('7000201');
    expect(first.events.map((e) => e.rawCode)).toEqual(['1', '12']);
    // Two parcels under one CustomerSpecificCode: one history, duplicates dropped.
    const twoParcels = found(outcomes.get('SIP-2026-2002'));
    expect(twoParcels.trackingNumber).toBe('7000202');
    expect(twoParcels.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['1', 'info_received', 'info_received.label_created'],
      ['26', 'attempt_failed', 'attempt_failed.recipient_absent'],
    ]);
    expect(outcomes.get('SHOP-BRK-9999')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('SHOP-BRK-2004')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'missing or unreadable TimeStamp in event 1' } });
  });
});

describe('kolaygelsin adapter: request-level failures fail every number of the request', () => {
  const two = ['SHOP-BRK-1001', 'SHOP-BRK-1002'];
  const expectAll = (outcomes: Map<string, TrackOutcome>, expected: TrackOutcome) => {
    expect(outcomes.size).toBe(2);
    for (const n of two) expect(outcomes.get(n)).toEqual(expected);
  };

  it('HTTP 401 → auth', async () => {
    nock(BASE_URL).post(PATH).reply(401, fixture('bad-credentials'));
    expectAll(await track(two, BY_REFERENCE), { kind: 'failed', failure: { kind: 'auth' } });
  });

  it('ResultCode 500 CustomerNotFound (account not set up for tracking) → auth', async () => {
    carrier().post(PATH).reply(200, fixture('customer-not-found'));
    expectAll(await track(two, BY_REFERENCE), { kind: 'failed', failure: { kind: 'auth' } });
  });

  it('HTTP 429 with Retry-After → rate limited for that long', async () => {
    carrier().post(PATH).reply(429, '', { 'Retry-After': '30' });
    expectAll(await track(two, BY_REFERENCE), { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('HTTP 503 → unavailable', async () => {
    carrier().post(PATH).reply(503, 'Service Unavailable');
    expectAll(await track(two, BY_REFERENCE), { kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
  });

  it('HTTP 200 with ResultCode 500 and a free-text message → unavailable, message left out', async () => {
    carrier().post(PATH).reply(200, fixture('server-error'));
    expectAll(await track(two, BY_REFERENCE), { kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered ResultCode 500' } });
  });

  it('a timeout → unavailable', async () => {
    carrier().post(PATH).delay(500).reply(200, fixture('not-found'));
    expectAll(await track(two, BY_REFERENCE, { timeoutMs: 100 }), {
      kind: 'failed',
      failure: { kind: 'unavailable', detail: `timeout on POST ${PATH}` },
    });
  });

  it('a body of the wrong shape → malformed, naming the field only', async () => {
    carrier().post(PATH).reply(200, fixture('malformed'));
    expectAll(await track(two, BY_REFERENCE), {
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'track response does not match the expected shape at Payload.ShipmentModelList' },
    });
  });

  it('a body that is not JSON at all → malformed', async () => {
    carrier().post(PATH).reply(200, '<html>Bakım çalışması</html>', { 'Content-Type': 'text/html' });
    expectAll(await track(two, BY_REFERENCE), { kind: 'failed', failure: { kind: 'malformed', detail: 'track response is not JSON' } });
  });

  it('never puts the token or personal data into a failure detail or a log line', () => {
    // Runs after the cases above: every failure and log line they produced is checked.
    expect(failures.length).toBeGreaterThan(0);
    const seen = `${JSON.stringify(failures)}\n${captured.text()}`;
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const marker of [TOKEN, ...PERSONAL_MARKERS]) expect(seen).not.toContain(marker);
  });
});

describe('kolaygelsin status table', () => {
  const documented = ['1', '2', '12', '13', '14', '17', '18', '25', '26', '28', '29', '31', '32', '33', '35', '39', '46', '58'];

  it('maps every documented CargoEventType to a canonical status and a known substatus, with its documented text', () => {
    expect(Object.keys(KOLAYGELSIN_STATUSES).sort()).toEqual([...documented].sort());
    for (const [code, mapping] of Object.entries(KOLAYGELSIN_STATUSES)) {
      expect(isShipmentStatus(mapping.status)).toBe(true);
      if ('substatus' in mapping) expect(isSubstatus(mapping.substatus)).toBe(true);
      expect(KOLAYGELSIN_EVENT_TEXTS[code as keyof typeof KOLAYGELSIN_EVENT_TEXTS]).toMatch(/\S/);
    }
    expect(KOLAYGELSIN_STATUSES['29'].status).toBe('delivered');
    expect(KOLAYGELSIN_STATUSES['33']).toEqual({ status: 'exception', substatus: 'exception.lost' });
  });

  it('knows every code the fixtures use (only unknown-code.json is unmapped on purpose)', () => {
    const codes = new Set<string>();
    for (const file of readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json') && f !== 'unknown-code.json')) {
      const text = readFileSync(new URL(file, FIXTURE_DIR), 'utf8');
      for (const m of text.matchAll(/"CargoEventType":\s*"?(\d+)"?/g)) codes.add(m[1] ?? '');
    }
    expect(codes.size).toBeGreaterThan(3);
    for (const code of codes) expect(Object.hasOwn(KOLAYGELSIN_STATUSES, code)).toBe(true);
  });

  it('maps an unknown code to the fallback status with substatus unmapped, and counts it', async () => {
    carrier().post(PATH).reply(200, fixture('unknown-code'));
    const before = unmappedCodeCounts.get('kolaygelsin') ?? 0;

    const outcome = found((await track(['SHOP-BRK-3001'], BY_REFERENCE)).get('SHOP-BRK-3001'));

    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]).toMatchObject({ rawCode: '99', rawText: '', status: KOLAYGELSIN_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(unmappedCodeCounts.get('kolaygelsin')).toBe(before + 1);
  });
});

describe('kolaygelsin event times', () => {
  it.each([
    ['2021-05-13T18:28:01.882+03:00', '2021-05-13T15:28:01.882Z'],
    ['2026-11-19T02:30:10+0300', '2026-11-18T23:30:10.000Z'],
    ['2026-11-19T02:30:10Z', '2026-11-19T02:30:10.000Z'],
    ['2026-11-19T02:30:10', '2026-11-18T23:30:10.000Z'],
    ['2026-11-19T02:30:10.1234567', '2026-11-18T23:30:10.123Z'],
    ['19.11.2026 02:30:10', '2026-11-18T23:30:10.000Z'],
  ])('reads %s as %s', (text, utc) => {
    expect(parseKolayGelsinTime(text)?.toISOString()).toBe(utc);
  });

  it.each(['2026-02-31T10:00:00+03:00', '31.02.2026 10:00:00', '11-19-2026 02:30', 'yarın', ''])('rejects %j', (text) => {
    expect(parseKolayGelsinTime(text)).toBeNull();
  });
});

describe('kolaygelsin numbers', () => {
  it('checks the shape of a ShipmentId', () => {
    for (const ok of ['70000', '7000123', '1']) expect(isKolayGelsinShipmentId(ok)).toBe(true);
    for (const bad of ['', '0700', 'SHOP-BRK-1001', '70 000', '12345678901234567890']) expect(isKolayGelsinShipmentId(bad)).toBe(false);
  });

  it('never claims a number by itself: no pattern or check digit is documented', () => {
    for (const n of ['7000123', '7340447182689', 'SHOP-BRK-1001', '12345678901234']) {
      expect(recognisesKolayGelsinNumber(n)).toBe(false);
      expect(kolaygelsinCarrier.recognises(n)).toBe(false);
    }
  });
});

describe('kolaygelsin config', () => {
  it('is disabled without a token and enabled with one, on the production host', () => {
    expect(kolaygelsinCarrier.loadConfig({})).toEqual({ enabled: false });
    const result = kolaygelsinCarrier.loadConfig({ CARRIER_KOLAYGELSIN_TOKEN: TOKEN });
    if (result.enabled !== true) throw new Error('expected enabled');
    expect(result.config.baseUrl).toBe(KOLAYGELSIN_PRODUCTION_URL);
    expect(result.config.credentials.TOKEN.reveal()).toBe(TOKEN);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('switches to the test host and honours a base URL override', () => {
    const test = kolaygelsinCarrier.loadConfig({ CARRIER_KOLAYGELSIN_TOKEN: TOKEN, CARRIER_KOLAYGELSIN_TEST: 'true' });
    expect(test.enabled === true && test.config.baseUrl).toBe(KOLAYGELSIN_TEST_URL);
    const local = kolaygelsinCarrier.loadConfig({ CARRIER_KOLAYGELSIN_TOKEN: TOKEN, CARRIER_KOLAYGELSIN_BASE_URL: 'http://127.0.0.1:8080/' });
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:8080');
    const bad = kolaygelsinCarrier.loadConfig({ CARRIER_KOLAYGELSIN_TOKEN: TOKEN, CARRIER_KOLAYGELSIN_BASE_URL: 'ftp://x' });
    expect(bad.enabled).toBe('invalid');
    expect(JSON.stringify(bad)).not.toContain(TOKEN);
  });

  it('is enabled by the credential named in issue 4', () => {
    expect(kolaygelsinCarrier.code).toBe('kolaygelsin');
    expect(kolaygelsinCarrier.enableWith).toEqual(['CARRIER_KOLAYGELSIN_TOKEN']);
  });
});

describe('kolaygelsin end to end through the real poller', () => {
  const dir = makeTempDir('kolaygelsin');
  const requests: { path: string; authorization: string | undefined; body: unknown }[] = [];
  let server: Server;
  let store: Store;
  const clock = new Date('2026-11-20T12:00:00Z');

  function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  beforeAll(async () => {
    // A stand-in Kolay Gelsin: the documented path, envelope and lists, nothing more.
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        const sent = JSON.parse(text) as { CustomerBarcodeList?: string[] };
        requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body: sent });
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        if (req.method !== 'POST' || req.url !== PATH) {
          res.statusCode = 404;
          res.end('{}');
        } else if (req.headers.authorization !== `Bearer ${TOKEN}`) {
          res.statusCode = 401;
          res.end(JSON.stringify(fixture('bad-credentials')));
        } else {
          res.end(JSON.stringify(sent.CustomerBarcodeList?.includes('SHOP-BRK-1001') ? fixture('full-history-delivered') : fixture('not-found')));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    store = openSqliteStore(dir.path);
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    await store.close();
    dir.remove();
  });

  it('tracks a shipment registered by its customer barcode to delivered and stores the ShipmentId', async () => {
    const { port } = server.address() as AddressInfo;
    const env = { CARRIER_KOLAYGELSIN_TOKEN: TOKEN, CARRIER_KOLAYGELSIN_BASE_URL: `http://127.0.0.1:${port}` };
    const logger = captureLogger();
    const registry = buildCarrierRegistry(
      { kolaygelsin: kolaygelsinCarrier.loadConfig(env) },
      { http: createCarrierHttp({ timeoutMs: 2000 }), now: () => clock, logger: logger.logger },
      [kolaygelsinCarrier as CarrierDefinition<never>],
    );
    const shipment = await storeShipment(store, clock, { carrier: 'kolaygelsin', trackingNumber: null, reference: 'SHOP-BRK-1001' });
    const poller = createPoller({ store, registry, cadence: DEFAULT_CADENCE, now: () => clock, logger: logger.logger, maxPerTick: 100 });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 7 });
    expect(requests).toEqual([{ path: PATH, authorization: `Bearer ${TOKEN}`, body: body({ references: ['SHOP-BRK-1001'] }) }]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', trackingNumber: '7000123', reference: 'SHOP-BRK-1001' });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-11-19T11:47:12.882Z');
    const events = await store.events.listForShipment(shipment.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.occurredAt.toISOString()])).toEqual([
      ['29', 'delivered', '2026-11-19T11:47:12.882Z'],
      ['18', 'out_for_delivery', '2026-11-19T06:15:30.000Z'],
      ['17', 'in_transit', '2026-11-19T05:01:00.000Z'],
      ['14', 'in_transit', '2026-11-18T23:30:10.000Z'],
      ['13', 'in_transit', '2026-11-18T19:05:00.000Z'],
      ['12', 'in_transit', '2026-11-18T13:40:03.507Z'],
      ['1', 'info_received', '2026-11-18T06:12:44.120Z'],
    ]);
    expect(events[0]).toMatchObject({ localTime: '2026-11-19T14:47:12.882+03:00', timeZone: 'Europe/Istanbul', description: 'Gönderi teslim edildi', location: 'ANKARA', country: 'TR', source: 'poll' });
    expect(logger.text()).not.toContain(TOKEN);
  });
});
