import { readFileSync } from 'node:fs';
import nock from 'nock';
import pino from 'pino';
import { mapStatus, unmappedCodeCounts, type CarrierEvent, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { loadConfig } from '../../carriers/sandbox/config.js';
import { sandboxCarrier, SANDBOX_SCENARIOS, sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { recognisesSandboxNumber } from '../../carriers/sandbox/numbers.js';
import { SANDBOX_FALLBACK_STATUS, SANDBOX_STATUSES } from '../../carriers/sandbox/statuses.js';
import { Secret } from '../../src/config/secret.js';
import { isShipmentStatus, isSubstatus } from '../../src/domain/status.js';

const BASE_URL = 'https://sandbox-kargo.test';
const API_KEY = 'sbx-live-KEY-MARKER-7f3a9c';
const PII_MARKER = 'PII-MARKER-RECIPIENT-NAME';
const NOW = new Date('2026-03-12T12:00:00Z');
const BY_NUMBER: TrackContext = { by: 'trackingNumber' };

const logLines: string[] = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/carriers/sandbox/${name}.json`, import.meta.url), 'utf8'));
}

function adapter(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  return sandboxCarrier.create(
    { baseUrl: options.baseUrl ?? BASE_URL, apiKey: new Secret(API_KEY) },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 2000 }), now: () => NOW, logger },
  );
}

/** The sandbox API with the right key; any other key makes nock refuse the request. */
function carrier() {
  return nock(BASE_URL).matchHeader('x-api-key', API_KEY);
}

function found(outcome: TrackOutcome | undefined): Extract<TrackOutcome, { kind: 'found' }> {
  if (outcome?.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const N01 = sandboxTrackingNumber(1, 1);
const N09 = sandboxTrackingNumber(9, 1);

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
  expect(nock.isDone()).toBe(true);
  // Delayed replies the client already gave up on would otherwise outlive the test.
  nock.abortPendingRequests();
  nock.cleanAll();
});

afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('sandbox adapter: request shape', () => {
  it('posts the numbers as JSON to /api/v1/track with the API key header', async () => {
    const scope = carrier()
      .matchHeader('content-type', /^application\/json/)
      .post('/api/v1/track', { trackingNumbers: [N01] })
      .reply(200, fixture('delivered-after-two-days'));

    const outcomes = await adapter().track([N01], BY_NUMBER);

    expect(scope.isDone()).toBe(true);
    expect(outcomes.get(N01)?.kind).toBe('found');
  });

  it('asks by reference under `references` and hands back the carrier number', async () => {
    carrier().post('/api/v1/track', { references: ['WEB-100777'] }).reply(200, fixture('by-reference'));

    const outcome = found((await adapter().track(['WEB-100777'], { by: 'reference' })).get('WEB-100777'));

    expect(outcome.trackingNumber).toBe('SBX0700000010');
    expect(outcome.estimatedDelivery).toBe('2026-03-04');
    expect(outcome.events.map((e) => e.rawCode)).toEqual(['KAYIT', 'KABUL']);
  });

  it('splits more numbers than one request may carry into batches of 50', async () => {
    const numbers = Array.from({ length: 120 }, (_, i) => sandboxTrackingNumber(9, i + 1));
    const sizes: number[] = [];
    carrier()
      .post('/api/v1/track')
      .times(3)
      .reply(200, (_uri, body) => {
        const asked = (body as { trackingNumbers: string[] }).trackingNumbers;
        sizes.push(asked.length);
        return { results: asked.map((n) => ({ number: n, found: false, error: { code: 'BULUNAMADI', message: 'yok' } })) };
      });

    const outcomes = await adapter().track(numbers, BY_NUMBER);

    expect(sizes).toEqual([50, 50, 20]);
    expect(outcomes.size).toBe(120);
    expect([...outcomes.values()].every((o) => o.kind === 'not_found')).toBe(true);
  });
});

describe('sandbox adapter: answers', () => {
  it('reads a delivered history in full, Istanbul local times as UTC instants', async () => {
    carrier().post('/api/v1/track').reply(200, fixture('delivered-after-two-days'));

    const outcome = found((await adapter().track([N01], BY_NUMBER)).get(N01));

    const event = (
      localTime: string,
      utc: string,
      rawCode: string,
      rawText: string,
      city: string,
      district: string,
      mapped: Pick<CarrierEvent, 'status' | 'substatus'>,
    ): CarrierEvent => ({
      occurredAt: new Date(utc),
      localTime,
      timeZone: 'Europe/Istanbul',
      rawCode,
      rawText,
      location: { text: `${district}, ${city}`, city, country: 'TR' },
      ...mapped,
    });
    expect(outcome).toEqual({
      kind: 'found',
      events: [
        event('10.03.2026 17:30', '2026-03-10T14:30:00.000Z', 'KAYIT', 'Gönderi kaydı oluşturuldu', 'İstanbul', 'Kadıköy', { status: 'info_received', substatus: 'info_received.label_created' }),
        event('10.03.2026 20:30', '2026-03-10T17:30:00.000Z', 'KABUL', 'Gönderi şubeden kabul edildi', 'İstanbul', 'Kadıköy', { status: 'in_transit', substatus: 'in_transit.picked_up' }),
        event('11.03.2026 01:30', '2026-03-10T22:30:00.000Z', 'TRANSFER', "Gönderi İstanbul Anadolu Transfer Merkezi'nden çıkış yaptı", 'İstanbul', 'Tuzla', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('11.03.2026 14:30', '2026-03-11T11:30:00.000Z', 'VARIS', "Gönderi Ankara Transfer Merkezi'ne ulaştı", 'Ankara', 'Sincan', { status: 'in_transit', substatus: 'in_transit.hub_scan' }),
        event('11.03.2026 20:30', '2026-03-11T17:30:00.000Z', 'SUBEDE', 'Gönderi teslimat şubesine ulaştı', 'Ankara', 'Çankaya', { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }),
        event('12.03.2026 09:30', '2026-03-12T06:30:00.000Z', 'DAGITIMDA', 'Dağıtıma çıkarıldı', 'Ankara', 'Çankaya', { status: 'out_for_delivery', substatus: null }),
        event('12.03.2026 14:30', '2026-03-12T11:30:00.000Z', 'TESLIM', 'Teslim edildi', 'Ankara', 'Çankaya', { status: 'delivered', substatus: null }),
      ],
    });
    const last = outcome.events.at(-1);
    expect(last?.status).toBe('delivered');
    expect(last?.occurredAt.toISOString()).toBe('2026-03-12T11:30:00.000Z');
    expect(last?.rawText).toBe('Teslim edildi');
    expect(outcome.events.map((e) => e.status)).toContain('out_for_delivery');
    // Asked by tracking number: nothing new to adopt.
    expect(outcome.trackingNumber).toBeUndefined();
  });

  it('reports a number the carrier does not know as not found', async () => {
    carrier().post('/api/v1/track').reply(200, fixture('not-found'));

    expect((await adapter().track([N09], BY_NUMBER)).get(N09)).toEqual({ kind: 'not_found' });
  });

  it('keeps each number of a mixed batch apart', async () => {
    const numbers = ['SBX0600000011', 'SBX0900000018', 'SBX0300000014', 'SBX0500000012', 'SBX0800000019'];
    carrier().post('/api/v1/track', { trackingNumbers: numbers }).reply(200, fixture('mixed-batch'));

    const outcomes = await adapter().track(numbers, BY_NUMBER);

    const attempted = found(outcomes.get('SBX0600000011'));
    expect(attempted.events.at(-1)).toMatchObject({ status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' });
    expect(attempted.events[2]?.location).toEqual({ text: 'Mersin', city: 'Mersin', country: 'TR' });
    expect(attempted.estimatedDelivery).toBe('2026-03-11');
    expect(outcomes.get('SBX0900000018')).toEqual({ kind: 'not_found' });
    expect(outcomes.get('SBX0300000014')).toEqual({
      kind: 'failed',
      failure: { kind: 'unavailable', detail: 'carrier error GECICI_HATA for this number' },
    });
    expect(outcomes.get('SBX0500000012')).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'unreadable event date in event 2' },
    });
    expect(outcomes.get('SBX0800000019')).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'number missing from carrier answer' },
    });
    expect(JSON.stringify([...outcomes.values()])).not.toContain(PII_MARKER);
  });
});

describe('sandbox adapter: request-level failures fail every number of the request', () => {
  const two = [N01, N09];

  it('401 → auth', async () => {
    nock(BASE_URL).post('/api/v1/track').reply(401, fixture('unauthorised'));

    const outcomes = await adapter().track(two, BY_NUMBER);

    expect([...outcomes.values()]).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
  });

  it('429 with Retry-After → rate limited for that long', async () => {
    carrier().post('/api/v1/track').reply(429, fixture('rate-limited'), { 'Retry-After': '30' });

    const outcomes = await adapter().track(two, BY_NUMBER);

    for (const n of two) expect(outcomes.get(n)).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });

  it('500 → unavailable', async () => {
    carrier().post('/api/v1/track').reply(500, fixture('server-error'));

    const outcomes = await adapter().track(two, BY_NUMBER);

    for (const n of two) expect(outcomes.get(n)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
  });

  it('a timeout → unavailable', async () => {
    carrier().post('/api/v1/track').delay(400).reply(200, fixture('not-found'));

    const outcome = (await adapter({ timeoutMs: 200 }).track([N09], BY_NUMBER)).get(N09);

    expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'timeout on POST /api/v1/track' } });
  });

  it('a body of the wrong shape → malformed', async () => {
    carrier().post('/api/v1/track').reply(200, fixture('wrong-shape'));

    const outcomes = await adapter().track(two, BY_NUMBER);

    for (const n of two) {
      const outcome = outcomes.get(n);
      expect(outcome?.kind === 'failed' && outcome.failure.kind).toBe('malformed');
    }
  });

  it('a body that is not JSON at all → malformed', async () => {
    carrier().post('/api/v1/track').reply(200, '<html><body>Bakım çalışması</body></html>', { 'Content-Type': 'text/html' });

    const outcome = (await adapter().track([N01], BY_NUMBER)).get(N01);

    expect(outcome).toEqual({
      kind: 'failed',
      failure: { kind: 'malformed', detail: 'track response does not match the expected shape at (root)' },
    });
  });

  it('never puts the API key or personal data into a failure detail or a log line', async () => {
    logLines.length = 0;
    carrier().post('/api/v1/track').reply(401, fixture('unauthorised'));
    carrier().post('/api/v1/track').reply(429, fixture('rate-limited'), { 'Retry-After': '30' });
    carrier().post('/api/v1/track').reply(503, `upstream said ${API_KEY}`);
    carrier().post('/api/v1/track').reply(200, { results: [{ number: N01, found: 'evet', echo: API_KEY }] });
    carrier().post('/api/v1/track').reply(200, fixture('mixed-batch'));
    carrier().post('/api/v1/track').delay(400).reply(200, {});

    const outcomes: TrackOutcome[] = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(...(await adapter().track([N01, 'SBX0300000014'], BY_NUMBER)).values());
    outcomes.push(...(await adapter({ timeoutMs: 100 }).track([N01], BY_NUMBER)).values());
    // Nothing listens on port 9: connection refused.
    outcomes.push(...(await adapter({ baseUrl: 'http://127.0.0.1:9' }).track([N01], BY_NUMBER)).values());

    const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.failure] : []));
    expect(new Set(failures.map((f) => f.kind))).toEqual(new Set(['auth', 'rate_limited', 'unavailable', 'malformed']));
    const text = JSON.stringify(failures) + logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(PII_MARKER);
    expect(text.toLowerCase()).not.toContain('x-api-key');
  });
});

describe('sandbox status table', () => {
  it('maps every code to a canonical status and a known substatus', () => {
    for (const [code, mapping] of Object.entries(SANDBOX_STATUSES)) {
      const mapped = mapStatus('sandbox', SANDBOX_STATUSES, code);
      expect(isShipmentStatus(mapped.status)).toBe(true);
      expect(mapped.status).toBe(mapping.status);
      if (mapped.substatus !== null) {
        expect(isSubstatus(mapped.substatus)).toBe(true);
        expect(mapped.substatus.startsWith(`${mapped.status}.`)).toBe(true);
      }
    }
  });

  it('knows every code the scenarios and the fixtures use (only unknown-code.json is unmapped on purpose)', () => {
    const scenarioCodes = SANDBOX_SCENARIOS.flatMap((s) => s.steps.map((step) => step.code));
    const fixtureCodes = ['delivered-after-two-days', 'by-reference', 'mixed-batch', 'not-found'].flatMap((name) =>
      JSON.stringify(fixture(name))
        .match(/"code":"[A-Z_]+"/g)
        ?.map((m) => m.slice(8, -1)) ?? [],
    );
    const errorCodes = new Set(['BULUNAMADI', 'GECICI_HATA']);
    for (const code of [...scenarioCodes, ...fixtureCodes].filter((c) => !errorCodes.has(c))) {
      expect([code, Object.hasOwn(SANDBOX_STATUSES, code)]).toEqual([code, true]);
    }
  });

  it('maps an unknown code to the fallback status with substatus unmapped, and counts it', async () => {
    const before = unmappedCodeCounts.get('sandbox') ?? 0;
    carrier().post('/api/v1/track').reply(200, fixture('unknown-code'));

    const outcome = found((await adapter().track(['SBX0400000013'], BY_NUMBER)).get('SBX0400000013'));

    expect(outcome.events[1]).toMatchObject({ rawCode: 'GUMRUK_KONTROL', status: SANDBOX_FALLBACK_STATUS, substatus: 'unmapped' });
    expect(outcome.events[0]?.substatus).not.toBe('unmapped');
    expect(unmappedCodeCounts.get('sandbox')).toBe(before + 1);
  });
});

describe('sandbox tracking numbers', () => {
  it('accepts every generated number and rejects any single changed digit', () => {
    for (const scenario of SANDBOX_SCENARIOS) {
      for (const serial of [0, 1, 42, 1_234_567, 9_999_999]) {
        const number = sandboxTrackingNumber(scenario.code, serial);
        expect(number).toMatch(/^SBX\d{10}$/);
        expect(recognisesSandboxNumber(number)).toBe(true);
        for (let i = 3; i < number.length; i += 1) {
          const digit = Number(number[i]);
          const changed = `${number.slice(0, i)}${(digit + 1) % 10}${number.slice(i + 1)}`;
          expect([changed, recognisesSandboxNumber(changed)]).toEqual([changed, false]);
        }
      }
    }
  });

  it('computes the weighted mod-10 check digit', () => {
    // 0,1,0,0,0,0,0,0,1 weighted 3,1,3,1,…: 1 + 3 = 4, check (10 - 4) % 10 = 6.
    expect(sandboxTrackingNumber(1, 1)).toBe('SBX0100000016');
    expect(sandboxTrackingNumber(10, 1)).toBe('SBX1000000014');
  });

  it('rejects other shapes', () => {
    for (const bad of ['SBX010000001', 'SBX01000000166', 'SBY0100000016', 'sbx0100000016', '1Z999AA10123456784', '']) {
      expect(recognisesSandboxNumber(bad)).toBe(false);
    }
    expect(() => sandboxTrackingNumber(100, 1)).toThrow(RangeError);
    expect(() => sandboxTrackingNumber(1, 10_000_000)).toThrow(RangeError);
  });
});

describe('sandbox config', () => {
  it('is disabled when neither variable is set', () => {
    expect(loadConfig({})).toEqual({ enabled: false });
    expect(loadConfig({ CARRIER_SANDBOX_BASE_URL: '', CARRIER_SANDBOX_API_KEY: '' })).toEqual({ enabled: false });
  });

  it('names the missing or bad variable without echoing any value', () => {
    const onlyKey = loadConfig({ CARRIER_SANDBOX_API_KEY: API_KEY });
    expect(onlyKey).toEqual({ enabled: 'invalid', problems: [expect.stringMatching(/^CARRIER_SANDBOX_BASE_URL: /)] });

    const onlyUrl = loadConfig({ CARRIER_SANDBOX_BASE_URL: 'http://127.0.0.1:4100' });
    expect(onlyUrl).toEqual({ enabled: 'invalid', problems: [expect.stringMatching(/^CARRIER_SANDBOX_API_KEY: /)] });

    const badUrl = loadConfig({ CARRIER_SANDBOX_BASE_URL: 'ftp://files.example/secret-path', CARRIER_SANDBOX_API_KEY: API_KEY });
    expect(badUrl).toEqual({ enabled: 'invalid', problems: ['CARRIER_SANDBOX_BASE_URL: must be an http(s) URL'] });
    expect(JSON.stringify([onlyKey, onlyUrl, badUrl])).not.toMatch(/secret-path|KEY-MARKER|4100/);
  });

  it('returns the base URL without a trailing slash and the key as a secret', () => {
    const result = loadConfig({ CARRIER_SANDBOX_BASE_URL: 'http://127.0.0.1:4100/', CARRIER_SANDBOX_API_KEY: API_KEY });
    if (result.enabled !== true) throw new Error('expected enabled');
    expect(result.config.baseUrl).toBe('http://127.0.0.1:4100');
    expect(result.config.apiKey.reveal()).toBe(API_KEY);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it('describes the carrier the registry enables', () => {
    expect(sandboxCarrier).toMatchObject({
      code: 'sandbox',
      displayName: 'Sandbox Kargo',
      enableWith: ['CARRIER_SANDBOX_BASE_URL', 'CARRIER_SANDBOX_API_KEY'],
    });
    expect(adapter()).toMatchObject({ limits: { maxBatch: 50, requestsPerSecond: 10, concurrency: 4 }, queryBy: ['trackingNumber', 'reference'] });
    expect(sandboxCarrier.recognises(N01)).toBe(true);
  });
});
