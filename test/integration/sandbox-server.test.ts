import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { CarrierAdapter, QueryKey, TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import {
  sandboxCarrier,
  SANDBOX_SCENARIOS,
  sandboxTrackingNumber,
  startSandboxCarrier,
  type SandboxCarrierServer,
} from '../../carriers/sandbox/index.js';
import { Secret } from '../../src/config/secret.js';
import type { ShipmentStatus, Substatus } from '../../src/domain/status.js';

const API_KEY = 'sandbox-integration-key';
const HOUR = 3_600_000;
/** A Monday, 12:00 in Istanbul. */
const T0 = new Date('2026-03-16T09:00:00Z');
const logger = pino({ level: 'silent' });

let clock = T0;
const now = (): Date => clock;
const running: SandboxCarrierServer[] = [];
const tempDirs: string[] = [];

async function start(options: { speed?: number; stateFile?: string } = {}): Promise<SandboxCarrierServer> {
  const server = await startSandboxCarrier({ apiKey: API_KEY, now, logger, ...options });
  running.push(server);
  return server;
}

function adapterFor(server: SandboxCarrierServer, options: { apiKey?: string; timeoutMs?: number } = {}): CarrierAdapter {
  return sandboxCarrier.create(
    { baseUrl: server.url, apiKey: new Secret(options.apiKey ?? API_KEY) },
    { http: createCarrierHttp({ timeoutMs: options.timeoutMs ?? 5000 }), now, logger },
  );
}

async function trackOne(server: SandboxCarrierServer, number: string, by: QueryKey = 'trackingNumber'): Promise<TrackOutcome | undefined> {
  return (await adapterFor(server).track([number], { by })).get(number);
}

function found(outcome: TrackOutcome | undefined): Extract<TrackOutcome, { kind: 'found' }> {
  if (outcome?.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The status the last event says, or not_found: what shipwatch would show. */
function statusOf(outcome: TrackOutcome | undefined): ShipmentStatus | 'failed' {
  if (outcome?.kind === 'not_found') return 'not_found';
  if (outcome?.kind !== 'found') return 'failed';
  return outcome.events.at(-1)?.status ?? 'pending';
}

afterEach(async () => {
  clock = T0;
  await Promise.all(running.splice(0).map((s) => s.close()));
});

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('sandbox carrier scenarios at their demo age', () => {
  const telling: Record<number, { status: ShipmentStatus; substatus?: Substatus; then?: { hours: number; status: ShipmentStatus } }> = {
    1: { status: 'delivered' },
    2: { status: 'delivered' },
    3: { status: 'in_transit', then: { hours: 24 * 30, status: 'in_transit' } },
    4: { status: 'in_transit', then: { hours: 112, status: 'delivered' } },
    5: { status: 'exception', substatus: 'exception.damaged' },
    6: { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent', then: { hours: 18, status: 'delivered' } },
    7: { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' },
    8: { status: 'returned' },
    9: { status: 'not_found' },
    10: { status: 'out_for_delivery', then: { hours: 6, status: 'delivered' } },
  };

  let server: SandboxCarrierServer;
  beforeEach(async () => {
    server = await start();
    for (const scenario of SANDBOX_SCENARIOS) {
      server.registerParcel(sandboxTrackingNumber(scenario.code, 1), { createdAt: new Date(T0.getTime() - scenario.demo.ageHours * HOUR) });
    }
  });

  it('covers every scenario, codes 01 to 10', () => {
    expect(SANDBOX_SCENARIOS.map((s) => s.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Object.keys(telling).map(Number)).toEqual(SANDBOX_SCENARIOS.map((s) => s.code));
    for (const s of SANDBOX_SCENARIOS) expect(s.key).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(SANDBOX_SCENARIOS.map((s) => [s.code, s.key] as const))('scenario %i (%s) is in its telling state, then moves on', async (code) => {
    const expected = telling[code];
    const number = sandboxTrackingNumber(code, 1);

    const atDemo = await trackOne(server, number);
    expect(statusOf(atDemo)).toBe(expected?.status);
    if (expected?.substatus) expect(found(atDemo).events.at(-1)?.substatus).toBe(expected.substatus);

    if (expected?.then) {
      clock = new Date(T0.getTime() + expected.then.hours * HOUR);
      expect(statusOf(await trackOne(server, number))).toBe(expected.then.status);
    }
  });

  it('02 has a label and then a delivery, with nothing physical between', async () => {
    const outcome = found(await trackOne(server, sandboxTrackingNumber(2, 1)));
    expect(outcome.events.map((e) => [e.rawCode, e.status])).toEqual([
      ['KAYIT', 'info_received'],
      ['TESLIM', 'delivered'],
    ]);
    expect(outcome.events[1]?.rawText).toBe('Teslim edildi');
  });

  it('03 stops after a few hours and never moves again', async () => {
    const number = sandboxTrackingNumber(3, 1);
    const atDemo = found(await trackOne(server, number));
    const lastMove = atDemo.events.at(-1)?.occurredAt.getTime() ?? Infinity;
    expect(T0.getTime() - lastMove).toBeGreaterThan(5 * 24 * HOUR);
    clock = new Date(T0.getTime() + 60 * 24 * HOUR);
    expect(found(await trackOne(server, number)).events).toEqual(atDemo.events);
  });

  it('04 is past its promised day at demo age and the carrier still expects a later delivery', async () => {
    const scenario = SANDBOX_SCENARIOS.find((s) => s.code === 4);
    const outcome = found(await trackOne(server, sandboxTrackingNumber(4, 1)));
    expect(scenario?.demo.ageHours).toBeGreaterThan((scenario?.demo.promisedInDays ?? Infinity) * 24);
    // Registered 80 h before Monday 12:00 Istanbul, delivered 191 h after registration.
    expect(outcome.estimatedDelivery).toBe('2026-03-21');
    const gaps = outcome.events.slice(1).map((e, i) => e.occurredAt.getTime() - (outcome.events[i]?.occurredAt.getTime() ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(26 * HOUR);
  });

  it('07 has waited at the branch for more than three days', async () => {
    const outcome = found(await trackOne(server, sandboxTrackingNumber(7, 1)));
    const last = outcome.events.at(-1);
    expect(last?.rawText).toBe('Şubede alıcısını bekliyor');
    expect(T0.getTime() - (last?.occurredAt.getTime() ?? T0.getTime())).toBeGreaterThan(72 * HOUR);
  });

  it('10 delivers about five hours after start-up', async () => {
    const number = sandboxTrackingNumber(10, 1);
    clock = new Date(T0.getTime() + 4 * HOUR);
    expect(statusOf(await trackOne(server, number))).toBe('out_for_delivery');
    clock = new Date(T0.getTime() + 5 * HOUR);
    expect(statusOf(await trackOne(server, number))).toBe('delivered');
  });
});

describe('sandbox carrier timelines', () => {
  it('starts a scenario number on its first query and advances it with the clock', async () => {
    const server = await start();
    const number = sandboxTrackingNumber(1, 777);

    expect(found(await trackOne(server, number)).events.map((e) => e.rawCode)).toEqual(['KAYIT']);
    clock = new Date(T0.getTime() + 3 * HOUR);
    expect(found(await trackOne(server, number)).events.map((e) => e.rawCode)).toEqual(['KAYIT', 'KABUL']);
    clock = new Date(T0.getTime() + 45 * HOUR);
    const done = found(await trackOne(server, number));
    expect(done.events.map((e) => e.status).at(-1)).toBe('delivered');
    expect(done.events[0]?.occurredAt).toEqual(T0);
    expect(done.events.at(-1)?.occurredAt).toEqual(new Date(T0.getTime() + 45 * HOUR));
  });

  it('plays the timeline faster with speed', async () => {
    const server = await start({ speed: 60 });
    const number = sandboxTrackingNumber(1, 778);
    await trackOne(server, number);

    clock = new Date(T0.getTime() + 44 * 60_000);
    expect(statusOf(await trackOne(server, number))).toBe('out_for_delivery');
    clock = new Date(T0.getTime() + 45 * 60_000);
    const outcome = found(await trackOne(server, number));
    expect(outcome.events.at(-1)?.status).toBe('delivered');
    expect(outcome.events.at(-1)?.occurredAt).toEqual(clock);
  });

  it('prints event dates as Istanbul local time without an offset', async () => {
    const server = await start();
    const response = await createCarrierHttp().post(
      `${server.url}/api/v1/track`,
      { trackingNumbers: [sandboxTrackingNumber(1, 779)] },
      { headers: { 'X-Api-Key': API_KEY } },
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({
      results: [
        {
          number: 'SBX0100007794',
          found: true,
          trackingNumber: 'SBX0100007794',
          events: [{ code: 'KAYIT', description: 'Gönderi kaydı oluşturuldu', date: '16.03.2026 12:00', city: 'İstanbul', district: 'Kadıköy' }],
          estimatedDelivery: '18.03.2026',
        },
      ],
    });
  });

  it('does not know invalid numbers, other scenarios, or scenario 09', async () => {
    const server = await start();
    server.registerParcel(sandboxTrackingNumber(9, 5));
    const valid = sandboxTrackingNumber(1, 5);
    const badCheck = `${valid.slice(0, 12)}${(Number(valid[12]) + 1) % 10}`;
    const numbers = [badCheck, sandboxTrackingNumber(42, 1), sandboxTrackingNumber(9, 5), 'ABC123'];

    const outcomes = await adapterFor(server).track(numbers, { by: 'trackingNumber' });

    expect(numbers.map((n) => outcomes.get(n))).toEqual(numbers.map(() => ({ kind: 'not_found' })));
  });

  it('refuses more than 50 numbers in one request', async () => {
    const server = await start();
    const numbers = Array.from({ length: 51 }, (_, i) => sandboxTrackingNumber(1, i));
    const response = await createCarrierHttp().post(`${server.url}/api/v1/track`, { trackingNumbers: numbers }, { headers: { 'X-Api-Key': API_KEY } });
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({ error: { code: 'GECERSIZ_ISTEK' } });
  });
});

describe('sandbox carrier references', () => {
  it('finds a parcel by the shop reference and returns its tracking number', async () => {
    const server = await start();
    const number = sandboxTrackingNumber(7, 31);
    server.registerParcel(number, { reference: 'WEB-5001', createdAt: new Date(T0.getTime() - 30 * HOUR) });

    const outcome = found(await trackOne(server, 'WEB-5001', 'reference'));

    expect(outcome.trackingNumber).toBe(number);
    expect(outcome.events.at(-1)?.status).toBe('available_for_pickup');
    expect(await trackOne(server, 'WEB-UNKNOWN', 'reference')).toEqual({ kind: 'not_found' });
  });

  it('registers shipments over HTTP like a label API', async () => {
    const server = await start();
    const http = createCarrierHttp();
    const headers = { 'X-Api-Key': API_KEY };
    const number = sandboxTrackingNumber(6, 32);
    const body = { trackingNumber: number, reference: 'WEB-5002', createdAt: '2026-03-15T09:00:00Z' };

    const created = await http.post(`${server.url}/api/v1/shipments`, body, { headers });
    expect(created.status).toBe(201);
    expect(created.data).toEqual({ trackingNumber: number, reference: 'WEB-5002', createdAt: '2026-03-15T09:00:00.000Z' });
    expect((await http.post(`${server.url}/api/v1/shipments`, body, { headers })).status).toBe(200);
    const clash = await http.post(`${server.url}/api/v1/shipments`, { trackingNumber: sandboxTrackingNumber(6, 33), reference: 'WEB-5002' }, { headers });
    expect(clash.status).toBe(409);
    const invalid = await http.post(`${server.url}/api/v1/shipments`, { trackingNumber: 'SBX0100000017' }, { headers });
    expect(invalid.status).toBe(400);

    const outcome = found(await trackOne(server, 'WEB-5002', 'reference'));
    expect(outcome.trackingNumber).toBe(number);
    expect(outcome.events[0]?.occurredAt).toEqual(new Date('2026-03-15T09:00:00Z'));
  });
});

describe('sandbox carrier failures', () => {
  it('answers a wrong API key with an auth failure for every number', async () => {
    const server = await start();
    const numbers = [sandboxTrackingNumber(1, 40), sandboxTrackingNumber(2, 40)];

    const outcomes = await adapterFor(server, { apiKey: 'wrong-key' }).track(numbers, { by: 'trackingNumber' });

    expect([...outcomes.values()]).toEqual([
      { kind: 'failed', failure: { kind: 'auth' } },
      { kind: 'failed', failure: { kind: 'auth' } },
    ]);
    const raw = await createCarrierHttp().post(`${server.url}/api/v1/track`, { trackingNumbers: numbers });
    expect(raw.status).toBe(401);
    expect(raw.data).toMatchObject({ error: { code: 'YETKISIZ' } });
  });

  it('turns switched-on faults into typed failures and clears them after `remaining` requests', async () => {
    const server = await start();
    const number = sandboxTrackingNumber(1, 41);

    server.setFault({ kind: 'http500', remaining: 1 });
    expect(await trackOne(server, number)).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 500' } });
    expect(statusOf(await trackOne(server, number))).toBe('info_received');

    server.setFault({ kind: 'rate_limit', remaining: 2 });
    expect(await trackOne(server, number)).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
    expect(await trackOne(server, number)).toEqual({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
    expect(statusOf(await trackOne(server, number))).toBe('info_received');

    server.setFault({ kind: 'garbage' });
    for (let i = 0; i < 2; i += 1) {
      const outcome = await trackOne(server, number);
      expect(outcome?.kind === 'failed' && outcome.failure.kind).toBe('malformed');
    }
    server.setFault(null);
    expect(statusOf(await trackOne(server, number))).toBe('info_received');
  });

  it('switches faults over HTTP, behind the API key', async () => {
    const server = await start();
    const http = createCarrierHttp();
    const headers = { 'X-Api-Key': API_KEY };
    const number = sandboxTrackingNumber(1, 42);

    expect((await http.post(`${server.url}/sandbox/faults`, { kind: 'http500' })).status).toBe(401);
    expect((await http.post(`${server.url}/sandbox/faults`, { kind: 'flood' }, { headers })).status).toBe(400);
    expect((await http.post(`${server.url}/sandbox/faults`, { kind: 'http500' }, { headers })).status).toBe(200);
    expect(statusOf(await trackOne(server, number))).toBe('failed');
    expect((await http.delete(`${server.url}/sandbox/faults`, { headers })).status).toBe(204);
    expect(statusOf(await trackOne(server, number))).toBe('info_received');
  });

  it('a slow answer times out as unavailable, and close() does not wait for it', async () => {
    const server = await start();
    server.setFault({ kind: 'slow' });

    const outcome = (await adapterFor(server, { timeoutMs: 300 }).track([sandboxTrackingNumber(1, 43)], { by: 'trackingNumber' })).values().next().value;

    expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'unavailable', detail: 'timeout on POST /api/v1/track' } });
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('sandbox carrier state file', () => {
  it('keeps registrations across a restart, so event times do not change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    tempDirs.push(dir);
    const stateFile = join(dir, 'nested', 'sandbox.json');
    const registered = sandboxTrackingNumber(4, 50);
    const queried = sandboxTrackingNumber(1, 51);

    const first = await start({ stateFile });
    first.registerParcel(registered, { reference: 'WEB-6001', createdAt: new Date(T0.getTime() - 100 * HOUR) });
    clock = new Date(T0.getTime() + 7 * 60_000);
    const before = await adapterFor(first).track([registered, queried], { by: 'trackingNumber' });
    await first.close();

    const saved: unknown = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(saved).toMatchObject({ version: 1, parcels: [{ trackingNumber: registered, reference: 'WEB-6001' }, { trackingNumber: queried }] });

    const second = await start({ stateFile });
    const after = await adapterFor(second).track([registered, queried], { by: 'trackingNumber' });
    expect(after).toEqual(before);
    // Two hours later the parcel first seen by a query still started when it was first asked for.
    clock = new Date(T0.getTime() + 127 * 60_000);
    expect(found(await trackOne(second, queried)).events.map((e) => e.occurredAt)).toEqual([new Date(T0.getTime() + 7 * 60_000)]);
    expect(found(await trackOne(second, 'WEB-6001', 'reference')).trackingNumber).toBe(registered);
  });
});
