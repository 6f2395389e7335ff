import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import nock from 'nock';
import pino from 'pino';
import { mapStatus, unmappedCodeCounts, type CarrierEvent, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { pttCarrier } from '../../carriers/ptt/index.js';
import { pttBarcode, recognisesPttBarcode } from '../../carriers/ptt/numbers.js';
import { PTT_FALLBACK_STATUS, PTT_STATUSES } from '../../carriers/ptt/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { useLoopbackCarrier } from '../support/carrier-end-to-end.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { found } from '../support/track-outcomes.js';

const BASE_URL = 'https://pttws.ptt.gov.tr';
const PATH = '/GonderiTakipV2/services/Sorgu';
const CUSTOMER = 'MARKER-CUSTOMER-4711';
const PASSWORD = 'MARKER-PASSWORD-9c2f';
const PERSONAL = ['MARKER-RECEIVER-NAME', 'MARKER-SENDER-NAME', 'MARKER-RECEIVED-BY', 'MARKER-ECHOED-INPUT'];
const NOW = new Date('2026-03-12T12:00:00Z');
const BY_NUMBER: TrackContext = { by: 'trackingNumber' };
const DELIVERED = '2712345678902';
const OTHER = '2712345678919';
const THIRD = '2712345678926';

const logLines: string[] = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
const failureDetails: string[] = [];

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/carriers/ptt/${name}.xml`, import.meta.url), 'utf8');
}

const requestParser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

/** The `input` element of a request envelope, namespaces removed. */
function inputOf(body: unknown, operation: string): Record<string, string> {
  const doc = requestParser.parse(String(body)) as { Envelope?: { Body?: Record<string, { input?: Record<string, string> }> } };
  return doc.Envelope?.Body?.[operation]?.input ?? {};
}

function credentialsOf(input: Record<string, string>): boolean {
  return input['kullanici'] === CUSTOMER && input['sifre'] === PASSWORD;
}

function adapter(options: { baseUrl?: string; timeoutMs?: number; test?: boolean } = {}) {
  return pttCarrier.create(
    {
      baseUrl: options.baseUrl ?? BASE_URL,
      testEnvironment: options.test ?? false,
      credentials: { CUSTOMER_NUMBER: new Secret(CUSTOMER), PASSWORD: new Secret(PASSWORD) },
    },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: () => NOW, logger },
  );
}

/** PTT's tracking service, answering only a well-formed gonderiSorgu2 request for `barcode`. */
function ptt(barcode: string, operation = 'gonderiSorgu2', path = PATH) {
  return nock(BASE_URL)
    .matchHeader('content-type', new RegExp(`^application/soap\\+xml; charset=utf-8; action="urn:${operation}"$`))
    .post(path, (body) => {
      const input = inputOf(body, operation);
      return credentialsOf(input) && (input['barkod'] === barcode || input['referansNo'] === barcode);
    });
}

async function trackOne(key: string, ctx: TrackContext = BY_NUMBER, options: Parameters<typeof adapter>[0] = {}): Promise<TrackOutcome | undefined> {
  const outcome = (await adapter(options).track([key], ctx)).get(key);
  if (outcome?.kind === 'failed' && 'detail' in outcome.failure && outcome.failure.detail !== undefined) failureDetails.push(outcome.failure.detail);
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

describe('ptt adapter: request shape', () => {
  it('posts a SOAP 1.2 gonderiSorgu2 envelope with barcode, customer number and password', async () => {
    let seen: Record<string, string> = {};
    nock(BASE_URL)
      .matchHeader('content-type', 'application/soap+xml; charset=utf-8; action="urn:gonderiSorgu2"')
      .post(PATH, (body) => {
        seen = inputOf(body, 'gonderiSorgu2');
        return String(body).includes('http://www.w3.org/2003/05/soap-envelope') && String(body).includes('http://takip.ptt.gov.tr');
      })
      .reply(200, fixture('full-history-delivered'));

    expect((await trackOne(DELIVERED))?.kind).toBe('found');
    expect(seen).toEqual({ barkod: DELIVERED, kullanici: CUSTOMER, sifre: PASSWORD });
  });

  it('asks by the shop reference with gonderiSorgu_referansNo2 and hands back the barcode', async () => {
    ptt('WEB-100778', 'gonderiSorgu_referansNo2').reply(200, fixture('by-reference'));

    const outcome = found(await trackOne('WEB-100778', { by: 'reference' }));

    expect(outcome.trackingNumber).toBe(OTHER);
    // yyyyMMdd + HHmmss, gonderiDurumId instead of IKODU.
    expect(outcome.events).toEqual([
      {
        occurredAt: new Date('2026-03-10T07:12:30.000Z'),
        localTime: '20260310 101230',
        timeZone: 'Europe/Istanbul',
        rawCode: '1',
        rawText: 'Kabul Edildi',
        location: { text: 'BORNOVA PTT MERKEZİ', city: null, country: 'TR' },
        status: 'in_transit',
        substatus: 'in_transit.picked_up',
      },
    ]);
  });

  it('escapes XML-special characters in the key instead of breaking the envelope', async () => {
    ptt('WEB-1&<2>', 'gonderiSorgu_referansNo2').reply(200, fixture('not-found').replaceAll('gonderiSorgu2Response', 'gonderiSorgu_referansNo2Response'));
    expect(await trackOne('WEB-1&<2>', { by: 'reference' })).toEqual({ kind: 'not_found' });
  });

  it('uses the GonderiTakipV2Test path when the test switch is on', async () => {
    ptt(DELIVERED, 'gonderiSorgu2', '/GonderiTakipV2Test/services/Sorgu').reply(200, fixture('full-history-delivered'));
    expect((await trackOne(DELIVERED, BY_NUMBER, { test: true }))?.kind).toBe('found');
  });

  it('asks one parcel per call and keeps each outcome apart (mixed batch)', async () => {
    ptt(DELIVERED).reply(200, fixture('full-history-delivered'));
    ptt(OTHER).reply(200, fixture('not-found'));
    ptt(THIRD).reply(200, fixture('error-flag'));

    const outcomes = await adapter().track([DELIVERED, OTHER, THIRD], BY_NUMBER);

    expect(found(outcomes.get(DELIVERED)).events).toHaveLength(6);
    expect(outcomes.get(OTHER)).toEqual({ kind: 'not_found' });
    expect(outcomes.get(THIRD)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'PTT answered result code 99 for this parcel' } });
  });
});

describe('ptt adapter: answers', () => {
  it('reads a delivered history in full, Turkey local times as UTC instants', async () => {
    ptt(DELIVERED).reply(200, fixture('full-history-delivered'));

    const outcome = found(await trackOne(DELIVERED));

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
      events: [
        event('09/03/2026 16:05:00', '2026-03-09T13:05:00.000Z', '701', 'Kayıt Edildi', 'KADIKÖY PTT MERKEZİ', { status: 'info_received', substatus: 'info_received.label_created' }),
        event('10/03/2026 10:12:30', '2026-03-10T07:12:30.000Z', '1', 'Kabul Edildi', 'KADIKÖY PTT MERKEZİ', { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('10/03/2026 23:40:00', '2026-03-10T20:40:00.000Z', '77', 'Sevk Edildi', 'İSTANBUL ANADOLU KARGO İŞLEME MERKEZİ', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('11/03/2026 02:15:00', '2026-03-10T23:15:00.000Z', '11', 'Gönderinin Geliş Kaydı Yapıldı', 'ANKARA KARGO İŞLEME MERKEZİ', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('11/03/2026 09:30:00', '2026-03-11T06:30:00.000Z', '7', 'Dağıtıcıya Verildi', 'ÇANKAYA PTT MERKEZİ', { status: 'out_for_delivery', substatus: null }),
        event('11/03/2026 14:45:10', '2026-03-11T11:45:10.000Z', '807', 'MUHATABA BiZZAT TESLiM', 'ÇANKAYA PTT MERKEZİ', { status: 'delivered', substatus: 'delivered.signed' }),
      ],
    });
    // Named facts: a scan just after local midnight belongs to the previous UTC day.
    expect(outcome.events[3]?.occurredAt.toISOString()).toBe('2026-03-10T23:15:00.000Z');
    expect(outcome.events.at(-1)?.status).toBe('delivered');
    expect(outcome.trackingNumber).toBeUndefined();
    expect(JSON.stringify(outcome)).not.toMatch(/MARKER-(RECEIVER|SENDER|RECEIVED)/);
  });

  it('reports a parcel PTT does not know as not_found', async () => {
    ptt(OTHER).reply(200, fixture('not-found'));
    expect(await trackOne(OTHER)).toEqual({ kind: 'not_found' });
  });

  it('reads refused credentials in the body as auth and stops the batch', async () => {
    ptt(DELIVERED).reply(200, fixture('bad-credentials'));

    const outcomes = await adapter().track([DELIVERED, OTHER], BY_NUMBER);

    expect(outcomes.get(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
    // No second call: nock would fail the test on an unexpected request.
    expect(outcomes.get(OTHER)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('maps HTTP 401 to auth', async () => {
    nock(BASE_URL).post(PATH).reply(401, 'Unauthorized');
    expect(await trackOne(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'auth' } });
  });

  it('maps 429 with Retry-After to rate_limited and stops the batch', async () => {
    nock(BASE_URL).post(PATH).reply(429, 'slow down', { 'Retry-After': '30' });

    const outcomes = await adapter().track([DELIVERED, OTHER], BY_NUMBER);

    expect(outcomes.get(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
    expect(outcomes.get(OTHER)).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('maps a 503 to unavailable', async () => {
    nock(BASE_URL).post(PATH).reply(503, '<html><body>Service Unavailable</body></html>');
    expect(await trackOne(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
  });

  it('maps a SOAP 1.2 fault (HTTP 500) to unavailable without its reason text', async () => {
    nock(BASE_URL).post(PATH).reply(500, fixture('soap-fault'));
    expect(await trackOne(DELIVERED)).toEqual({
      kind: 'failed',
      failure: { kind: 'unavailable', detail: 'PTT answered a SOAP fault (soapenv:Receiver)' },
    });
  });

  it('maps a timeout to unavailable', async () => {
    nock(BASE_URL).post(PATH).delay(500).reply(200, fixture('full-history-delivered'));
    const outcome = await trackOne(DELIVERED, BY_NUMBER, { timeoutMs: 100 });
    expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: expect.stringMatching(/timeout/) } });
  });

  it('maps an error flag in an HTTP 200 body to a failure of that parcel', async () => {
    ptt(THIRD).reply(200, fixture('error-flag'));
    expect(await trackOne(THIRD)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'PTT answered result code 99 for this parcel' } });
  });

  it.each([
    ['truncated XML', 'malformed', /not well-formed/],
    ['an element where text belongs', 'wrong-shape', /dongu\.0\.ITARIH/],
  ])('maps %s to malformed', async (_case, name, detail) => {
    ptt(DELIVERED).reply(200, fixture(name));
    expect(await trackOne(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: expect.stringMatching(detail) } });
  });

  it('maps an HTML page with HTTP 200 to malformed', async () => {
    nock(BASE_URL).post(PATH).reply(200, '<html><body>Bakım çalışması</body></html>');
    expect(await trackOne(DELIVERED)).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'SOAP answer has no Envelope/Body' } });
  });
});

describe('ptt statuses', () => {
  it('maps every code in the table to one canonical status and a matching substatus', () => {
    const before = unmappedCodeCounts.get('ptt') ?? 0;
    for (const [code, mapping] of Object.entries(PTT_STATUSES)) {
      const mapped = mapStatus('ptt', PTT_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.substatus).not.toBe('unmapped');
      if (mapped.substatus !== null) {
        expect(isSubstatus(mapped.substatus)).toBe(true);
        expect(mapped.substatus.startsWith(`${mapping.status}.`)).toBe(true);
      }
    }
    expect(unmappedCodeCounts.get('ptt') ?? 0).toBe(before);
    // The documented list (PTT-AH 03_PTT_Durum_Kodlari.md) has 293 status ids.
    expect(Object.keys(PTT_STATUSES)).toHaveLength(293);
  });

  it('knows every code used in the fixtures except the one that tests the unknown path', () => {
    const names = ['full-history-delivered', 'by-reference'];
    const codes = names.flatMap((n) => [...fixture(n).matchAll(/<ax21:(?:IKODU|gonderiDurumId)>([^<]+)</g)].map((m) => m[1] ?? ''));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(Object.hasOwn(PTT_STATUSES, code)).toBe(true);
  });

  it('maps an unknown code to the fallback status with substatus unmapped, and counts it', async () => {
    ptt(THIRD).reply(200, fixture('unknown-code'));
    const before = unmappedCodeCounts.get('ptt') ?? 0;

    const [event] = found(await trackOne(THIRD)).events;

    expect(event).toMatchObject({ rawCode: '4242', rawText: 'Yeni Bir İşlem Türü', status: PTT_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(unmappedCodeCounts.get('ptt')).toBe(before + 1);
  });
});

describe('ptt numbers and config', () => {
  it('recognises 13-digit barcodes with a valid EAN-13-style check digit', () => {
    expect(recognisesPttBarcode(DELIVERED)).toBe(true);
    expect(recognisesPttBarcode('4006381333931')).toBe(true); // a published EAN-13
    expect(pttBarcode('400638133393')).toBe('4006381333931');
    expect(pttCarrier.recognises(OTHER)).toBe(true);
  });

  it.each(['4006381333932', '7340447182689', '271234567890', '27123456789020', 'KP02168123456', '27123456789O2', ''])('rejects %p', (n) => {
    expect(recognisesPttBarcode(n)).toBe(false);
  });

  it('is disabled without credentials, invalid with half of them, enabled with both', () => {
    expect(pttCarrier.loadConfig({})).toEqual({ enabled: false });
    const half = pttCarrier.loadConfig({ CARRIER_PTT_CUSTOMER_NUMBER: CUSTOMER });
    expect(half.enabled).toBe('invalid');
    expect(JSON.stringify(half)).not.toContain(CUSTOMER);
    const full = pttCarrier.loadConfig({ CARRIER_PTT_CUSTOMER_NUMBER: CUSTOMER, CARRIER_PTT_PASSWORD: PASSWORD, CARRIER_PTT_TEST: 'true', CARRIER_PTT_BASE_URL: 'http://127.0.0.1:8080/ignored' });
    expect(full.enabled).toBe(true);
    if (full.enabled !== true) return;
    expect(full.config.baseUrl).toBe('http://127.0.0.1:8080');
    expect(full.config.testEnvironment).toBe(true);
    expect(full.config.credentials.PASSWORD.reveal()).toBe(PASSWORD);
    expect(JSON.stringify(full)).not.toContain(PASSWORD);
    expect(pttCarrier.enableWith).toEqual(['CARRIER_PTT_CUSTOMER_NUMBER', 'CARRIER_PTT_PASSWORD']);
  });

  it('never puts credentials or personal fields into failure details or log lines', () => {
    // Runs last in this block: every failing scenario above has logged and recorded its detail.
    expect(failureDetails.length).toBeGreaterThan(3);
    expect(logLines.length).toBeGreaterThan(3);
    const seen = [...failureDetails, ...logLines].join('\n');
    for (const marker of [CUSTOMER, PASSWORD, ...PERSONAL]) expect(seen).not.toContain(marker);
  });
});

describe('ptt end to end through the real poller', () => {
  const captured = captureLogger('debug');
  const asked: Array<{ operation: string; input: Record<string, string> }> = [];

  const e2e = useLoopbackCarrier(pttCarrier, captured.logger, (req, res, body) => {
    const operation = /action="urn:([A-Za-z0-9_]+)"/.exec(req.headers['content-type'] ?? '')?.[1] ?? '';
    const input = inputOf(body, operation);
    asked.push({ operation, input });
    res.setHeader('content-type', 'application/soap+xml; charset=utf-8');
    if (req.method !== 'POST' || req.url !== PATH) return void res.writeHead(404).end();
    if (!credentialsOf(input)) return void res.writeHead(200).end(fixture('bad-credentials'));
    if (operation === 'gonderiSorgu_referansNo2' && input['referansNo'] === 'WEB-100777') {
      return void res.writeHead(200).end(fixture('full-history-delivered').replaceAll('gonderiSorgu2Response', 'gonderiSorgu_referansNo2Response'));
    }
    res.writeHead(200).end(fixture('not-found'));
  });

  it('tracks a shipment registered by reference to delivered and stores its events and barcode', async () => {
    const { store } = e2e;
    const shipment = await storeShipment(store, NOW, { carrier: 'ptt', trackingNumber: null, reference: 'WEB-100777' });

    const poller = e2e.poller({ CARRIER_PTT_CUSTOMER_NUMBER: CUSTOMER, CARRIER_PTT_PASSWORD: PASSWORD }, () => NOW);
    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 6 });
    expect(asked).toEqual([{ operation: 'gonderiSorgu_referansNo2', input: { referansNo: 'WEB-100777', kullanici: CUSTOMER, sifre: PASSWORD } }]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'delivered', substatus: 'delivered.signed', trackingNumber: DELIVERED });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-03-11T11:45:10.000Z');
    const events = await e2e.eventsInOrder(shipment.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.occurredAt.toISOString(), e.localTime])).toEqual([
      ['701', 'info_received', '2026-03-09T13:05:00.000Z', '09/03/2026 16:05:00'],
      ['1', 'in_transit', '2026-03-10T07:12:30.000Z', '10/03/2026 10:12:30'],
      ['77', 'in_transit', '2026-03-10T20:40:00.000Z', '10/03/2026 23:40:00'],
      ['11', 'in_transit', '2026-03-10T23:15:00.000Z', '11/03/2026 02:15:00'],
      ['7', 'out_for_delivery', '2026-03-11T06:30:00.000Z', '11/03/2026 09:30:00'],
      ['807', 'delivered', '2026-03-11T11:45:10.000Z', '11/03/2026 14:45:10'],
    ]);
    expect(events[0]).toMatchObject({ description: 'Kayıt Edildi', location: 'KADIKÖY PTT MERKEZİ', country: 'TR', timeZone: 'Europe/Istanbul', source: 'poll' });
    for (const marker of [CUSTOMER, PASSWORD, ...PERSONAL]) expect(captured.text()).not.toContain(marker);
  });
});
