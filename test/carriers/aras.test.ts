import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { unmappedCodeCounts, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import type { CarrierDefinition } from '../../carriers/contract.js';
import { parseSoapAnswer } from '../../carriers/soap.js';
import { ARAS_PRODUCTION_PATH, ARAS_TEST_PATH, type ArasConfig } from '../../carriers/aras/config.js';
import { arasCarrier } from '../../carriers/aras/index.js';
import { recognisesArasNumber } from '../../carriers/aras/numbers.js';
import { eventCode, parseCargos, readQueryResult } from '../../carriers/aras/parse.js';
import { ARAS_FALLBACK_STATUS, ARAS_STATUSES } from '../../carriers/aras/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import type { Store } from '../../src/store/types.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { createPoller } from '../../src/tracking/poller.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const BASE_URL = 'https://aras.test';
const USERNAME = 'MARKER-ARAS-USER';
const PASSWORD = 'MARKER-ARAS-PASSWORD-9c1f';
const CUSTOMER_CODE = 'MARKER-ARAS-CUSTOMER-4711';
const PERSONAL_MARKERS = ['MARKER-RECIPIENT-NAME', 'MARKER-RECEIVER-NAME'];
const SOAP_ACTION = '"http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON"';
const NOW = new Date('2026-03-12T12:00:00Z');
const BY_REFERENCE: TrackContext = { by: 'reference' };
const BY_NUMBER: TrackContext = { by: 'trackingNumber' };
const FIXTURES = new URL('../fixtures/carriers/aras/', import.meta.url);

const captured = captureLogger();

function fixture(name: string): string {
  return readFileSync(new URL(`${name}.xml`, FIXTURES), 'utf8');
}

function config(overrides: Partial<ArasConfig> = {}): ArasConfig {
  return {
    baseUrl: BASE_URL,
    testEnvironment: false,
    credentials: { USERNAME: new Secret(USERNAME), PASSWORD: new Secret(PASSWORD), CUSTOMER_CODE: new Secret(CUSTOMER_CODE) },
    ...overrides,
  };
}

function adapter(options: { config?: Partial<ArasConfig>; timeoutMs?: number } = {}) {
  return arasCarrier.create(config(options.config), {
    http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }),
    now: () => NOW,
    logger: captured.logger,
  });
}

/** The login and query XML travel escaped inside the SOAP parameters. */
function escaped(xml: string): string {
  return xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function soapBody(queryType: string, key: 'IntegrationCode' | 'TrackingNumber', list: string) {
  return (body: unknown): boolean =>
    typeof body === 'string' &&
    body.includes('<ns:GetQueryJSON xmlns:ns="http://tempuri.org/">') &&
    body.includes(escaped(`<LoginInfo><UserName>${USERNAME}</UserName><Password>${PASSWORD}</Password><CustomerCode>${CUSTOMER_CODE}</CustomerCode></LoginInfo>`)) &&
    body.includes(escaped(`<QueryInfo><QueryType>${queryType}</QueryType><${key}>${list}</${key}></QueryInfo>`));
}

function aras(path = ARAS_PRODUCTION_PATH) {
  return { post: (match: (body: unknown) => boolean) => nock(BASE_URL).matchHeader('soapaction', SOAP_ACTION).matchHeader('content-type', /^text\/xml/).post(path, match) };
}

function anyQuery(): (body: unknown) => boolean {
  return () => true;
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

describe('aras adapter: request shape', () => {
  it('posts GetQueryJSON QueryType 39 with the integration codes comma-separated and the login inside', async () => {
    const scope = aras().post(soapBody('39', 'IntegrationCode', 'WEB-1,WEB-2,WEB-3,WEB-4,WEB-5')).reply(200, fixture('mixed-batch'));
    const outcomes = await adapter().track(['WEB-1', 'WEB-2', 'WEB-3', 'WEB-4', 'WEB-5'], BY_REFERENCE);
    expect(scope.isDone()).toBe(true);
    expect(outcomes.size).toBe(5);
  });

  it('asks by tracking number with QueryType 14 on the test path when the test switch is on', async () => {
    aras(ARAS_TEST_PATH).post(soapBody('14', 'TrackingNumber', '3513771234567')).reply(200, fixture('spaced-labels-by-tracking-number'));
    const outcome = found((await adapter({ config: { testEnvironment: true } }).track(['3513771234567'], BY_NUMBER)).get('3513771234567'));
    expect(outcome.events).toHaveLength(1);
  });

  it('splits more than 20 numbers into several requests and refuses a code that would break the list', async () => {
    const refs = Array.from({ length: 45 }, (_, i) => `WEB-${i}`);
    for (const size of [20, 20, 5]) {
      aras().post((body) => typeof body === 'string' && (body.match(/WEB-\d+/g) ?? []).length === size).reply(200, fixture('not-found'));
    }
    const outcomes = await adapter().track([...refs, 'BAD,REF'], BY_REFERENCE);
    expect(outcomes.size).toBe(46);
    expect(outcomes.get('WEB-44')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('BAD,REF')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'not a valid Aras integration code' } });
  });
});

describe('aras adapter: answers', () => {
  it('reads a delivered cargo in full, Turkey local time as a UTC instant, and hands back the Aras number', async () => {
    aras().post(soapBody('39', 'IntegrationCode', 'WEB-100234')).reply(200, fixture('full-history-delivered'));
    const outcome = found((await adapter().track(['WEB-100234'], BY_REFERENCE)).get('WEB-100234'));

    expect(outcome).toEqual({
      kind: 'found',
      trackingNumber: '3513773163316',
      proofOfDelivery: { receivedBy: 'MARKER-RECEIVER-NAME' },
      events: [
        {
          occurredAt: new Date('2026-03-12T11:30:00Z'),
          localTime: '2026-03-12T14:30:00',
          timeZone: 'Europe/Istanbul',
          rawCode: 'DURUM_KODU=6',
          rawText: 'TESLİM EDİLDİ',
          location: { text: null, city: null, country: 'TR' },
          status: 'delivered',
          substatus: 'delivered.signed',
        },
      ],
    });
    const [delivered] = outcome.events;
    expect(delivered?.occurredAt.toISOString()).toBe('2026-03-12T11:30:00.000Z');
    expect(delivered?.rawText).toBe('TESLİM EDİLDİ');
    expect(outcome.trackingNumber).toBe('3513773163316');
  });

  it('reads spaced Turkish labels and dd.MM.yyyy HH:mm:ss times', async () => {
    aras().post(anyQuery()).reply(200, fixture('spaced-labels-by-tracking-number'));
    const outcome = found((await adapter().track(['3513771234567'], BY_NUMBER)).get('3513771234567'));
    expect(outcome.trackingNumber).toBeUndefined();
    expect(outcome.events[0]).toMatchObject({
      occurredAt: new Date('2026-03-11T06:15:00Z'),
      localTime: '11.03.2026 09:15:00',
      rawCode: 'DURUM_KODU=3',
      status: 'in_transit',
      substatus: 'in_transit.arrived_at_branch',
    });
  });

  it('reports QueryResult null as not found', async () => {
    aras().post(anyQuery()).reply(200, fixture('not-found'));
    expect((await adapter().track(['WEB-404'], BY_REFERENCE)).get('WEB-404')).toEqual({ kind: 'not_found' });
  });

  it('keeps each number of a mixed batch apart', async () => {
    aras().post(anyQuery()).reply(200, fixture('mixed-batch'));
    const outcomes = await adapter().track(['WEB-1', 'WEB-2', 'WEB-3', 'WEB-4', 'WEB-5'], BY_REFERENCE);

    expect(found(outcomes.get('WEB-1')).events[0]).toMatchObject({ status: 'out_for_delivery', rawCode: 'DURUM_KODU=4', occurredAt: new Date('2026-03-11T06:40:00Z') });
    expect(found(outcomes.get('WEB-2')).events[0]).toMatchObject({
      status: 'attempt_failed',
      substatus: 'attempt_failed.address_not_found',
      rawCode: 'DEVIR_KODU=10',
      rawText: 'TESLİMAT ŞUBESİNDE',
    });
    expect(outcomes.get('WEB-3')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable event time in carrier answer' } });
    expect(outcomes.get('WEB-4')).toEqual({ kind: 'not_found' });
    // A return is read from TIP_KODU=3, whatever DURUM_KODU says.
    expect(found(outcomes.get('WEB-5')).events[0]).toMatchObject({ status: 'returning', rawCode: 'TIP_KODU=3', rawText: 'YOLDA' });
    expect(found(outcomes.get('WEB-5')).trackingNumber).toBe('3513770000055');
  });
});

describe('aras answer matching', () => {
  const cargo = (fields: Record<string, string>) => new Map(Object.entries(fields));
  const record = { DURUM_KODU: '2', DURUMU: 'YOLDA', ISLEM_TARIHI: '2026-03-11T10:00:00' };

  it('gives a keyless record to a one-number query and ignores records for numbers nobody asked about', () => {
    expect(parseCargos([cargo(record)], ['WEB-1'], 'reference').get('WEB-1')?.kind).toBe('found');
    const outcomes = parseCargos([cargo({ ...record, MUSTERI_OZEL_KODU: 'WEB-9' })], ['WEB-1', 'WEB-2'], 'reference');
    expect([...outcomes.values()]).toEqual([{ kind: 'not_found' }, { kind: 'not_found' }]);
  });

  it('fails unmatched numbers of a batch when a record has no key to match by', () => {
    const outcomes = parseCargos([cargo(record), cargo({ ...record, MUSTERI_OZEL_KODU: 'web-1' })], ['WEB-1', 'WEB-2'], 'reference');
    expect(outcomes.get('WEB-1')?.kind).toBe('found');
    expect(outcomes.get('WEB-2')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'carrier answer could not be matched to this number' } });
  });
});

describe('aras adapter: request-level failures fail every number of the request', () => {
  const refs = ['WEB-1', 'WEB-2'];
  async function failuresFor(setup: () => void, options: { timeoutMs?: number } = {}) {
    setup();
    const outcomes = await adapter(options).track(refs, BY_REFERENCE);
    return refs.map((r) => outcomes.get(r));
  }

  it('plain text instead of JSON about the password → auth', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).reply(200, fixture('bad-credentials')));
    expect(outcomes).toEqual([{ kind: 'failed', failure: { kind: 'auth' } }, { kind: 'failed', failure: { kind: 'auth' } }]);
  });

  it('HTTP 401 → auth', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).reply(401, ''));
    expect(outcomes.every((o) => o?.kind === 'failed' && o.failure.kind === 'auth')).toBe(true);
  });

  it('429 with Retry-After → rate limited for that long', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).reply(429, '', { 'Retry-After': '30' }));
    expect(outcomes).toEqual(refs.map(() => ({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } })));
  });

  it('a WCF SOAP fault with HTTP 500 → unavailable, naming the fault code only', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).reply(500, fixture('server-error')));
    expect(outcomes).toEqual(refs.map(() => ({ kind: 'failed', failure: { kind: 'unavailable', detail: 'SOAP fault a:InternalServiceFault (HTTP 500)' } })));
  });

  it('HTTP 503 without a SOAP body → unavailable', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).reply(503, 'Service Unavailable'));
    expect(outcomes).toEqual(refs.map(() => ({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } })));
  });

  it('a timeout → unavailable', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).delay(500).reply(200, fixture('not-found')), { timeoutMs: 100 });
    expect(outcomes.every((o) => o?.kind === 'failed' && o.failure.kind === 'unavailable' && o.failure.detail.startsWith('timeout'))).toBe(true);
  });

  it('JSON of the wrong shape → malformed', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).reply(200, fixture('malformed')));
    expect(outcomes.every((o) => o?.kind === 'failed' && o.failure.kind === 'malformed')).toBe(true);
  });

  it('a body that is not SOAP at all → malformed', async () => {
    const outcomes = await failuresFor(() => aras().post(anyQuery()).reply(200, '<html><body>bakımdayız</body></html>'));
    expect(outcomes).toEqual(refs.map(() => ({ kind: 'failed', failure: { kind: 'malformed', detail: 'SOAP answer has no Envelope/Body' } })));
  });

  it('never puts credentials or personal data into a failure detail or a log line', async () => {
    const details: string[] = [];
    for (const [status, body] of [
      [200, fixture('bad-credentials')],
      [500, fixture('server-error')],
      [200, fixture('malformed')],
      [200, fixture('mixed-batch')],
      [401, 'MARKER-RECIPIENT-NAME'],
    ] as const) {
      aras().post(anyQuery()).reply(status, body);
      for (const outcome of (await adapter().track(refs, BY_REFERENCE)).values()) {
        if (outcome.kind === 'failed') details.push(JSON.stringify(outcome.failure));
      }
    }
    const everything = [...details, captured.text()].join('\n');
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const marker of [USERNAME, PASSWORD, CUSTOMER_CODE, ...PERSONAL_MARKERS]) expect(everything).not.toContain(marker);
  });
});

describe('aras status table', () => {
  it('maps every code to a canonical status and a known substatus', () => {
    for (const [code, mapping] of Object.entries(ARAS_STATUSES)) {
      expect([code, isShipmentStatus(mapping.status)]).toEqual([code, true]);
      if ('substatus' in mapping) expect([code, isSubstatus(mapping.substatus)]).toEqual([code, true]);
    }
  });

  it('covers every documented DURUM, TİP and DEVİR code', () => {
    const documented = [
      ...[1, 2, 3, 4, 5, 6, 7].map((c) => `DURUM_KODU=${c}`),
      ...[1, 2, 3].map((c) => `TIP_KODU=${c}`),
      ...[10, 11, 12, 14, 15, 17, 18, 20, 22, 26, 32, 33, 34, 45, 47, 51].map((c) => `DEVIR_KODU=${c}`),
    ];
    for (const code of documented) expect(Object.hasOwn(ARAS_STATUSES, code)).toBe(true);
    expect(ARAS_STATUSES['TIP_KODU=3;DURUM_KODU=6'].status).toBe('returned');
  });

  it('knows every code the fixtures use (only unknown-code.xml is unmapped on purpose)', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xml') && f !== 'unknown-code.xml');
    let seen = 0;
    for (const file of files) {
      const answer = parseSoapAnswer(readFileSync(new URL(file, FIXTURES), 'utf8'));
      if (answer.kind !== 'body') continue;
      const response = answer.body['GetQueryJSONResponse'] as Record<string, unknown> | undefined;
      const reading = readQueryResult(String(response?.['GetQueryJSONResult'] ?? ''));
      if (!reading.ok) continue;
      for (const cargo of reading.cargos) {
        const code = eventCode(cargo);
        expect([file, code !== null && Object.hasOwn(ARAS_STATUSES, code)]).toEqual([file, true]);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(6);
  });

  it('reads a return from TIP_KODU=3 first, a delivered return as returned, and delivery over a carry-over reason', () => {
    const cargo = (fields: Record<string, string>) => new Map(Object.entries(fields));
    expect(eventCode(cargo({ DURUM_KODU: '6', TIP_KODU: '3' }))).toBe('TIP_KODU=3;DURUM_KODU=6');
    expect(ARAS_STATUSES['TIP_KODU=3;DURUM_KODU=6'].status).toBe('returned');
    expect(eventCode(cargo({ DURUM_KODU: '6', TIP_KODU: '1', DEVIR_KODU: '11' }))).toBe('DURUM_KODU=6');
    expect(eventCode(cargo({ DURUM_KODU: '3', TIP_KODU: '1', DEVIR_KODU: '0' }))).toBe('DURUM_KODU=3');
    expect(eventCode(cargo({ TIP_KODU: '2' }))).toBe('TIP_KODU=2');
    expect(eventCode(cargo({}))).toBeNull();
  });

  it('maps an unknown code to the fallback status with substatus unmapped, and counts it', async () => {
    const before = unmappedCodeCounts.get('aras') ?? 0;
    aras().post(anyQuery()).reply(200, fixture('unknown-code'));
    const outcome = found((await adapter().track(['WEB-100888'], BY_REFERENCE)).get('WEB-100888'));
    expect(outcome.events[0]).toMatchObject({ rawCode: 'DURUM_KODU=9', rawText: 'GÜMRÜK KONTROLÜNDE', status: ARAS_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(unmappedCodeCounts.get('aras')).toBe(before + 1);
  });
});

describe('aras tracking numbers', () => {
  it('accepts 13 digits and rejects other shapes', () => {
    expect(recognisesArasNumber('3513773163316')).toBe(true);
    for (const bad of ['351377316331', '35137731633160', '351377316331A', '', 'WEB-100234', '35137731633160000000']) {
      expect([bad, recognisesArasNumber(bad)]).toEqual([bad, false]);
    }
    expect(arasCarrier.recognises('3513773163316')).toBe(true);
  });
});

describe('aras config', () => {
  const full = { CARRIER_ARAS_USERNAME: USERNAME, CARRIER_ARAS_PASSWORD: PASSWORD, CARRIER_ARAS_CUSTOMER_CODE: CUSTOMER_CODE };

  it('is disabled without credentials and names a missing one without echoing values', () => {
    expect(arasCarrier.loadConfig({})).toEqual({ enabled: false });
    const partial = arasCarrier.loadConfig({ CARRIER_ARAS_USERNAME: USERNAME });
    expect(partial.enabled).toBe('invalid');
    expect(JSON.stringify(partial)).toContain('CARRIER_ARAS_PASSWORD');
    expect(JSON.stringify(partial)).not.toContain(USERNAME);
  });

  it('uses production by default, the test host with CARRIER_ARAS_TEST, and a base URL override', () => {
    const prod = arasCarrier.loadConfig(full);
    const test = arasCarrier.loadConfig({ ...full, CARRIER_ARAS_TEST: 'true' });
    const local = arasCarrier.loadConfig({ ...full, CARRIER_ARAS_BASE_URL: 'http://127.0.0.1:8080/' });
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://customerservices.araskargo.com.tr');
    expect(test.enabled === true && [test.config.baseUrl, test.config.testEnvironment]).toEqual(['https://customerservicestest.araskargo.com.tr', true]);
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:8080');
    expect(arasCarrier.enableWith).toEqual(['CARRIER_ARAS_USERNAME', 'CARRIER_ARAS_PASSWORD', 'CARRIER_ARAS_CUSTOMER_CODE']);
    expect(JSON.stringify(prod)).not.toContain(PASSWORD);
  });
});

describe('aras end to end through the real poller', () => {
  const dir = makeTempDir('aras-e2e');
  let store: Store;
  let server: Server;
  let stage: 'out-for-delivery' | 'full-history-delivered' = 'out-for-delivery';
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${String(req.headers['soapaction'])}`);
        const query = parseSoapAnswer(body);
        const call = query.kind === 'body' ? (query.body['GetQueryJSON'] as Record<string, unknown> | undefined) : undefined;
        const queryInfo = String(call?.['queryInfo'] ?? '');
        const loginInfo = String(call?.['loginInfo'] ?? '');
        res.setHeader('content-type', 'text/xml; charset=utf-8');
        if (!loginInfo.includes(`<Password>${PASSWORD}</Password>`)) return void res.end(fixture('bad-credentials'));
        res.end(queryInfo.includes('<IntegrationCode>WEB-100234</IntegrationCode>') ? fixture(stage) : fixture('not-found'));
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

  it('tracks a shipment registered by integration code to delivered, adopting the Aras number', async () => {
    const { port } = server.address() as AddressInfo;
    const env = {
      CARRIER_ARAS_USERNAME: USERNAME,
      CARRIER_ARAS_PASSWORD: PASSWORD,
      CARRIER_ARAS_CUSTOMER_CODE: CUSTOMER_CODE,
      CARRIER_ARAS_BASE_URL: `http://127.0.0.1:${port}`,
    };
    let clock = new Date('2026-03-12T06:00:00Z');
    const { logger } = captureLogger('warn');
    const definition = arasCarrier as CarrierDefinition<never>;
    const registry = buildCarrierRegistry({ aras: definition.loadConfig(env) }, { http: createCarrierHttp(), now: () => clock, logger }, [definition]);
    const poller = createPoller({ store, registry, cadence: DEFAULT_CADENCE, now: () => clock, logger, maxPerTick: 100 });
    const shipment = await storeShipment(store, clock, { carrier: 'aras', trackingNumber: null, reference: 'WEB-100234' });

    expect(await poller.pollDue()).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 1 });
    expect(await store.shipments.get(shipment.id)).toMatchObject({ status: 'out_for_delivery', trackingNumber: '3513773163316' });

    stage = 'full-history-delivered';
    clock = new Date('2026-03-12T13:00:00Z');
    expect(await poller.pollDue()).toMatchObject({ shipments: 1, found: 1, eventsAdded: 1 });

    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', trackingNumber: '3513773163316' });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-03-12T11:30:00.000Z');
    const events = await store.events.listForShipment(shipment.id);
    expect([...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).map((e) => [e.occurredAt.toISOString(), e.carrierCode, e.status, e.localTime, e.description])).toEqual([
      ['2026-03-12T05:05:00.000Z', 'DURUM_KODU=4', 'out_for_delivery', '2026-03-12T08:05:00', 'TESLİMATTA'],
      ['2026-03-12T11:30:00.000Z', 'DURUM_KODU=6', 'delivered', '2026-03-12T14:30:00', 'TESLİM EDİLDİ'],
    ]);
    expect(seen[0]).toBe(`POST ${ARAS_PRODUCTION_PATH} "http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON"`);
  });
});
