import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import nock from 'nock';
import { mapStatus, unmappedCodeCounts, type CarrierDefinition, type CarrierEvent, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import { loadYurticiConfig, type YurticiConfig } from '../../carriers/yurtici/config.js';
import { yurticiCarrier } from '../../carriers/yurtici/index.js';
import { isValidCargoKey, recognisesYurticiNumber } from '../../carriers/yurtici/numbers.js';
import { YURTICI_FALLBACK_STATUS, YURTICI_STATUSES } from '../../carriers/yurtici/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { createPoller } from '../../src/tracking/poller.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const BASE_URL = 'https://ws.yurticikargo.test';
const PATH = '/KOPSWebServices/ShippingOrderDispatcherServices';
const USERNAME = 'YK-USER-MARKER-41';
const PASSWORD = 'yk-pass-MARKER-9c2e7f';
const RECEIVER_MARKERS = ['MARKER-RECEIVER-NAME', 'MARKER-RECEIVER-PHONE'];
const T0 = new Date('2026-03-12T12:00:00Z');
const BY_REF: TrackContext = { by: 'reference' };

const capture = captureLogger();
let clock = T0;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/carriers/yurtici/${name}.xml`, import.meta.url), 'utf8');
}

function config(baseUrl = BASE_URL): YurticiConfig {
  return { baseUrl, testEnvironment: false, credentials: { USERNAME: new Secret(USERNAME), PASSWORD: new Secret(PASSWORD) } };
}

function adapter(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  return yurticiCarrier.create(config(options.baseUrl), {
    http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }),
    now: () => clock,
    logger: capture.logger,
  });
}

const xml = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: false, isArray: (name) => name === 'keys' });

/** The queryShipment element of a request body Yurtiçi would accept, else null. */
function queryShipmentOf(body: unknown): Record<string, unknown> | null {
  if (typeof body !== 'string') return null;
  const doc = xml.parse(body) as { Envelope?: { Body?: { queryShipment?: Record<string, unknown> } } };
  return doc.Envelope?.Body?.queryShipment ?? null;
}

/** Yurtiçi's endpoint, which only takes SOAP 1.1 XML. */
function carrier() {
  return nock(BASE_URL).matchHeader('content-type', /^text\/xml/);
}
/** Body matcher: a queryShipment envelope carrying our credentials; nock refuses anything else. */
function withCredentials(body: unknown): boolean {
  const op = queryShipmentOf(body);
  return op?.['wsUserName'] === USERNAME && op['wsPassword'] === PASSWORD;
}

function found(outcome: TrackOutcome | undefined): Extract<TrackOutcome, { kind: 'found' }> {
  if (outcome?.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome;
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
beforeEach(() => {
  clock = T0;
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

describe('yurtici adapter: request shape', () => {
  it('posts a queryShipment envelope with the credentials, the cargoKeys and history on', async () => {
    let sent: Record<string, unknown> | null = null;
    let rawBody = '';
    const scope = carrier()
      .matchHeader('soapaction', '""')
      .post(PATH, (body: unknown) => {
        rawBody = String(body);
        sent = queryShipmentOf(body);
        return sent !== null;
      })
      .reply(200, fixture('full-history-delivered'), { 'Content-Type': 'text/xml;charset=utf-8' });

    await adapter().track(['SHOP-10042'], BY_REF);

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({
      wsUserName: USERNAME,
      wsPassword: PASSWORD,
      wsLanguage: 'TR',
      keys: ['SHOP-10042'],
      keyType: '0',
      addHistoricalData: 'true',
      onlyTracking: 'false',
    });
    // Unqualified children, as Axis expects (research §1).
    expect(rawBody).toContain('<ns:queryShipment xmlns:ns="http://yurticikargo.com.tr/ShippingOrderDispatcherServices"><wsUserName>');
  });

  it('sends several keys as repeated <keys> and splits more than 20 into chunks', async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `SHOP-${i + 1}`);
    const sizes: number[] = [];
    carrier()
      .post(PATH, (body: unknown) => withCredentials(body))
      .times(2)
      .reply(200, (_uri, body) => {
        const asked = (queryShipmentOf(body)?.['keys'] as string[] | undefined) ?? [];
        sizes.push(asked.length);
        const details = asked.map((k) => `<shippingDeliveryDetailVO><cargoKey>${k}</cargoKey><errCode>60020</errCode><errMessage>Gönderi bulunamadı</errMessage></shippingDeliveryDetailVO>`);
        return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><ns1:queryShipmentResponse xmlns:ns1="x"><ShippingDeliveryVO><outFlag>1</outFlag>${details.join('')}</ShippingDeliveryVO></ns1:queryShipmentResponse></soapenv:Body></soapenv:Envelope>`;
      });

    const outcomes = await adapter().track(keys, BY_REF);

    expect(sizes).toEqual([20, 5]);
    expect(outcomes.size).toBe(25);
    expect([...outcomes.values()].every((o) => o.kind === 'not_found')).toBe(true);
  });

  it('does not ask by the carrier number, which queryShipment cannot look up', async () => {
    const a = adapter();
    expect(a.queryBy).toEqual(['reference']);
    expect((await a.track(['104528937651'], { by: 'trackingNumber' })).get('104528937651')).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'Yurtiçi queryShipment is asked by cargoKey (reference) only' },
    });
  });
});

describe('yurtici adapter: answers', () => {
  it('reads a delivered history in full, Turkey local times as UTC instants, and adopts the docId', async () => {
    carrier().post(PATH, withCredentials).reply(200, fixture('full-history-delivered'));

    const outcome = found((await adapter().track(['SHOP-10042'], BY_REF)).get('SHOP-10042'));

    const move = (localTime: string, utc: string, unit: string, town: string, city: string): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone: 'Europe/Istanbul',
      rawCode: 'YK',
      rawText: 'Kargo İndirildi / Sorun Yok',
      location: { text: `${unit}, ${town}, ${city}`, city, country: 'TR' },
      status: 'in_transit',
      substatus: 'in_transit.hub_scan',
    });
    expect(outcome).toEqual({
      kind: 'found',
      trackingNumber: '104528937651',
      events: [
        move('20260310 203000', '2026-03-10T17:30:00.000Z', 'KADIKÖY ŞUBE', 'KADIKÖY', 'İSTANBUL'),
        move('20260311 13000', '2026-03-10T22:30:00.000Z', 'TUZLA TRANSFER MERKEZİ', 'TUZLA', 'İSTANBUL'),
        move('20260311 143000', '2026-03-11T11:30:00.000Z', 'ANKARA TRANSFER MERKEZİ', 'SİNCAN', 'ANKARA'),
        move('20260312 93000', '2026-03-12T06:30:00.000Z', 'ÇANKAYA ŞUBE', 'ÇANKAYA', 'ANKARA'),
        {
          occurredAt: new Date('2026-03-12T11:30:05.000Z'),
          localTime: '20260312 143005',
          timeZone: 'Europe/Istanbul',
          rawCode: 'operationCode:5',
          rawText: 'Kargo teslim edilmiştir',
          location: { text: 'ÇANKAYA', city: null, country: 'TR' },
          status: 'delivered',
          substatus: null,
        },
      ],
    });
    // Named facts: a time with its leading zero dropped crosses midnight back to the previous UTC day.
    expect(outcome.events[1]?.occurredAt.toISOString()).toBe('2026-03-10T22:30:00.000Z');
    expect(outcome.events.at(-1)?.status).toBe('delivered');
    expect(outcome.events.at(-1)?.occurredAt.toISOString()).toBe('2026-03-12T11:30:05.000Z');
    expect(JSON.stringify(outcome)).not.toMatch(/MARKER-RECEIVER/);
  });

  it('reports a key Yurtiçi does not know as not found', async () => {
    carrier().post(PATH, withCredentials).reply(200, fixture('not-found'));

    expect((await adapter().track(['SHOP-40404'], BY_REF)).get('SHOP-40404')).toEqual({ kind: 'not_found' });
  });

  it('keeps each key of a mixed batch apart', async () => {
    const keys = ['SHOP-A-TRANSIT', 'SHOP-B-UNKNOWN', 'SHOP-C-NOSCAN', 'SHOP-D-BADDATE', 'SHOP-E-RETURNED', 'SHOP-F-REJECTED', 'SHOP-G-MISSING'];
    carrier()
      .post(PATH, (body: unknown) => withCredentials(body) && JSON.stringify(queryShipmentOf(body)?.['keys']) === JSON.stringify(keys))
      .reply(200, fixture('mixed-batch'));

    const outcomes = await adapter().track(keys, BY_REF);

    const transit = found(outcomes.get('SHOP-A-TRANSIT'));
    expect(transit.trackingNumber).toBe('104528937700');
    expect(transit.events.map((e) => [e.rawCode, e.status, e.occurredAt.toISOString()])).toEqual([
      ['YK', 'in_transit', '2026-03-13T15:45:00.000Z'],
      ['operationCode:1', 'in_transit', '2026-03-13T07:15:00.000Z'],
    ]);
    expect(outcomes.get('SHOP-B-UNKNOWN')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('SHOP-C-NOSCAN')).toEqual({ kind: 'found', events: [] });
    expect(outcomes.get('SHOP-D-BADDATE')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable date in movement 1' } });
    const returned = found(outcomes.get('SHOP-E-RETURNED'));
    expect(returned.events.map((e) => [e.rawCode, e.rawText, e.status, e.localTime, e.occurredAt.toISOString()])).toEqual([
      ['YK', 'Kargo İndirildi / Sorun Yok', 'in_transit', '20260309 160000', '2026-03-09T13:00:00.000Z'],
      ['operationCode:1', 'Kargo teslimattadır', 'in_transit', '20260309 110000', '2026-03-09T08:00:00.000Z'],
      ['returnStatus:3', 'Göndericiye iade edildi', 'returned', '20260315', '2026-03-14T21:00:00.000Z'],
      ['rejectStatus:10', 'İade sonuçlandı', 'returning', '20260309 160000', '2026-03-09T13:00:00.000Z'],
    ]);
    expect(outcomes.get('SHOP-F-REJECTED')).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'carrier rejected the request (errCode 82527)' },
    });
    expect(outcomes.get('SHOP-G-MISSING')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'key missing from carrier answer' } });
    expect(JSON.stringify([...outcomes.values()])).not.toMatch(/MARKER-RECEIVER/);
  });

  it('never sends the same key twice within a minute: answers rate_limited with the time left', async () => {
    const a = adapter();
    carrier().post(PATH, withCredentials).reply(200, fixture('not-found'));
    expect((await a.track(['SHOP-40404'], BY_REF)).get('SHOP-40404')).toEqual({ kind: 'not_found' });

    clock = new Date(T0.getTime() + 20_000);
    carrier()
      .post(PATH, (body: unknown) => JSON.stringify(queryShipmentOf(body)?.['keys']) === '["SHOP-10042"]')
      .reply(200, fixture('full-history-delivered'));
    const second = await a.track(['SHOP-40404', 'SHOP-10042'], BY_REF);
    expect(second.get('SHOP-40404')).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 40_000 } });
    expect(second.get('SHOP-10042')?.kind).toBe('found');

    clock = new Date(T0.getTime() + 60_000);
    carrier().post(PATH, withCredentials).reply(200, fixture('not-found'));
    expect((await a.track(['SHOP-40404'], BY_REF)).get('SHOP-40404')).toEqual({ kind: 'not_found' });
  });

  it('reads nil elements (xsi:nil) as absent, not as data', async () => {
    const body = fixture('not-found')
      .replace('<outFlag>1</outFlag>', '<outFlag>0</outFlag>')
      .replace(/<errCode>60020<\/errCode>\s*<errMessage>Gönderi bulunamadı<\/errMessage>/, '<errCode xsi:nil="true"/><operationCode>0</operationCode><shippingDeliveryItemDetailVO xsi:nil="true"/>');
    carrier().post(PATH, withCredentials).reply(200, body);

    expect((await adapter().track(['SHOP-40404'], BY_REF)).get('SHOP-40404')).toEqual({ kind: 'found', events: [] });
  });

  it('refuses a key Yurtiçi cannot take (over 20 characters) without asking', async () => {
    const key = 'SHOP-KEY-THAT-IS-TOO-LONG';
    expect((await adapter().track([key], BY_REF)).get(key)).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'not a valid Yurtiçi cargoKey (1–20 characters)' },
    });
  });
});

describe('yurtici adapter: request-level failures fail every key of the request', () => {
  const two = ['SHOP-10042', 'SHOP-40404'];
  const every = (outcomes: Map<string, TrackOutcome>) => two.map((k) => outcomes.get(k));

  it('bad credentials reported in the body (HTTP 200, outFlag 1) → auth', async () => {
    carrier().post(PATH).reply(200, fixture('bad-credentials'));
    expect(every(await adapter().track(two, BY_REF))).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('HTTP 401 → auth', async () => {
    carrier().post(PATH).reply(401, 'Unauthorized');
    expect(every(await adapter().track(two, BY_REF))).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('HTTP 429 with Retry-After → rate limited for that long', async () => {
    carrier().post(PATH).reply(429, '', { 'Retry-After': '30' });
    for (const o of every(await adapter().track(two, BY_REF))) expect(o).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('a SOAP fault (HTTP 500) → unavailable, naming only the fault code', async () => {
    carrier().post(PATH).reply(500, fixture('server-error'));
    for (const o of every(await adapter().track(two, BY_REF))) {
      expect(o).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'SOAP fault soapenv:Server' } });
    }
  });

  it('an HTML 503 → unavailable', async () => {
    carrier().post(PATH).reply(503, '<html><body>Bakım</body></html>', { 'Content-Type': 'text/html' });
    for (const o of every(await adapter().track(two, BY_REF))) {
      expect(o).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
    }
  });

  it('outFlag 2 (unexpected error) → unavailable', async () => {
    carrier().post(PATH).reply(200, fixture('not-found').replace('<outFlag>1</outFlag>', '<outFlag>2</outFlag>').replace('<outResult>Hata</outResult>', '<outResult>Beklenmeyen hata</outResult>'));
    for (const o of every(await adapter().track(two, BY_REF))) {
      expect(o).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier reported an unexpected error (outFlag 2)' } });
    }
  });

  it('a timeout → unavailable', async () => {
    carrier().post(PATH).delay(400).reply(200, fixture('not-found'));
    expect((await adapter({ timeoutMs: 200 }).track(['SHOP-40404'], BY_REF)).get('SHOP-40404')).toEqual({
      kind: 'failed',
      failure: { kind: 'unavailable', detail: `timeout on POST ${PATH}` },
    });
  });

  it('a truncated body → malformed', async () => {
    carrier().post(PATH).reply(200, fixture('malformed'));
    for (const o of every(await adapter().track(two, BY_REF))) expect(o?.kind === 'failed' && o.failure.kind).toBe('malformed');
  });

  it('a well-formed body of the wrong shape → malformed, naming the path only', async () => {
    carrier().post(PATH).reply(200, fixture('wrong-shape'));
    for (const o of every(await adapter().track(two, BY_REF))) {
      expect(o).toEqual({
        kind: 'failed',
        failure: { kind: 'malformed', detail: 'queryShipment answer does not match the expected shape at queryShipmentResponse.ShippingDeliveryVO' },
      });
    }
  });

  it('never puts the credentials or personal data into a failure detail or a log line', async () => {
    capture.lines.length = 0;
    carrier().post(PATH).reply(200, fixture('bad-credentials'));
    carrier().post(PATH).reply(401, `denied for ${USERNAME}`);
    carrier().post(PATH).reply(500, fixture('server-error').replace('java.lang.NullPointerException', `bad password ${PASSWORD}`));
    carrier().post(PATH).reply(500, `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>${PASSWORD} x</faultcode><faultstring>${USERNAME}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`);
    carrier().post(PATH).reply(200, `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><x>${PASSWORD} MARKER-RECEIVER-NAME</x></soapenv:Body></soapenv:Envelope>`);
    carrier().post(PATH).reply(200, fixture('mixed-batch'));
    carrier().post(PATH).delay(400).reply(200, '');

    const outcomes: TrackOutcome[] = [];
    for (let i = 0; i < 6; i += 1) outcomes.push(...(await adapter().track(['SHOP-A-TRANSIT', 'SHOP-D-BADDATE'], BY_REF)).values());
    outcomes.push(...(await adapter({ timeoutMs: 100 }).track(['SHOP-1'], BY_REF)).values());
    // Nothing listens on port 9: connection refused.
    outcomes.push(...(await adapter({ baseUrl: 'http://127.0.0.1:9' }).track(['SHOP-1'], BY_REF)).values());

    const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.failure] : []));
    expect(new Set(failures.map((f) => f.kind))).toEqual(new Set(['auth', 'unavailable', 'malformed']));
    const text = JSON.stringify(outcomes) + capture.text();
    expect(capture.lines.length).toBeGreaterThan(0);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(USERNAME);
    for (const marker of RECEIVER_MARKERS) expect(text).not.toContain(marker);
    expect(text).not.toContain('wsPassword');
  });
});

describe('yurtici status table', () => {
  it('maps every code to a canonical status and a known substatus', () => {
    for (const [code, mapping] of Object.entries(YURTICI_STATUSES)) {
      const mapped = mapStatus('yurtici', YURTICI_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.status).toBe(mapping.status);
      if (mapped.substatus !== null) {
        expect(isSubstatus(mapped.substatus)).toBe(true);
        expect(mapped.substatus.startsWith(`${mapped.status}.`)).toBe(true);
      }
    }
  });

  it('covers every documented operation, return and reject status', () => {
    const expected = [
      ...['0', '1', '2', '3', '4', '5', '6'].map((c) => `operationCode:${c}`),
      ...['0', '1', '2', '3'].map((c) => `returnStatus:${c}`),
      ...['0', '1', '2', '3', '4', '7', '8', '9', '10', '11'].map((c) => `rejectStatus:${c}`),
      'YK',
    ];
    expect(Object.keys(YURTICI_STATUSES).sort()).toEqual(expected.sort());
  });

  it('knows every code the fixtures use (only unknown-code.xml is unmapped on purpose)', () => {
    const codes = ['full-history-delivered', 'mixed-batch', 'not-found'].flatMap((name) => {
      const body = fixture(name);
      const pick = (tag: string) => [...body.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
      return [
        ...pick('eventId'),
        ...pick('operationCode').map((c) => `operationCode:${c}`),
        ...pick('returnStatus').map((c) => `returnStatus:${c}`),
        ...pick('rejectStatus').map((c) => `rejectStatus:${c}`),
      ];
    });
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect([code, Object.hasOwn(YURTICI_STATUSES, code)]).toEqual([code, true]);
  });

  it('maps an unknown movement code to the fallback status with substatus unmapped, and counts it', async () => {
    const before = unmappedCodeCounts.get('yurtici') ?? 0;
    carrier().post(PATH, withCredentials).reply(200, fixture('unknown-code'));

    const outcome = found((await adapter().track(['SHOP-UNKNOWN-CODE'], BY_REF)).get('SHOP-UNKNOWN-CODE'));

    expect(outcome.events[1]).toMatchObject({ rawCode: 'ZZ', rawText: 'Bilinmeyen Hareket', status: YURTICI_FALLBACK_STATUS.movement, substatus: 'unmapped' });
    expect(outcome.events[0]?.substatus).not.toBe('unmapped');
    expect(unmappedCodeCounts.get('yurtici')).toBe(before + 1);
  });
});

describe('yurtici numbers', () => {
  it('recognises only the Trendyol 725-prefixed 13-digit hint', () => {
    for (const good of ['7250000000001', '7251234567890']) expect(recognisesYurticiNumber(good)).toBe(true);
    for (const bad of ['725123456789', '72512345678901', '7261234567890', 'SHOP-10042', '104528937651', '']) {
      expect([bad, recognisesYurticiNumber(bad)]).toEqual([bad, false]);
    }
    expect(yurticiCarrier.recognises('7251234567890')).toBe(true);
  });

  it('accepts cargoKeys of 1–20 characters', () => {
    expect(isValidCargoKey('SHOP-10042')).toBe(true);
    expect(isValidCargoKey('A'.repeat(20))).toBe(true);
    expect(isValidCargoKey('A'.repeat(21))).toBe(false);
    expect(isValidCargoKey('')).toBe(false);
    expect(isValidCargoKey(' SHOP')).toBe(false);
  });
});

describe('yurtici config', () => {
  const creds = { CARRIER_YURTICI_USERNAME: USERNAME, CARRIER_YURTICI_PASSWORD: PASSWORD };

  it('is disabled without credentials and invalid with only one, naming the variable only', () => {
    expect(loadYurticiConfig({})).toEqual({ enabled: false });
    const half = loadYurticiConfig({ CARRIER_YURTICI_USERNAME: USERNAME });
    expect(half).toEqual({ enabled: 'invalid', problems: [expect.stringMatching(/^CARRIER_YURTICI_PASSWORD: /)] });
    expect(JSON.stringify(half)).not.toContain(USERNAME);
  });

  it('uses production, the test system, or an override of scheme, host and port', () => {
    const prod = loadYurticiConfig(creds);
    const test = loadYurticiConfig({ ...creds, CARRIER_YURTICI_TEST: 'true' });
    const local = loadYurticiConfig({ ...creds, CARRIER_YURTICI_BASE_URL: 'http://127.0.0.1:4321/ignored' });
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://ws.yurticikargo.com');
    expect(test.enabled === true && test.config.baseUrl).toBe('https://testws.yurticikargo.com');
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:4321');
    expect(JSON.stringify([prod, test, local])).not.toContain(PASSWORD);
  });

  it('describes the carrier the registry enables', () => {
    expect(yurticiCarrier).toMatchObject({ code: 'yurtici', displayName: 'Yurtiçi Kargo', enableWith: ['CARRIER_YURTICI_USERNAME', 'CARRIER_YURTICI_PASSWORD'] });
    expect(adapter()).toMatchObject({ limits: { maxBatch: 20, requestsPerSecond: 1, concurrency: 1 }, queryBy: ['reference'] });
  });
});

describe('yurtici end to end through the real poller', () => {
  const dir = makeTempDir('yurtici-e2e');
  let store: Store;
  let server: Server;
  const requests: string[] = [];

  beforeAll(async () => {
    const delivered = fixture('full-history-delivered');
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        requests.push(`${req.method ?? ''} ${req.url ?? ''} ${String(req.headers['soapaction'])}`);
        const op = queryShipmentOf(body);
        const ok = req.method === 'POST' && req.url === PATH && op?.['wsUserName'] === USERNAME && op['wsPassword'] === PASSWORD;
        res.writeHead(ok ? 200 : 500, { 'Content-Type': 'text/xml;charset=utf-8' });
        res.end(ok ? delivered : fixture('server-error'));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    store = openSqliteStore(dir.path);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    dir.remove();
  });

  it('tracks a shipment registered by its cargoKey to delivered and stores the docId and events', async () => {
    const { port } = server.address() as AddressInfo;
    const env = { CARRIER_YURTICI_BASE_URL: `http://127.0.0.1:${port}`, CARRIER_YURTICI_USERNAME: USERNAME, CARRIER_YURTICI_PASSWORD: PASSWORD };
    const logger = captureLogger().logger;
    const deps = { http: createCarrierHttp({ timeoutMs: 5000 }), now: () => T0, logger };
    const registry = buildCarrierRegistry({ yurtici: yurticiCarrier.loadConfig(env) }, deps, [yurticiCarrier as CarrierDefinition<never>]);
    const shipment = await storeShipment(store, T0, { carrier: 'yurtici', trackingNumber: null, reference: 'SHOP-10042' });

    const summary = await createPoller({ store, registry, cadence: DEFAULT_CADENCE, now: () => T0, logger, maxPerTick: 100 }).pollDue();

    expect(summary).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 5 });
    expect(requests).toEqual([`POST ${PATH} ""`]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', trackingNumber: '104528937651', reference: 'SHOP-10042' });
    const events = await store.events.listForShipment(shipment.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.occurredAt.toISOString()])).toEqual([
      ['operationCode:5', 'delivered', '2026-03-12T11:30:05.000Z'],
      ['YK', 'in_transit', '2026-03-12T06:30:00.000Z'],
      ['YK', 'in_transit', '2026-03-11T11:30:00.000Z'],
      ['YK', 'in_transit', '2026-03-10T22:30:00.000Z'],
      ['YK', 'in_transit', '2026-03-10T17:30:00.000Z'],
    ]);
    expect(events[0]).toMatchObject({ localTime: '20260312 143005', timeZone: 'Europe/Istanbul', description: 'Kargo teslim edilmiştir' });
  });
});
