import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { createCarrierGovernor, type Admission, type CarrierGovernor } from '../../src/tracking/governor/governor.js';
import { fakePollClock } from '../support/poll-clock.js';
import { scriptedCarrier, scriptedRegistry } from '../support/scripted-carrier.js';
import { storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * The governor against a real SQLite file: what it spends and how its circuits stand must survive
 * a restart (a new store and governor on the same file), so a restart never overspends a quota
 * nor forgets an outage.
 */
const dir = makeTempDir('governor');
let store: Store;
let clock = new Date('2026-11-23T22:00:00Z');
const now = () => clock;
const pollClock = fakePollClock();
const quoted = scriptedCarrier('quoted', { maxBatch: 1, requestsPerSecond: 5, concurrency: 2, dailyQuota: 3, perShipmentDaily: 2, quotaZone: 'UTC' }, pollClock.elapsed);
const flaky = scriptedCarrier('flaky', { maxBatch: 10, requestsPerSecond: 5, concurrency: 4 }, pollClock.elapsed);
const registry = scriptedRegistry([quoted, flaky], now);
const circuit = { failuresToOpen: 3, pauseMs: 60_000, maxPauseMs: 600_000 };

function governor(): CarrierGovernor {
  return createCarrierGovernor({ store, registry, now, clock: pollClock, circuit, limitOverrides: { flaky: { requestsPerSecond: 2 } } });
}

async function restart(): Promise<CarrierGovernor> {
  await store.close();
  store = openSqliteStore(dir.path);
  return governor();
}

beforeAll(() => {
  store = openSqliteStore(dir.path);
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

describe('daily quota', () => {
  it('spends one call per request up to the quota, and remembers it across a restart', async () => {
    let g = governor();
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push((await g.reserveCall('quoted', [])).granted);
    expect(results).toEqual([true, true, true, false]);

    g = await restart();
    expect(await g.reserveCall('quoted', [])).toMatchObject({ granted: false, resetsAt: new Date('2026-11-24T00:00:00Z') });
    expect(await g.quota('quoted')).toEqual({ day: '2026-11-23', used: 3, limit: 3, left: 0, resetsAt: new Date('2026-11-24T00:00:00Z') });

    clock = new Date('2026-11-24T00:00:01Z');
    expect(await g.reserveCall('quoted', [])).toMatchObject({ granted: true });
    expect(await g.quota('quoted')).toMatchObject({ day: '2026-11-24', used: 1, left: 2 });
  });

  it('never grants more calls than the quota to requests racing for it', async () => {
    clock = new Date('2026-11-25T09:00:00Z');
    const g = governor();
    const grants = await Promise.all(Array.from({ length: 10 }, () => g.reserveCall('quoted', [])));
    expect(grants.filter((r) => r.granted)).toHaveLength(3);
  });

  it('counts polls per shipment and day, and spends no call on shipments all at their cap', async () => {
    clock = new Date('2026-11-26T09:00:00Z');
    const g = governor();
    const a = await storeShipment(store, clock, { carrier: 'quoted', trackingNumber: 'CAP-A' });
    const b = await storeShipment(store, clock, { carrier: 'quoted', trackingNumber: 'CAP-B' });
    expect(await g.reserveCall('quoted', [a.id, b.id])).toMatchObject({ granted: true, capped: [] });
    expect(await g.reserveCall('quoted', [a.id])).toMatchObject({ granted: true, capped: [] });
    expect(await g.reserveCall('quoted', [a.id, b.id])).toMatchObject({ granted: true, capped: [a.id] });
    expect(await g.reserveCall('quoted', [a.id, b.id])).toMatchObject({ granted: false });
    expect((await g.quota('quoted')).used).toBe(3);
    expect(await store.shipments.get(a.id)).toMatchObject({ pollDay: '2026-11-26', pollsOnDay: 2 });
    expect(await store.shipments.get(b.id)).toMatchObject({ pollDay: '2026-11-26', pollsOnDay: 2 });

    clock = new Date('2026-11-27T09:00:00Z');
    expect(await g.reserveCall('quoted', [a.id])).toMatchObject({ granted: true, capped: [] });
    expect(await store.shipments.get(a.id)).toMatchObject({ pollDay: '2026-11-27', pollsOnDay: 1 });
  });
});

describe('circuit breaker', () => {
  async function fail(g: CarrierGovernor, kind = 'unavailable'): Promise<void> {
    const admission = await g.admit('flaky');
    if (!admission.ok) throw new Error(`expected admission, got: ${admission.reason}`);
    await admission.done({ ok: false, kind });
  }

  it('opens after N failures in a row, refuses requests until the probe time, and survives a restart', async () => {
    clock = new Date('2026-11-28T10:00:00Z');
    let g = governor();
    await fail(g);
    await fail(g, 'auth');
    expect(await g.circuit('flaky')).toMatchObject({ state: 'closed', consecutiveFailures: 2 });
    await fail(g);
    g = await restart();
    expect(await g.circuit('flaky')).toMatchObject({ state: 'open', consecutiveFailures: 3, openedAt: clock, nextProbeAt: new Date('2026-11-28T10:01:00Z'), lastFailureKind: 'unavailable' });
    expect(await g.admit('flaky')).toEqual({ ok: false, until: new Date('2026-11-28T10:01:00Z'), reason: 'circuit open: probe at 2026-11-28T10:01Z' });
  });

  it('lets exactly one probe through when the pause is over; the others wait for its answer', async () => {
    clock = new Date('2026-11-28T10:01:00Z');
    const g = governor();
    const first = await g.admit('flaky');
    expect(first).toMatchObject({ ok: true, probe: true });
    expect((await g.circuit('flaky')).state).toBe('half_open');
    let settled = 0;
    const waiting = [g.admit('flaky'), g.admit('flaky')].map((p) => p.then((a) => ((settled += 1), a)));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(0);

    // The probe fails: the circuit reopens with the pause doubled, the waiting requests are refused.
    await (first as Extract<Admission, { ok: true }>).done({ ok: false, kind: 'unavailable' });
    const refused = await Promise.all(waiting);
    expect(refused.map((a) => a.ok)).toEqual([false, false]);
    expect(await g.circuit('flaky')).toMatchObject({ state: 'open', openings: 2, openedAt: new Date('2026-11-28T10:00:00Z'), nextProbeAt: new Date('2026-11-28T10:03:00Z') });
  });

  it('closes on a successful probe and lets the waiting requests go', async () => {
    clock = new Date('2026-11-28T10:03:00Z');
    const g = governor();
    const probe = await g.admit('flaky');
    if (!probe.ok) throw new Error('expected the probe');
    const waiting = g.admit('flaky');
    await probe.done({ ok: true });
    expect(await waiting).toMatchObject({ ok: true, probe: false });
    expect(await g.circuit('flaky')).toMatchObject({ state: 'closed', consecutiveFailures: 0, openings: 0, openedAt: null, nextProbeAt: null });
  });

  it('passes the probe on when the chosen request is not sent after all', async () => {
    clock = new Date('2026-11-29T10:00:00Z');
    const g = governor();
    for (let i = 0; i < 3; i += 1) await fail(g);
    clock = new Date('2026-11-29T10:05:00Z');
    const probe = await g.admit('flaky');
    if (!probe.ok) throw new Error('expected the probe');
    const next = g.admit('flaky');
    probe.cancel();
    expect(await next).toMatchObject({ ok: true, probe: true });
  });
});

describe('health', () => {
  it('reports limits with overrides, circuit and quota of every polled carrier', async () => {
    clock = new Date('2026-11-30T08:00:00Z');
    const health = await governor().health();
    expect(health.map((h) => h.carrier)).toEqual(['quoted', 'flaky']);
    expect(health[0]).toEqual({
      carrier: 'quoted',
      limits: { maxBatch: 1, requestsPerSecond: 5, concurrency: 2, dailyQuota: 3, perShipmentDaily: 2, quotaZone: 'UTC' },
      circuit: { state: 'closed', consecutiveFailures: 0, openedAt: null, nextProbeAt: null, lastFailureKind: null },
      quota: { day: '2026-11-30', used: 0, limit: 3, left: 3, resetsAt: new Date('2026-12-01T00:00:00Z') },
    });
    expect(health[1]).toMatchObject({ limits: { requestsPerSecond: 2, dailyQuota: null }, circuit: { state: 'half_open' }, quota: { limit: null, left: null } });
  });
});
