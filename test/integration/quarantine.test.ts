import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import nock from 'nock';
import request from 'supertest';
import type { TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp, type CapturedResponse } from '../../carriers/http.js';
import { upsCarrier } from '../../carriers/ups/index.js';
import { Secret } from '../../src/config/secret.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { captureResponses, quarantineMalformed } from '../../src/tracking/quarantine.js';
import { captureLogger } from '../support/logger.js';
import { startTestService, type TestService } from '../support/service.js';
import { makeTempDir } from '../support/temp-dir.js';

const NOW = new Date('2026-03-16T12:00:00Z');
const UPS_URL = 'https://ups-quarantine.test';
const DELIVERED = '1Z999AA10123456784';
const WINDOW = '1Z12345E0205271688';

const malformed = (detail: string): TrackOutcome => ({ kind: 'failed', failure: { kind: 'malformed', detail } });
const found: TrackOutcome = { kind: 'found', events: [] };

function answer(path: string, body: string, status = 200): CapturedResponse {
  return { method: 'GET', path, status, contentType: 'application/json', body };
}

function upsFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/carriers/ups/${name}.json`, import.meta.url), 'utf8');
}

const dir = makeTempDir('quarantine');
let store: Store;
/** A second connection reads the table as it is on disk. */
let raw: Database.Database;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  store = openSqliteStore(dir.path);
  raw = new Database(join(dir.path, 'shipwatch.db'), { readonly: true });
});

afterEach(() => {
  const done = nock.isDone();
  nock.abortPendingRequests();
  nock.cleanAll();
  expect(done).toBe(true);
});

afterAll(async () => {
  raw.close();
  await store.close();
  dir.remove();
  nock.enableNetConnect();
  nock.restore();
});

function rowsOf(carrier: string): { numbers: string; detail: string; responses: string; tick_id: string }[] {
  return raw.prepare('select * from poll_quarantine where carrier = ? order by id').all(carrier) as {
    numbers: string;
    detail: string;
    responses: string;
    tick_id: string;
  }[];
}

describe('quarantineMalformed', () => {
  it('writes nothing when no answer was malformed', async () => {
    const outcomes = new Map<string, TrackOutcome>([
      ['A1', found],
      ['A2', { kind: 'not_found' }],
      ['A3', { kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } }],
    ]);

    const written = await quarantineMalformed(store, { carrier: 'alpha', tickId: 't1', outcomes, responses: [answer('/t', 'x', 503)], now: NOW });

    expect(written).toBe(0);
    expect(rowsOf('alpha')).toEqual([]);
  });

  it('writes one entry with the malformed numbers, their distinct details, and the answers concerning them', async () => {
    const outcomes = new Map<string, TrackOutcome>([
      ['B1', found],
      ['B2', malformed('track answer has no shipments')],
      ['B3', malformed('track answer has no shipments')],
      ['B4', malformed('unreadable date in event 2')],
    ]);
    const responses = [
      answer('/oauth/token', '{"access_token":"MARKER-Q-TOKEN","expires_in":60}'),
      answer('/track/B1', '{"shipment":"B1","receiver":"MARKER-Q-FOUND-RECEIVER"}'),
      answer('/track/B2', '<html>MARKER-Q-GARBAGE'),
      answer('/track', '{"items":[{"n":"B3"},{"n":"B4","date":"yesterday-ish"}]}'),
    ];

    const written = await quarantineMalformed(store, { carrier: 'beta', tickId: 'tick-9', outcomes, responses, now: NOW });

    expect(written).toBe(1);
    const [entry, ...more] = (await store.quarantine.list({ carrier: 'beta', limit: 10 })).items;
    expect(more).toEqual([]);
    expect(entry).toEqual({
      id: expect.stringMatching(/^pq_\d+$/),
      carrier: 'beta',
      tickId: 'tick-9',
      receivedAt: NOW,
      numbers: ['B2', 'B3', 'B4'],
      detail: 'track answer has no shipments; unreadable date in event 2',
      responses: [
        answer('/oauth/token', '{"access_token":"[redacted]","expires_in":60}'),
        answer('/track/B2', '<html>MARKER-Q-GARBAGE'),
        answer('/track', '{"items":[{"n":"B3"},{"n":"B4","date":"yesterday-ish"}]}'),
      ],
    });
    const onDisk = JSON.stringify(rowsOf('beta'));
    expect(onDisk).toContain('MARKER-Q-GARBAGE');
    expect(onDisk).not.toContain('MARKER-Q-TOKEN');
    expect(onDisk).not.toContain('MARKER-Q-FOUND-RECEIVER');
  });

  it('redacts again what it is handed and stores only the five fields of an answer', async () => {
    const sneaky = { ...answer('/login', '<r><wsPassword>MARKER-Q-PASS</wsPassword></r>'), headers: { authorization: 'MARKER-Q-HEADER' } };

    await quarantineMalformed(store, { carrier: 'gamma', tickId: 't', outcomes: new Map([['G1', malformed('bad')]]), responses: [sneaky], now: NOW });

    const onDisk = JSON.stringify(rowsOf('gamma'));
    expect(onDisk).toContain('<wsPassword>[redacted]</wsPassword>');
    expect(onDisk).not.toContain('MARKER');
  });

  it('keeps answers up to a body budget per entry and says how many it left out', async () => {
    const big = (i: number) => answer(`/track/H${i}`, `H${i} ${'x'.repeat(60 * 1024)}`);
    const outcomes = new Map([...Array(6).keys()].map((i): [string, TrackOutcome] => [`H${i}`, malformed('bad')]));

    await quarantineMalformed(store, { carrier: 'eta', tickId: 't', outcomes, responses: [...Array(6).keys()].map(big), now: NOW });

    const [entry] = (await store.quarantine.list({ carrier: 'eta', limit: 1 })).items;
    expect(entry?.responses.map((r) => r.path)).toEqual(['/track/H0', '/track/H1', '/track/H2', '/track/H3']);
    expect(entry?.detail).toBe('bad (2 more answers not kept)');
  });

  it('keeps only the newest entries of a carrier beyond the cap, and leaves other carriers alone', async () => {
    await quarantineMalformed(store, { carrier: 'epsilon', tickId: 'keep-me', outcomes: new Map([['E0', malformed('bad')]]), responses: [], now: NOW });
    for (let i = 1; i <= 5; i++) {
      const written = await quarantineMalformed(
        store,
        { carrier: 'delta', tickId: `tick-${i}`, outcomes: new Map([[`D${i}`, malformed('bad')]]), responses: [], now: new Date(NOW.getTime() + i) },
        3,
      );
      expect(written).toBe(1);
    }

    expect(rowsOf('delta').map((r) => r.tick_id)).toEqual(['tick-3', 'tick-4', 'tick-5']);
    expect(rowsOf('epsilon').map((r) => r.tick_id)).toEqual(['keep-me']);
  });
});

describe('a real adapter answering garbage, captured and quarantined', () => {
  it('keeps the garbage as received and the redacted token answer, nothing of the parcel that was read, nothing in the logs', async () => {
    const logs = captureLogger('debug');
    const adapter = upsCarrier.create(
      {
        baseUrl: UPS_URL,
        testEnvironment: false,
        credentials: { CLIENT_ID: new Secret('MARKER-CLIENT-ID-4d2e'), CLIENT_SECRET: new Secret('MARKER-CLIENT-SECRET-q1') },
      },
      { http: createCarrierHttp({ timeoutMs: 2000 }), now: () => NOW, logger: logs.logger },
    );
    const garbage = '{"trackResponse": {"shipment": [ {"package": [ {"trackingNumber": "1Z12345E0205271688", "activity": [ { <<<';
    nock(UPS_URL).post('/security/v1/oauth/token').reply(200, upsFixture('token'), { 'Content-Type': 'application/json' });
    nock(UPS_URL).get(`/api/track/v1/details/${DELIVERED}`).query(true).reply(200, upsFixture('full-history-delivered'), { 'Content-Type': 'application/json' });
    nock(UPS_URL).get(`/api/track/v1/details/${WINDOW}`).query(true).reply(200, garbage, { 'Content-Type': 'application/json' });

    const { result: outcomes, responses } = await captureResponses(() => adapter.track([DELIVERED, WINDOW], { by: 'trackingNumber' }));
    expect(outcomes.get(DELIVERED)?.kind).toBe('found');
    expect(outcomes.get(WINDOW)).toMatchObject({ kind: 'failed', failure: { kind: 'malformed' } });

    const written = await quarantineMalformed(store, { carrier: 'ups', tickId: 'tick-ups', outcomes, responses, now: NOW });

    expect(written).toBe(1);
    const [entry] = (await store.quarantine.list({ carrier: 'ups', limit: 1 })).items;
    expect(entry?.numbers).toEqual([WINDOW]);
    expect(entry?.responses.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/security/v1/oauth/token', 200],
      ['GET', `/api/track/v1/details/${WINDOW}`, 200],
    ]);
    expect(entry?.responses[1]?.body).toBe(garbage);
    expect(entry?.responses[0]?.body).toContain('"access_token": "[redacted]"');
    const onDisk = JSON.stringify(rowsOf('ups'));
    expect(onDisk).not.toMatch(/MARKER-(ACCESS-TOKEN|CLIENT-ID|CLIENT-SECRET|RECEIVER|SHIPTO|SHIPPER|SHOP)/);
    expect(logs.text()).not.toMatch(/MARKER/);
  });
});

describe('GET /v1/carriers/:code/quarantine', () => {
  let running: TestService;
  const keys: Record<'merchant' | 'support', string> = { merchant: '', support: '' };

  beforeAll(async () => {
    running = await startTestService();
    const api = request(running.service.url);
    for (const role of ['merchant', 'support'] as const) {
      keys[role] = (await api.post('/v1/keys').set(running.auth()).send({ role, name: role })).body.key;
    }
    for (let i = 1; i <= 5; i++) {
      await quarantineMalformed(running.service.store, {
        carrier: 'sandbox',
        tickId: `tick-${i}`,
        outcomes: new Map([[`SBX${i}`, malformed(`garbage ${i}`)]]),
        responses: [answer(`/v1/track/SBX${i}`, `not json ${i}`)],
        now: new Date(NOW.getTime() + i * 60_000),
      });
    }
  });

  afterAll(async () => {
    await running.close();
  });

  it('lists a carrier’s entries newest first, page by page, for admins', async () => {
    const api = request(running.service.url);
    const first = await api.get('/v1/carriers/sandbox/quarantine?limit=2').set(running.auth());
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: { tickId: string }) => e.tickId)).toEqual(['tick-5', 'tick-4']);
    expect(first.body.items[0]).toEqual({
      id: expect.stringMatching(/^pq_\d+$/),
      carrier: 'sandbox',
      tickId: 'tick-5',
      receivedAt: new Date(NOW.getTime() + 5 * 60_000).toISOString(),
      numbers: ['SBX5'],
      detail: 'garbage 5',
      responses: [answer('/v1/track/SBX5', 'not json 5')],
    });

    const ticks: string[] = [];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const next = await api.get(`/v1/carriers/sandbox/quarantine?limit=2&cursor=${cursor}`).set(running.auth());
      expect(next.status).toBe(200);
      ticks.push(...next.body.items.map((e: { tickId: string }) => e.tickId));
      cursor = next.body.nextCursor;
    }
    expect(ticks).toEqual(['tick-3', 'tick-2', 'tick-1']);

    const other = await api.get('/v1/carriers/ups/quarantine').set(running.auth());
    expect(other.body).toEqual({ items: [], nextCursor: null });
  });

  it('refuses merchant and support keys and requests without a key', async () => {
    const api = request(running.service.url);
    for (const role of ['merchant', 'support'] as const) {
      const refused = await api.get('/v1/carriers/sandbox/quarantine').set(running.auth(keys[role]));
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await api.get('/v1/carriers/sandbox/quarantine')).status).toBe(401);
  });

  it('answers 404 for an unknown carrier and 400 for a bad limit or cursor', async () => {
    const api = request(running.service.url);
    const unknown = await api.get('/v1/carriers/nosuch/quarantine').set(running.auth());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'carrier_not_found', message: 'no carrier with code nosuch' });

    const tooMany = await api.get('/v1/carriers/sandbox/quarantine?limit=101').set(running.auth());
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.field).toBe('limit');

    const forged = Buffer.from('pq_abc', 'utf8').toString('base64url');
    const badCursor = await api.get(`/v1/carriers/sandbox/quarantine?cursor=${forged}`).set(running.auth());
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error).toMatchObject({ code: 'invalid_cursor', field: 'cursor' });
  });
});
