import { readFileSync } from 'node:fs';
import nock from 'nock';
import { mapStatus, UNKNOWN_TIME_ZONE, unmappedCodeCounts, type CarrierEvent, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { dhlCarrier } from '../../carriers/dhl/index.js';
import { dhlRawCode } from '../../carriers/dhl/parse.js';
import { DHL_FALLBACK_STATUS, DHL_KEYWORDS, DHL_STATUS_CODES, DHL_STATUSES } from '../../carriers/dhl/statuses.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';
import { useLoopbackCarrier } from '../support/carrier-end-to-end.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { replyJson } from '../support/loopback-server.js';
import { useCarrierNock } from '../support/nock-lifecycle.js';
import { failureLog, found } from '../support/track-outcomes.js';

const BASE_URL = 'https://dhl-api.test';
const API_KEY = 'MARKER-DHL-API-KEY-5b7e';
const NOW = new Date('2026-03-12T12:00:00Z');
const PATH = '/track/shipments';
const BY_NUMBER: TrackContext = { by: 'trackingNumber' };
const PERSONAL_MARKERS = ['MARKER-SIGNER-GIVEN', 'MARKER-SIGNER-FAMILY', 'MARKER-SIGNER-NAME', 'MARKER-SIGNATURE-TOKEN', 'MARKER-DOCUMENT-TOKEN', 'MARKER-RECEIVER', 'MARKER-CUSTOMER-REFERENCE'];

const captured = captureLogger('debug');

function fixture(name: string): nock.Body {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/dhl/${name}.json`, import.meta.url), 'utf8'));
}

function adapter(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  return dhlCarrier.create(
    { baseUrl: options.baseUrl ?? BASE_URL, testEnvironment: false, credentials: { API_KEY: new Secret(API_KEY) } },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: () => NOW, logger: captured.logger },
  );
}

/** DHL with the right key and Accept header; any other request makes nock refuse it. */
function dhl() {
  return nock(BASE_URL).matchHeader('dhl-api-key', API_KEY).matchHeader('accept', 'application/json');
}

function asked(trackingNumber: string, service?: string) {
  return dhl().get(PATH).query(service ? { trackingNumber, service } : { trackingNumber });
}

async function trackOne(number: string, ctx: TrackContext = BY_NUMBER, options: { timeoutMs?: number } = {}): Promise<TrackOutcome | undefined> {
  return (await adapter(options).track([number], ctx)).get(number);
}

const withService = (number: string, service: string): TrackContext => ({ by: 'trackingNumber', services: new Map([[number, service]]) });

const { details: failureDetails, remember } = failureLog();

useCarrierNock();

describe('dhl adapter: request shape', () => {
  it('GETs /track/shipments?trackingNumber=… with the API key and Accept: application/json, no service when none is known', async () => {
    const scope = asked('1234567890').reply(200, fixture('express-delivered'));

    expect((await trackOne('1234567890'))?.kind).toBe('found');
    expect(scope.isDone()).toBe(true);
  });

  it('sends the shop’s service when it is a documented one, in DHL’s spelling', async () => {
    asked('1234567890', 'express').reply(200, fixture('express-delivered'));
    asked('00340434161094015902', 'parcel-de').reply(200, fixture('parcel-de-returning'));

    const outcomes = await adapter().track(['1234567890', '00340434161094015902'], {
      by: 'trackingNumber',
      services: new Map([['1234567890', 'express'], ['00340434161094015902', ' Parcel-DE ']]),
    });

    expect([...outcomes.values()].map((o) => o.kind)).toEqual(['found', 'found']);
  });

  it('leaves an undocumented service out rather than have DHL refuse the call', async () => {
    asked('1234567890').reply(200, fixture('express-delivered'));

    expect((await trackOne('1234567890', withService('1234567890', 'next-day')))?.kind).toBe('found');
    expect(captured.text()).toContain('dhl service not in the documented list');
  });

  it('asks one number per call, one after another', async () => {
    asked('1234567890').reply(200, fixture('express-delivered'));
    asked('5584773180').reply(200, fixture('failure-customs'));

    const outcomes = await adapter().track(['1234567890', '5584773180', '1234567890'], BY_NUMBER);

    expect([...outcomes.keys()]).toEqual(['1234567890', '5584773180']);
  });
});

describe('dhl adapter: answers', () => {
  it('reads a full Express history: codes refined by keyword, times with their own offsets', async () => {
    asked('1234567890', 'express').reply(200, fixture('express-delivered'));

    const outcome = found(await trackOne('1234567890', withService('1234567890', 'express')));

    const event = (localTime: string, utc: string, timeZone: string, rawCode: string, rawText: string, city: string, country: string, mapped: Pick<CarrierEvent, 'status' | 'substatus'>): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone,
      rawCode,
      rawText,
      location: { text: city, city, country },
      ...mapped,
    });
    expect(outcome).toEqual({
      kind: 'found',
      estimatedDelivery: '2026-03-12T18:00:00+01:00',
      proofOfDelivery: {
        receivedBy: 'MARKER-SIGNER-GIVEN MARKER-SIGNER-FAMILY',
        signatureUrl: 'https://webpod.dhl.com/webPOD/DHLePODRequest?hwb=MARKER-SIGNATURE-TOKEN&language=en',
      },
      events: [
        event('2026-03-12T11:42:00+01:00', '2026-03-12T10:42:00.000Z', '+01:00', 'delivered', 'Delivered', 'BERLIN - GERMANY', 'DE', { status: 'delivered', substatus: null }),
        event('2026-03-12T08:05:00+01:00', '2026-03-12T07:05:00.000Z', '+01:00', 'transit:out_for_delivery', 'With delivery courier', 'BERLIN - GERMANY', 'DE', { status: 'out_for_delivery', substatus: null }),
        event('2026-03-12T06:10:00Z', '2026-03-12T06:10:00.000Z', 'UTC', 'transit:hub', 'Arrived at DHL Delivery Facility in BERLIN - GERMANY', 'BERLIN - GERMANY', 'DE', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2026-03-11T22:40:00', '2026-03-11T22:40:00.000Z', UNKNOWN_TIME_ZONE, 'transit', 'Clearance processing complete at LEIPZIG - GERMANY', 'LEIPZIG - GERMANY', 'DE', { status: 'in_transit', substatus: null }),
        event('2026-03-11T18:20:00+00:00', '2026-03-11T18:20:00.000Z', '+00:00', 'transit:hub', 'Processed at LONDON-HEATHROW - UK', 'LONDON-HEATHROW - UK', 'GB', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('2026-03-11T15:02:00+00:00', '2026-03-11T15:02:00.000Z', '+00:00', 'transit:picked_up', 'Shipment picked up', 'LONDON - UK', 'GB', { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('2026-03-11T09:30:00+00:00', '2026-03-11T09:30:00.000Z', '+00:00', 'pre-transit:info_received', 'Shipment information received', 'LONDON - UK', 'GB', { status: 'info_received', substatus: 'info_received.label_created' }),
      ],
    });
    // Named facts: the delivery instant is UTC-correct, and clearance under `transit` is no problem.
    expect(outcome.events[0]?.occurredAt.toISOString()).toBe('2026-03-12T10:42:00.000Z');
    expect(outcome.events.find((e) => e.rawText.startsWith('Clearance'))?.status).toBe('in_transit');
  });

  it('reads DHL eCommerce texts: label created, out for delivery, delivered to a parcel locker; offset-less times stay unzoned', async () => {
    asked('GM2951173225174494').reply(200, fixture('ecommerce-locker'));

    const outcome = found(await trackOne('GM2951173225174494'));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['delivered:locker', 'delivered', 'delivered.locker'],
      ['transit:out_for_delivery', 'out_for_delivery', null],
      // A USPS post office, not a pickup point or a DHL hub.
      ['transit', 'in_transit', null],
      ['transit:hub', 'in_transit', 'in_transit.hub_scan'],
      ['transit:hub', 'in_transit', 'in_transit.hub_scan'],
      ['pre-transit', 'info_received', null],
      ['unknown:info_received', 'info_received', 'info_received.label_created'],
    ]);
    expect(outcome.events.every((e) => e.timeZone === UNKNOWN_TIME_ZONE)).toBe(true);
    expect(outcome.events[0]).toMatchObject({ localTime: '2026-03-09T10:37:00', rawText: 'DELIVERED - PARCEL LOCKER', location: { city: 'Henderson, NV, US', country: 'US' } });
    expect(outcome.events.at(-1)?.location).toEqual({ text: null, city: null, country: null });
    // The time frame has no offset: only its date is a fact.
    expect(outcome.estimatedDelivery).toBe('2026-03-10');
    expect(outcome.proofOfDelivery).toBeUndefined();
  });

  it('follows a Parcel DE parcel through a failed attempt, a pickup point and back to the sender', async () => {
    asked('00340434161094015902', 'parcel-de').reply(200, fixture('parcel-de-returning'));

    const outcome = found(await trackOne('00340434161094015902', withService('00340434161094015902', 'parcel-de')));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['delivered:returning', 'returned', null],
      ['transit:returning', 'returning', null],
      ['transit:pickup_point', 'available_for_pickup', 'available_for_pickup.branch'],
      ['transit:recipient_absent', 'attempt_failed', 'attempt_failed.recipient_absent'],
      ['transit:out_for_delivery', 'out_for_delivery', null],
      ['transit:hub', 'in_transit', 'in_transit.hub_scan'],
      ['pre-transit:info_received', 'info_received', 'info_received.label_created'],
    ]);
    expect(outcome.events[0]?.timeZone).toBe('+01:00');
    expect(outcome.events[0]?.rawText).toBe('The shipment has been returned to the sender');
  });

  it('refines failure by its text: customs, on hold, and a bare failure as a plain exception', async () => {
    asked('5584773180').reply(200, fixture('failure-customs'));

    const outcome = found(await trackOne('5584773180'));

    expect(outcome.events.map((e) => [e.rawCode, e.status, e.substatus])).toEqual([
      ['failure', 'exception', null],
      ['failure:held', 'exception', 'exception.held'],
      ['failure:customs', 'exception', 'exception.customs'],
      ['transit:hub', 'in_transit', 'in_transit.hub_scan'],
    ]);
    expect(outcome.events[2]?.rawText).toBe('Customs status updated: Clearance delay - awaiting documents from the importer');
  });

  it('uses the shipment status when there is no events list; a numeric id, a time frame end and a name-only signer', async () => {
    asked('7777777770').reply(200, fixture('status-only'));

    const outcome = found(await trackOne('7777777770'));

    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]).toMatchObject({ rawCode: 'transit:hub', timeZone: 'UTC', occurredAt: new Date('2026-03-12T07:53:47Z') });
    expect(outcome.estimatedDelivery).toBe('2026-03-13T22:00:00Z');
    // "string" is no link: only the signer is kept.
    expect(outcome.proofOfDelivery).toEqual({ receivedBy: 'MARKER-SIGNER-NAME' });
  });

  it('picks the shipment whose id is the number asked, ignoring spaces and case, preferring the service asked', async () => {
    asked('JJD000390007882').reply(200, fixture('several-shipments'));
    asked('JJD000390007882', 'express').reply(200, fixture('several-shipments'));

    const plain = found(await trackOne('JJD000390007882'));
    const express = found(await trackOne('JJD000390007882', withService('JJD000390007882', 'express')));

    expect(plain.events[0]?.rawText).toBe('The shipment has been processed in the parcel center');
    expect(express.events[0]?.rawCode).toBe('transit:out_for_delivery');
  });

  it('reads another division’s shipment (a different id) as not found', async () => {
    asked('3661234567').reply(200, fixture('other-division'));

    expect(await trackOne('3661234567')).toEqual({ kind: 'not_found' });
    expect(captured.text()).toContain('dhl answered with other shipment ids only');
  });

  it('reports HTTP 404 problem+json and an empty shipments list as not found', async () => {
    asked('8264715546').reply(404, fixture('not-found'), { 'Content-Type': 'application/problem+json' });
    asked('8264715547').reply(200, { shipments: [] });

    const outcomes = await adapter().track(['8264715546', '8264715547'], BY_NUMBER);

    expect([...outcomes.values()]).toEqual([{ kind: 'not_found' }, { kind: 'not_found' }]);
  });

  it('does not read a 404 without a problem body (a wrong base URL) as not found', async () => {
    asked('8264715546').reply(404, '<html>Not Found</html>', { 'Content-Type': 'text/html' });

    expect(remember(await trackOne('8264715546'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'carrier answered HTTP 404' } });
  });

  it.each([401, 403])('fails the whole batch with auth on HTTP %i without asking for the rest', async (status) => {
    asked('1234567890').reply(status, fixture('unauthorized'));

    const outcomes = await adapter().track(['1234567890', '5584773180'], BY_NUMBER);

    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('reports HTTP 429 as rate limited with Retry-After, and stops the batch', async () => {
    asked('1234567890').reply(429, fixture('rate-limited'), { 'Retry-After': '30' });

    const outcomes = await adapter().track(['1234567890', '5584773180'], BY_NUMBER);

    expect([...outcomes.values()].map(remember)).toEqual([
      { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } },
      { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } },
    ]);
  });

  it('reports HTTP 429 without Retry-After as rate limited', async () => {
    asked('1234567890').reply(429, fixture('rate-limited'));

    expect(await trackOne('1234567890')).toEqual({ kind: 'failed', failure: { kind: 'rate_limited' } });
  });

  it('reports HTTP 500 as unavailable', async () => {
    asked('1234567890').reply(500, fixture('server-error'));

    expect(remember(await trackOne('1234567890'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
  });

  it('reports a timeout as unavailable', async () => {
    asked('1234567890').delay(1000).reply(200, fixture('express-delivered'));

    const outcome = remember(await trackOne('1234567890', BY_NUMBER, { timeoutMs: 200 }));

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    expect(outcome?.kind === 'failed' && outcome.failure.kind === 'unavailable' && outcome.failure.detail).toMatch(/timeout/);
  });

  it('reports garbage as malformed: no shipments list, HTML, a shipment of the wrong shape, an impossible time', async () => {
    asked('1234567890').reply(200, fixture('malformed'));
    asked('1234567891').reply(200, '<html>Wartungsarbeiten</html>', { 'Content-Type': 'text/html' });
    asked('1234567892').reply(200, { shipments: [{ id: '1234567892', events: [{ statusCode: 'transit' }] }] });
    asked('4455667788').reply(200, fixture('unreadable-timestamp'));

    const outcomes = await adapter().track(['1234567890', '1234567891', '1234567892', '4455667788'], BY_NUMBER);

    expect(remember(outcomes.get('1234567890'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'DHL answer has no shipments list' } });
    expect(remember(outcomes.get('1234567891'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'DHL answer has no shipments list' } });
    expect(remember(outcomes.get('1234567892'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'DHL shipment does not match the expected shape at events.0.timestamp' } });
    expect(remember(outcomes.get('4455667788'))).toEqual({ kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable timestamp in event 1' } });
  });

  it('keeps every number of a mixed batch apart', async () => {
    asked('1234567890').reply(200, fixture('express-delivered'));
    asked('8264715546').reply(404, fixture('not-found'));
    asked('3661234567').reply(200, fixture('other-division'));
    asked('9999999999').reply(503, fixture('server-error'));
    asked('4455667788').reply(200, fixture('unreadable-timestamp'));
    asked('5584773180').reply(200, fixture('failure-customs'));

    const outcomes = await adapter().track(['1234567890', '8264715546', '3661234567', '9999999999', '4455667788', '5584773180'], BY_NUMBER);

    expect(found(outcomes.get('1234567890')).events).toHaveLength(7);
    expect(outcomes.get('8264715546')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('3661234567')).toEqual({ kind: 'not_found' });
    expect(remember(outcomes.get('9999999999'))).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } });
    expect(remember(outcomes.get('4455667788'))).toMatchObject({ kind: 'failed', failure: { kind: 'malformed' } });
    expect(found(outcomes.get('5584773180')).events[0]?.status).toBe('exception');
  });
});

describe('dhl statuses', () => {
  it('maps every documented code and every refinement to a canonical status and a known substatus', () => {
    for (const code of DHL_STATUS_CODES) expect(Object.hasOwn(DHL_STATUSES, code)).toBe(true);
    for (const [code, mapping] of Object.entries(DHL_STATUSES)) {
      const mapped = mapStatus('dhl', DHL_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.substatus === null || isSubstatus(mapped.substatus)).toBe(true);
      expect(mapped.substatus).not.toBe('unmapped');
      expect(mapped.status).toBe(mapping.status);
    }
  });

  it('refines only documented codes, and only with keywords of the one keyword table', () => {
    const keywords = Object.keys(DHL_KEYWORDS);
    for (const code of Object.keys(DHL_STATUSES).filter((c) => c.includes(':'))) {
      const [base, keyword] = code.split(':');
      expect([code, (DHL_STATUS_CODES as readonly string[]).includes(base ?? '') && keywords.includes(keyword ?? '')]).toEqual([code, true]);
    }
    // Every keyword refines at least one code.
    for (const keyword of keywords) expect([keyword, Object.keys(DHL_STATUSES).some((c) => c.endsWith(`:${keyword}`))]).toEqual([keyword, true]);
  });

  it.each([
    ['transit', 'OUT FOR DELIVERY', null, 'transit:out_for_delivery'],
    ['transit', 'Delivery attempt failed; out for delivery again tomorrow', null, 'transit:attempt'],
    ['failure', 'Delivery attempted', 'Recipient not at home', 'failure:recipient_absent'],
    ['transit', 'Shipment dropped off at DHL ServicePoint', null, 'transit:dropped_off'],
    ['transit', 'Shipment is ready to be picked up at the DHL ServicePoint', null, 'transit:pickup_point'],
    ['transit', 'Awaiting collection by recipient as requested', null, 'transit:pickup_point'],
    ['transit', 'Deposited in parcel locker', null, 'transit:locker'],
    ['delivered', 'Delivered', 'Delivered to a neighbour', 'delivered:neighbour'],
    // A delivery is never undone by the words around it.
    ['delivered', 'Delivered', 'Collected by the recipient from the service point', 'delivered'],
    ['transit', 'Returned to shipper', null, 'transit:returning'],
    ['failure', 'Refused by recipient', null, 'failure:refused'],
    ['failure', 'Incorrect address', null, 'failure:address'],
    ['failure', 'Shipment damaged', null, 'failure:damaged'],
    ['failure', 'Shipment lost', null, 'failure:lost'],
    ['failure', 'Lostock depot closed', null, 'failure'],
    ['transit', 'Customs status updated', null, 'transit'],
    ['failure', 'CUSTOMS STATUS UPDATED', null, 'failure:customs'],
    ['unknown', 'SHIPMENT INFORMATION RECEIVED', null, 'unknown:info_received'],
    [undefined, 'Shipper has generated a shipment label, but the shipment has not yet been handed over to DHL', null, 'unknown:info_received'],
    ['pre-transit', 'Label   created', null, 'pre-transit:info_received'],
    ['on-hold', 'Out for delivery', null, 'on-hold'],
  ])('reads %s + "%s" / "%s" as %s', (statusCode, status, description, rawCode) => {
    expect(dhlRawCode(statusCode, status, description)).toBe(rawCode);
  });

  it('has no unmapped code in any fixture but the one made for it', () => {
    const names = ['express-delivered', 'ecommerce-locker', 'parcel-de-returning', 'failure-customs', 'other-division', 'several-shipments', 'status-only', 'unknown-code'];
    for (const name of names) {
      const body = fixture(name) as { shipments: { status?: Record<string, string>; events?: Record<string, string>[] }[] };
      for (const shipment of body.shipments) {
        for (const wire of [...(shipment.events ?? []), ...(shipment.status ? [shipment.status] : [])]) {
          const code = dhlRawCode(wire['statusCode'], wire['status'], wire['description']);
          expect([name, code, Object.hasOwn(DHL_STATUSES, code)]).toEqual([name, code, name !== 'unknown-code' || code !== 'on-hold']);
        }
      }
    }
  });

  it('keeps an unknown code verbatim as in transit, unmapped and counted', async () => {
    asked('8264715546').reply(200, fixture('unknown-code'));
    const before = unmappedCodeCounts.get('dhl') ?? 0;

    const outcome = found(await trackOne('8264715546'));

    expect(outcome.events[0]).toMatchObject({ rawCode: 'on-hold', rawText: 'Invented group code', status: DHL_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(outcome.events[1]).toMatchObject({ rawCode: 'transit:picked_up', substatus: 'in_transit.picked_up' });
    expect(unmappedCodeCounts.get('dhl')).toBe(before + 1);
  });
});

describe('dhl config', () => {
  it('is enabled by the API key, picks the test host on CARRIER_DHL_TEST and takes a base URL override', () => {
    expect(dhlCarrier.enableWith).toEqual(['CARRIER_DHL_API_KEY']);
    expect(dhlCarrier.loadConfig({})).toEqual({ enabled: false });
    expect(dhlCarrier.loadConfig({ CARRIER_DHL_BASE_URL: 'http://127.0.0.1:9' })).toEqual({ enabled: false });
    const prod = dhlCarrier.loadConfig({ CARRIER_DHL_API_KEY: API_KEY });
    const test = dhlCarrier.loadConfig({ CARRIER_DHL_API_KEY: API_KEY, CARRIER_DHL_TEST: 'true' });
    const local = dhlCarrier.loadConfig({ CARRIER_DHL_API_KEY: API_KEY, CARRIER_DHL_BASE_URL: 'http://127.0.0.1:8080/ignored/path' });
    expect(prod.enabled === true && prod.config.baseUrl).toBe('https://api-eu.dhl.com');
    expect(test.enabled === true && test.config.baseUrl).toBe('https://api-test.dhl.com');
    expect(local.enabled === true && local.config.baseUrl).toBe('http://127.0.0.1:8080');
    expect(JSON.stringify(prod)).not.toContain(API_KEY);
  });

  it('names the variable when a setting is invalid, never the key', () => {
    const invalid = dhlCarrier.loadConfig({ CARRIER_DHL_API_KEY: API_KEY, CARRIER_DHL_TEST: 'maybe', CARRIER_DHL_BASE_URL: 'ftp://dhl' });
    expect(invalid.enabled).toBe('invalid');
    const problems = invalid.enabled === 'invalid' ? invalid.problems.join('\n') : '';
    expect(problems).toContain('CARRIER_DHL_TEST');
    expect(problems).toContain('CARRIER_DHL_BASE_URL');
    expect(problems).not.toContain(API_KEY);
  });

  it('declares DHL’s pace: one number per call, one call a second, one in flight, 250 a day and 10 per shipment (UTC days)', () => {
    const dhlAdapter = adapter();
    expect(dhlAdapter.limits).toEqual({ maxBatch: 1, requestsPerSecond: 1, concurrency: 1, dailyQuota: 250, perShipmentDaily: 10, quotaZone: 'UTC' });
    expect(dhlAdapter.queryBy).toEqual(['trackingNumber']);
    expect(dhlCarrier.confidence).toBeDefined();
  });
});

describe('dhl end to end through the real poller', () => {
  const seen: { path: string; trackingNumber: string | null; service: string | null; key: boolean }[] = [];

  const e2e = useLoopbackCarrier(dhlCarrier, captured.logger, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = req.headers['dhl-api-key'] === API_KEY && req.headers.accept === 'application/json';
    seen.push({ path: url.pathname, trackingNumber: url.searchParams.get('trackingNumber'), service: url.searchParams.get('service'), key });
    const json = (status: number, payload: unknown, type = 'application/json') => replyJson(res, status, payload, type);
    if (!key) return json(401, fixture('unauthorized'), 'application/problem+json');
    if (req.method === 'GET' && url.pathname === PATH && url.searchParams.get('trackingNumber') === '1234567890') {
      return json(200, fixture('express-delivered'));
    }
    return json(404, fixture('not-found'), 'application/problem+json');
  });

  it('tracks an Express parcel registered with its service until delivered, with estimate and proof of delivery', async () => {
    const { store } = e2e;
    const poller = e2e.poller({ CARRIER_DHL_API_KEY: API_KEY }, () => NOW);
    const shipment = await storeShipment(store, new Date('2026-03-10T10:00:00Z'), { carrier: 'dhl', trackingNumber: '1234567890', carrierService: 'express' });

    const summary = await poller.pollDue();

    expect(summary).toMatchObject({ shipments: 1, found: 1, failed: 0, eventsAdded: 7 });
    expect(seen).toEqual([{ path: PATH, trackingNumber: '1234567890', service: 'express', key: true }]);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({
      status: 'delivered',
      estimatedDelivery: '2026-03-12T18:00:00+01:00',
      proofOfDelivery: { receivedBy: 'MARKER-SIGNER-GIVEN MARKER-SIGNER-FAMILY', signatureUrl: 'https://webpod.dhl.com/webPOD/DHLePODRequest?hwb=MARKER-SIGNATURE-TOKEN&language=en' },
    });
    expect(stored?.deliveredAt?.toISOString()).toBe('2026-03-12T10:42:00.000Z');
    const events = await e2e.eventsInOrder(shipment.id);
    expect(events.map((e) => [e.carrierCode, e.status, e.localTime, e.timeZone])).toEqual([
      ['pre-transit:info_received', 'info_received', '2026-03-11T09:30:00+00:00', '+00:00'],
      ['transit:picked_up', 'in_transit', '2026-03-11T15:02:00+00:00', '+00:00'],
      ['transit:hub', 'in_transit', '2026-03-11T18:20:00+00:00', '+00:00'],
      ['transit', 'in_transit', '2026-03-11T22:40:00', UNKNOWN_TIME_ZONE],
      ['transit:hub', 'in_transit', '2026-03-12T06:10:00Z', 'UTC'],
      ['transit:out_for_delivery', 'out_for_delivery', '2026-03-12T08:05:00+01:00', '+01:00'],
      ['delivered', 'delivered', '2026-03-12T11:42:00+01:00', '+01:00'],
    ]);
  });
});

describe('dhl secrets and personal data', () => {
  it('never reach a failure detail or a log line', () => {
    expect(failureDetails.length).toBeGreaterThan(5);
    expect(captured.lines.length).toBeGreaterThan(0);
    const everything = [...failureDetails, captured.text()].join('\n');
    for (const marker of [API_KEY, ...PERSONAL_MARKERS]) expect(everything).not.toContain(marker);
  });
});
