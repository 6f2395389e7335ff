import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { mapStatus, unmappedCodeCounts, type CarrierEvent, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import type { CarrierDefinition } from '../../carriers/contract.js';
import { suratCarrier } from '../../carriers/surat/index.js';
import { recognisesSuratNumber } from '../../carriers/surat/numbers.js';
import { readReturnFlag, suratEventStatus } from '../../carriers/surat/returns.js';
import { SURAT_FALLBACK_STATUS, SURAT_STATUSES } from '../../carriers/surat/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { createPoller } from '../../src/tracking/poller.js';
import { captureLogger, silentLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const BASE_URL = 'https://surat-api.test';
const PATH = '/api/KargoTakipHareketDetayi';
const CUSTOMER_CODE = '1234567890';
const PASSWORD = 'Sifre-MARKER-9c2e7f';
const NOW = new Date('2026-03-12T12:00:00Z');
const BY_REF: TrackContext = { by: 'reference' };
const PII_MARKERS = ['MARKER-RECEIVER-NAME', 'MARKER-RECEIVER-PHONE', 'MARKER-RECEIVER-ADDRESS'];

const captured = captureLogger();

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/surat/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function adapter(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  return suratCarrier.create(
    {
      baseUrl: options.baseUrl ?? BASE_URL,
      testEnvironment: false,
      credentials: { CUSTOMER_CODE: new Secret(CUSTOMER_CODE), PASSWORD: new Secret(PASSWORD) },
    },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: () => NOW, logger: captured.logger },
  );
}

/** Sürat with the right credentials in the query string; anything else makes nock refuse the request. */
function carrier(webSiparisKodu: string) {
  return nock(BASE_URL).post(PATH).query({ CariKodu: CUSTOMER_CODE, Sifre: PASSWORD, WebSiparisKodu: webSiparisKodu });
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

describe('surat adapter: request shape', () => {
  it('posts an empty body to /api/KargoTakipHareketDetayi with CariKodu, Sifre and WebSiparisKodu in the query', async () => {
    const scope = nock(BASE_URL)
      .matchHeader('content-length', '0')
      .matchHeader('accept', /application\/json/)
      .post(PATH, (body) => body === '' || (typeof body === 'object' && Object.keys(body as object).length === 0))
      .query({ CariKodu: CUSTOMER_CODE, Sifre: PASSWORD, WebSiparisKodu: 'WEB-100234' })
      .reply(200, fixture('full-history-delivered'));

    const outcomes = await adapter().track(['WEB-100234'], BY_REF);

    expect(scope.isDone()).toBe(true);
    expect(outcomes.get('WEB-100234')?.kind).toBe('found');
  });

  it('sends one request per key, since the endpoint takes a single WebSiparisKodu', async () => {
    carrier('WEB-1').reply(200, fixture('not-found'));
    carrier('WEB-2').reply(200, fixture('not-found'));

    const outcomes = await adapter().track(['WEB-1', 'WEB-2', 'WEB-1'], BY_REF);

    expect([...outcomes]).toEqual([
      ['WEB-1', { kind: 'not_found' }],
      ['WEB-2', { kind: 'not_found' }],
    ]);
  });

  it('declares its limits and that it is tracked by the shop reference', () => {
    expect(adapter()).toMatchObject({ code: 'surat', displayName: 'Sürat Kargo', limits: { maxBatch: 1, requestsPerSecond: 2, concurrency: 2 }, queryBy: ['reference'] });
  });
});

describe('surat adapter: answers', () => {
  it('reads a delivered history in full, Turkey local times as UTC instants, oldest first', async () => {
    carrier('WEB-100234').reply(200, fixture('full-history-delivered'));

    const outcome = found((await adapter().track(['WEB-100234'], BY_REF)).get('WEB-100234'));

    const event = (localTime: string, utc: string, rawCode: string, rawText: string, place: string | null, mapped: Pick<CarrierEvent, 'status' | 'substatus'>): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone: 'Europe/Istanbul',
      rawCode,
      rawText,
      location: { text: place, city: null, country: 'TR' },
      ...mapped,
    });
    expect(outcome).toEqual({
      kind: 'found',
      trackingNumber: '25220148446193',
      estimatedDelivery: '2026-03-12',
      events: [
        event('10.03.2026 16:20:05', '2026-03-10T13:20:05.000Z', '1', 'Gönderi Hazırlanıyor', 'Esenyurt Şube', { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('2026-03-10T23:50:12', '2026-03-10T20:50:12.000Z', '2', 'Transfer Merkezinde', 'İSTANBUL / ESENYURT', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('11.03.2026 03:15:00', '2026-03-11T00:15:00.000Z', '3', 'Gönderi Yolda', 'İSTANBUL / ESENYURT', { status: 'in_transit', substatus: null }),
        event('11/03/2026 22:40', '2026-03-11T19:40:00.000Z', '4', 'Teslimat Şubesinde', 'ANKARA / ÇANKAYA', { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }),
        event('12.03.2026 09:12:40', '2026-03-12T06:12:40.000Z', '5', 'Kurye Dağıtımda', 'ANKARA / ÇANKAYA', { status: 'out_for_delivery', substatus: null }),
        event('2026-03-12T14:05:31.52', '2026-03-12T11:05:31.520Z', '6', 'Teslim Edildi', 'ANKARA / ÇANKAYA', { status: 'delivered', substatus: null }),
      ],
    });
    const last = outcome.events.at(-1);
    expect(last?.status).toBe('delivered');
    expect(last?.occurredAt.toISOString()).toBe('2026-03-12T11:05:31.520Z');
    // 03:15 on 11 March in Turkey is 00:15 UTC the same day; read as UTC it would be three hours late.
    expect(outcome.events[2]?.occurredAt.toISOString()).toBe('2026-03-11T00:15:00.000Z');
    expect(JSON.stringify(outcome)).not.toMatch(/MARKER-RECEIVER/);
  });

  it('reports an empty Gonderiler list as not found', async () => {
    carrier('WEB-404').reply(200, fixture('not-found'));
    expect((await adapter().track(['WEB-404'], BY_REF)).get('WEB-404')).toEqual({ kind: 'not_found' });
  });

  it('reports "kargo kabul bekleniyor" (data sent, parcel not yet accepted) and a cancelled parcel as not found', async () => {
    carrier('WEB-WAIT').reply(200, fixture('awaiting-acceptance'));
    carrier('WEB-IPTAL').reply(200, fixture('cancelled'));

    const outcomes = await adapter().track(['WEB-WAIT', 'WEB-IPTAL'], BY_REF);

    expect(outcomes.get('WEB-WAIT')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('WEB-IPTAL')).toEqual({ kind: 'not_found' });
  });

  it('uses the parcel summary as the one event when Sürat sends no movements', async () => {
    carrier('WEB-100304').reply(200, fixture('accepted-without-movements'));

    const outcome = found((await adapter().track(['WEB-100304'], BY_REF)).get('WEB-100304'));

    expect(outcome.trackingNumber).toBe('25220148446247');
    expect(outcome.estimatedDelivery).toBeUndefined();
    expect(outcome.events).toEqual([
      {
        occurredAt: new Date('2026-03-13T06:00:00.000Z'),
        localTime: '2026-03-13T09:00:00',
        timeZone: 'Europe/Istanbul',
        rawCode: '1',
        rawText: 'Gönderi Hazırlanıyor',
        location: { text: 'Esenyurt Şube', city: null, country: 'TR' },
        status: 'in_transit',
        substatus: 'in_transit.picked_up',
      },
    ]);
  });

  it('keeps each key of a batch apart: found, not found, server error and an unreadable date', async () => {
    carrier('WEB-100234').reply(200, fixture('full-history-delivered'));
    carrier('WEB-404').reply(200, fixture('not-found'));
    carrier('WEB-500').reply(500, fixture('server-error'));
    carrier('WEB-100303').reply(200, fixture('unreadable-date'));

    const outcomes = await adapter().track(['WEB-100234', 'WEB-404', 'WEB-500', 'WEB-100303'], BY_REF);

    expect(found(outcomes.get('WEB-100234')).events).toHaveLength(6);
    expect(outcomes.get('WEB-404')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('WEB-500')).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
    expect(outcomes.get('WEB-100303')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable IslemTarihi in movement 1' } });
  });
});

describe('surat adapter: returns are decided on IadeDurum and the text, not the code', () => {
  it('reads a completed return sent as code 13 with "İade Edildi" and IadeDurum "Evet" as returned', async () => {
    carrier('WEB-100300').reply(200, fixture('return-completed'));

    const outcome = found((await adapter().track(['WEB-100300'], BY_REF)).get('WEB-100300'));

    expect(outcome.events.map((e) => [e.rawCode, e.status])).toEqual([
      ['1', 'in_transit'],
      ['4', 'in_transit'],
      ['14', 'returning'],
      ['13', 'returning'],
      ['13', 'returned'],
    ]);
    expect(outcome.events.at(-1)?.rawText).toBe('İade Edildi');
  });

  it('reads code 9 on a parcel with IadeDurum "Hayır" as still moving, not as a return', async () => {
    carrier('WEB-100301').reply(200, fixture('code-9-without-return'));

    const outcome = found((await adapter().track(['WEB-100301'], BY_REF)).get('WEB-100301'));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['1', 'in_transit', 'in_transit.picked_up'],
      ['9', 'in_transit', null],
      ['6', 'delivered', null],
    ]);
  });

  it('trusts the code when IadeDurum is empty, and folds Turkish case when reading the flag and the text', () => {
    expect(readReturnFlag('EVET')).toBe('yes');
    expect(readReturnFlag('HAYIR')).toBe('no');
    expect(readReturnFlag('')).toBe('unknown');
    expect(suratEventStatus({ rawCode: '12', texts: ['İade Teslim Edildi'], returnFlag: 'unknown' })).toEqual({ status: 'returned', substatus: null });
    expect(suratEventStatus({ rawCode: '11', texts: ['İade Transfer Merkezinde'], returnFlag: 'unknown' })).toEqual({ status: 'returning', substatus: null });
    expect(suratEventStatus({ rawCode: '6', texts: ['TESLİM EDİLDİ (İADE)'], returnFlag: 'yes' })).toEqual({ status: 'returned', substatus: null });
    expect(suratEventStatus({ rawCode: '3', texts: ['İade gönderi yolda'], returnFlag: 'yes' })).toEqual({ status: 'returning', substatus: null });
    expect(suratEventStatus({ rawCode: '14', texts: ['İade Teslimat Şubesinde'], returnFlag: 'no' })).toEqual({ status: 'in_transit', substatus: 'in_transit.arrived_at_branch' });
  });
});

describe('surat adapter: request-level failures', () => {
  it('401 and 403 → auth', async () => {
    carrier('WEB-1').reply(401, 'Unauthorized');
    carrier('WEB-2').reply(403, 'Forbidden');

    const outcomes = await adapter().track(['WEB-1', 'WEB-2'], BY_REF);

    expect([...outcomes.values()]).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('HTTP 200 with IsError and a credential message → auth; any other error flag → unavailable without echoing the message', async () => {
    carrier('WEB-1').reply(200, fixture('bad-credentials'));
    carrier('WEB-2').reply(200, fixture('error-flag-other'));

    const outcomes = await adapter().track(['WEB-1', 'WEB-2'], BY_REF);

    expect(outcomes.get('WEB-1')).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
    expect(outcomes.get('WEB-2')).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered with IsError set' } });
  });

  it('429 with Retry-After → rate limited for that long', async () => {
    carrier('WEB-1').reply(429, 'Too Many Requests', { 'Retry-After': '30' });

    expect((await adapter().track(['WEB-1'], BY_REF)).get('WEB-1')).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('a timeout → unavailable', async () => {
    carrier('WEB-1').delay(400).reply(200, fixture('not-found'));

    const outcome = (await adapter({ timeoutMs: 200 }).track(['WEB-1'], BY_REF)).get('WEB-1');

    expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: `timeout on POST ${PATH}` } });
  });

  it('a body of the wrong shape, or no JSON at all → malformed', async () => {
    carrier('WEB-1').reply(200, fixture('malformed'));
    carrier('WEB-2').reply(200, '<html><body>Bakım çalışması</body></html>', { 'Content-Type': 'text/html' });

    const outcomes = await adapter().track(['WEB-1', 'WEB-2'], BY_REF);

    expect(outcomes.get('WEB-1')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'track response does not match the expected shape at IsError, Gonderiler' } });
    expect(outcomes.get('WEB-2')).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'track response does not match the expected shape at (root)' } });
  });

  it('reads an answer sent as JSON inside a JSON string', async () => {
    carrier('WEB-404').reply(200, JSON.stringify(JSON.stringify(fixture('not-found'))), { 'Content-Type': 'application/json' });
    expect((await adapter().track(['WEB-404'], BY_REF)).get('WEB-404')).toEqual({ kind: 'not_found' });
  });

  it('never puts the password, the customer code or personal data into a failure detail or a log line', async () => {
    captured.lines.length = 0;
    carrier('WEB-1').reply(401, `bad ${PASSWORD}`);
    carrier('WEB-1').reply(429, 'Too Many Requests', { 'Retry-After': '30' });
    carrier('WEB-1').reply(503, `upstream said ${PASSWORD}`);
    carrier('WEB-1').reply(200, fixture('malformed'));
    carrier('WEB-1').reply(200, fixture('error-flag-other'));
    carrier('WEB-1').reply(200, fixture('bad-credentials'));
    carrier('WEB-1').reply(200, fixture('full-history-delivered'));
    carrier('WEB-1').delay(400).reply(200, {});

    const outcomes: TrackOutcome[] = [];
    for (let i = 0; i < 7; i += 1) outcomes.push(...(await adapter().track(['WEB-1'], BY_REF)).values());
    outcomes.push(...(await adapter({ timeoutMs: 100 }).track(['WEB-1'], BY_REF)).values());
    // Nothing listens on port 9: connection refused.
    outcomes.push(...(await adapter({ baseUrl: 'http://127.0.0.1:9' }).track(['WEB-1'], BY_REF)).values());

    const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.failure] : []));
    expect(new Set(failures.map((f) => f.kind))).toEqual(new Set(['auth', 'rate_limited', 'unavailable', 'malformed']));
    const text = JSON.stringify(outcomes) + captured.text();
    expect(captured.lines.length).toBeGreaterThan(0);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(CUSTOMER_CODE);
    expect(text).not.toMatch(/Sifre=|CariKodu=/);
    for (const marker of PII_MARKERS) expect(text).not.toContain(marker);
  });
});

describe('surat status table', () => {
  it('maps every documented code 1–16 to a canonical status and a known substatus', () => {
    expect(Object.keys(SURAT_STATUSES).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    for (const [code, mapping] of Object.entries(SURAT_STATUSES)) {
      const mapped = mapStatus('surat', SURAT_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.status).toBe(mapping.status);
      if (mapped.substatus !== null) {
        expect(isSubstatus(mapped.substatus)).toBe(true);
        expect(mapped.substatus.startsWith(`${mapped.status}.`)).toBe(true);
      }
    }
  });

  it('knows every code the fixtures use (only unknown-code.json is unmapped on purpose)', () => {
    const names = ['full-history-delivered', 'return-completed', 'code-9-without-return', 'unreadable-date', 'accepted-without-movements'];
    const codes = names.flatMap((name) => [...JSON.stringify(fixture(name)).matchAll(/"(?:KargonunDurumuSayi|KargoHareketKargonunDurumuSayi)":"?(\d+)"?/g)].map((m) => m[1]));
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect([code, Object.hasOwn(SURAT_STATUSES, code ?? '')]).toEqual([code, true]);
  });

  it('maps an unknown code to the fallback status with substatus unmapped, and counts it', async () => {
    const before = unmappedCodeCounts.get('surat') ?? 0;
    carrier('WEB-100302').reply(200, fixture('unknown-code'));

    const outcome = found((await adapter().track(['WEB-100302'], BY_REF)).get('WEB-100302'));

    expect(outcome.events[1]).toMatchObject({ rawCode: '17', rawText: 'Gönderi Depoda Bekletiliyor', status: SURAT_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(outcome.events[0]?.substatus).not.toBe('unmapped');
    expect(unmappedCodeCounts.get('surat')).toBe(before + 1);
  });
});

describe('surat tracking numbers and config', () => {
  it('recognises 14-digit KargoTakipNo and rejects other shapes', () => {
    expect(recognisesSuratNumber('25220148446193')).toBe(true);
    expect(suratCarrier.recognises('25220148446193')).toBe(true);
    for (const bad of ['2522014844619', '252201484461930', '2522014844619A', '00000000000000', 'WEB-100234', '7270033563324593', '']) {
      expect([bad, recognisesSuratNumber(bad)]).toEqual([bad, false]);
    }
  });

  it('is enabled by the customer code and password, with the documented production and test hosts', () => {
    expect(suratCarrier).toMatchObject({ code: 'surat', displayName: 'Sürat Kargo', enableWith: ['CARRIER_SURAT_CUSTOMER_CODE', 'CARRIER_SURAT_PASSWORD'] });
    expect(suratCarrier.loadConfig({})).toEqual({ enabled: false });
    const prod = suratCarrier.loadConfig({ CARRIER_SURAT_CUSTOMER_CODE: CUSTOMER_CODE, CARRIER_SURAT_PASSWORD: PASSWORD });
    const test = suratCarrier.loadConfig({ CARRIER_SURAT_CUSTOMER_CODE: CUSTOMER_CODE, CARRIER_SURAT_PASSWORD: PASSWORD, CARRIER_SURAT_TEST: 'true' });
    if (prod.enabled !== true || test.enabled !== true) throw new Error('expected enabled');
    expect(prod.config.baseUrl).toBe('https://api01.suratkargo.com.tr');
    expect(test.config.baseUrl).toBe('https://api02.suratkargo.com.tr');
    expect(prod.config.credentials.PASSWORD.reveal()).toBe(PASSWORD);
    const half = suratCarrier.loadConfig({ CARRIER_SURAT_PASSWORD: PASSWORD });
    expect(half).toEqual({ enabled: 'invalid', problems: [expect.stringMatching(/^CARRIER_SURAT_CUSTOMER_CODE: /)] });
    expect(JSON.stringify([prod, test, half])).not.toContain(PASSWORD);
  });
});

describe('surat end to end through the real poller', () => {
  const dir = makeTempDir('surat-e2e');
  const requests: URLSearchParams[] = [];
  let server: Server;
  let store: Store;

  beforeAll(async () => {
    // A local Sürat speaking the documented format: one key known, everything else empty.
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url.searchParams);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      if (req.method !== 'POST' || url.pathname !== PATH) {
        res.statusCode = 404;
        res.end(JSON.stringify({ Message: 'No HTTP resource was found' }));
        return;
      }
      if (url.searchParams.get('CariKodu') !== CUSTOMER_CODE || url.searchParams.get('Sifre') !== PASSWORD) {
        res.end(JSON.stringify(fixture('bad-credentials')));
        return;
      }
      const known = url.searchParams.get('WebSiparisKodu') === 'WEB-100234';
      res.end(JSON.stringify(fixture(known ? 'full-history-delivered' : 'not-found')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    store = openSqliteStore(dir.path);
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    await store.close();
    dir.remove();
  });

  it('tracks a shipment registered by its web order code to delivered and stores Sürat’s number', async () => {
    const { port } = server.address() as AddressInfo;
    const env = { CARRIER_SURAT_CUSTOMER_CODE: CUSTOMER_CODE, CARRIER_SURAT_PASSWORD: PASSWORD, CARRIER_SURAT_BASE_URL: `http://127.0.0.1:${port}` };
    const logger = silentLogger();
    const registry = buildCarrierRegistry({ surat: suratCarrier.loadConfig(env) }, { http: createCarrierHttp({ timeoutMs: 2000 }), now: () => NOW, logger }, [
      suratCarrier as CarrierDefinition<never>,
    ]);
    const shipment = await storeShipment(store, NOW, { carrier: 'surat', trackingNumber: null, reference: 'WEB-100234' });
    const poller = createPoller({ store, registry, cadence: DEFAULT_CADENCE, now: () => NOW, logger, maxPerTick: 100 });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 6 });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.get('WebSiparisKodu')).toBe('WEB-100234');
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', trackingNumber: '25220148446193', reference: 'WEB-100234' });
    const events = [...(await store.events.listForShipment(shipment.id))].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    expect(events.map((e) => [e.carrierCode, e.status])).toEqual([
      ['1', 'in_transit'],
      ['2', 'in_transit'],
      ['3', 'in_transit'],
      ['4', 'in_transit'],
      ['5', 'out_for_delivery'],
      ['6', 'delivered'],
    ]);
    expect(events.at(-1)).toMatchObject({
      description: 'Teslim Edildi',
      localTime: '2026-03-12T14:05:31.52',
      timeZone: 'Europe/Istanbul',
      location: 'ANKARA / ÇANKAYA',
      country: 'TR',
      occurredAt: new Date('2026-03-12T11:05:31.520Z'),
    });
  });
});
