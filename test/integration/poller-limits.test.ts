import { join } from 'node:path';
import type { CarrierLimits, TrackOutcome } from '../../carriers/contract.js';
import type { NewShipment } from '../../src/domain/shipment.js';
import type { Metrics } from '../../src/metrics/types.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import type { CircuitSettings } from '../../src/tracking/governor/circuit.js';
import { createCarrierGovernor } from '../../src/tracking/governor/governor.js';
import { createPoller, type Poller, type PollerDeps } from '../../src/tracking/poller.js';
import { silentLogger } from '../support/logger.js';
import { fakePollClock, mostStartsInWindow } from '../support/poll-clock.js';
import { scriptedCarrier, scriptedRegistry } from '../support/scripted-carrier.js';
import { carrierEvent, storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * The poller within each carrier's limits (issue 6 §1–§4), against a real SQLite file and a
 * scripted carrier. Pacing and back-off run on a fake clock: no test waits or measures real time.
 */
const dir = makeTempDir('poller-limits');
const stores: Store[] = [];
let serial = 0;
afterAll(async () => {
  for (const store of stores) await store.close();
  dir.remove();
});

const HOUR = 3_600_000;
const found = (status: 'in_transit' | 'out_for_delivery' = 'in_transit'): TrackOutcome => ({ kind: 'found', events: [carrierEvent('2026-11-23T08:00:00Z', status, 'SCAN')] });
const unavailable: TrackOutcome = { kind: 'failed', failure: { kind: 'unavailable', detail: 'carrier answered HTTP 503' } };

function recordingMetrics() {
  const seen = { outcomes: [] as string[], requests: [] as { carrier: string; ok: boolean }[], ticks: 0, events: [] as [string, number][] };
  const metrics: Metrics = {
    pollOutcome: (carrier, outcome, kind) => seen.outcomes.push(`${carrier}:${outcome}${kind ? `:${kind}` : ''}`),
    carrierRequest: (carrier, seconds, ok) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      seen.requests.push({ carrier, ok });
    },
    pollTick: () => {
      seen.ticks += 1;
    },
    eventsIngested: (carrier, count) => seen.events.push([carrier, count]),
    anomalyOpened: () => undefined,
    mailSent: () => undefined,
    mailFailed: () => undefined,
  };
  return { seen, metrics };
}

/** A fresh store, one scripted carrier, its governor and a poller sharing one fake clock. */
function harness(limits: CarrierLimits, options: { maxPerTick?: number; circuit?: CircuitSettings; start?: string } = {}) {
  serial += 1;
  const store = openSqliteStore(join(dir.path, `h${serial}`));
  stores.push(store);
  const clock = { now: new Date(options.start ?? '2026-11-23T12:00:00Z') };
  const now = () => clock.now;
  const pollClock = fakePollClock();
  const carrier = scriptedCarrier('acme', limits, pollClock.elapsed);
  const registry = scriptedRegistry([carrier], now);
  const governor = createCarrierGovernor({ store, registry, now, clock: pollClock, ...(options.circuit && { circuit: options.circuit }) });
  const { seen, metrics } = recordingMetrics();
  const deps: PollerDeps = {
    store,
    registry,
    cadence: DEFAULT_CADENCE,
    now,
    logger: silentLogger(),
    maxPerTick: options.maxPerTick ?? 1000,
    governor,
    metrics,
    clock: pollClock,
    // 0.5 puts the cadence jitter at its middle and each back-off at half its step.
    random: () => 0.5,
  };
  let numbers = 0;
  const add = (overrides: Partial<NewShipment> = {}, at = clock.now) => {
    numbers += 1;
    return storeShipment(store, at, { carrier: 'acme', trackingNumber: `ACME${serial}N${String(numbers).padStart(3, '0')}`, ...overrides });
  };
  const pollerWith = (overrides: Partial<PollerDeps>): Poller => createPoller({ ...deps, ...overrides });
  return { store, clock, pollClock, carrier: carrier.state, governor, poller: createPoller(deps), pollerWith, seen, add };
}

describe('limits', () => {
  it('never starts more requests in a second than the carrier allows, for ticks and refreshes together', async () => {
    const h = harness({ maxBatch: 1, requestsPerSecond: 2, concurrency: 3 });
    h.carrier.answer = () => found();
    for (let i = 0; i < 12; i += 1) await h.add();
    const late = await h.add({}, new Date(h.clock.now.getTime() + HOUR));
    const tick = h.poller.pollDue();
    while (h.carrier.calls.length < 2) await new Promise((r) => setImmediate(r));
    // Asked for while the tick is under way, the refresh queues behind the tick's requests.
    const refresh = await h.poller.pollShipments([late], 'refresh');
    expect(await tick).toMatchObject({ shipments: 12, found: 12 });
    expect(refresh).toMatchObject({ shipments: 1, found: 1 });
    const starts = h.carrier.calls.map((c) => c.at);
    expect(starts).toHaveLength(13);
    expect(mostStartsInWindow(starts)).toBeLessThanOrEqual(2);
    expect(h.carrier.calls.at(-1)?.numbers).toEqual([late.trackingNumber]);
    expect(Math.max(...h.carrier.calls.map((c) => c.alongside))).toBeLessThan(3);
  });

  it('spends a daily quota on the most urgent shipments and defers the rest to the reset, with a reason', async () => {
    const h = harness({ maxBatch: 1, requestsPerSecond: 10, concurrency: 1, dailyQuota: 3, quotaZone: 'UTC' });
    h.carrier.answer = () => found();
    const earlier = new Date(h.clock.now.getTime() - 3 * HOUR);
    const quiet = await h.add({}, new Date(h.clock.now.getTime() - 10 * 24 * HOUR));
    const normal = await h.add({}, earlier);
    const nearDeadline = await h.add({ deadlineAt: new Date(h.clock.now.getTime() + 6 * HOUR) }, earlier);
    const outForDelivery = await h.add({}, earlier);
    const failedAttempt = await h.add({}, earlier);
    await h.store.shipments.patch(outForDelivery.id, { status: 'out_for_delivery', lastEventAt: earlier }, h.clock.now);
    await h.store.shipments.patch(failedAttempt.id, { status: 'attempt_failed', lastEventAt: earlier }, h.clock.now);
    await h.store.shipments.patch(normal.id, { lastEventAt: earlier }, h.clock.now);
    await h.store.shipments.patch(quiet.id, { lastEventAt: new Date(h.clock.now.getTime() - 9 * 24 * HOUR) }, h.clock.now);

    const summary = await h.poller.pollDue();
    expect(summary).toMatchObject({ shipments: 5, found: 3, deferred: 2 });
    const asked = h.carrier.calls.flatMap((c) => c.numbers);
    expect(asked).toEqual([outForDelivery.trackingNumber, nearDeadline.trackingNumber, failedAttempt.trackingNumber]);
    for (const left of [normal, quiet]) {
      expect(await h.store.shipments.get(left.id)).toMatchObject({
        nextPollAt: new Date('2026-11-24T00:00:00Z'),
        nextPollReason: 'deferred: acme daily quota spent, resets 2026-11-24T00:00Z',
      });
    }

    // A refresh asked for through the API waits for the reset too: the carrier is not asked.
    const refresh = await h.poller.pollShipments([(await h.store.shipments.get(normal.id))!], 'refresh');
    expect(refresh).toMatchObject({ found: 0, failed: 0, deferred: 1 });
    expect(h.carrier.calls).toHaveLength(3);

    // After the reset the quota is there again, for the most urgent of what is due by then.
    h.clock.now = new Date('2026-11-24T00:00:30Z');
    expect(await h.poller.pollDue()).toMatchObject({ shipments: 5, found: 3, deferred: 2 });
    expect(h.carrier.calls).toHaveLength(6);
    expect((await h.store.shipments.get(quiet.id))?.nextPollAt).toEqual(new Date('2026-11-25T00:00:00Z'));
  });

  it('caps polls per shipment and day, whatever asks for them', async () => {
    const h = harness({ maxBatch: 1, requestsPerSecond: 10, concurrency: 1, perShipmentDaily: 2 });
    h.carrier.answer = () => found();
    const s = await h.add();
    for (let i = 0; i < 3; i += 1) await h.poller.pollShipments([(await h.store.shipments.get(s.id))!], 'refresh');
    expect(h.carrier.calls).toHaveLength(2);
    expect(await h.store.shipments.get(s.id)).toMatchObject({
      pollsOnDay: 2,
      nextPollAt: new Date('2026-11-24T00:00:00Z'),
      nextPollReason: 'deferred: 2 polls of this shipment today (acme limit), resets 2026-11-24T00:00Z',
    });
  });

  it('takes the most urgent first when more are due than one tick takes, and says why the others wait', async () => {
    const h = harness({ maxBatch: 10, requestsPerSecond: 10, concurrency: 1 }, { maxPerTick: 2 });
    h.carrier.answer = () => found();
    const old1 = await h.add({}, new Date(h.clock.now.getTime() - 5 * HOUR));
    const old2 = await h.add({}, new Date(h.clock.now.getTime() - 4 * HOUR));
    const urgent = await h.add({}, new Date(h.clock.now.getTime() - HOUR));
    await h.store.shipments.patch(urgent.id, { status: 'out_for_delivery', lastEventAt: h.clock.now }, h.clock.now);
    const summary = await h.poller.pollDue();
    expect(summary).toMatchObject({ shipments: 3, found: 2, deferred: 1 });
    expect(h.carrier.calls.flatMap((c) => c.numbers).sort()).toEqual([old1.trackingNumber, urgent.trackingNumber].sort());
    expect(await h.store.shipments.get(old2.id)).toMatchObject({ nextPollReason: 'deferred: more due than one tick takes (2); next tick' });
  });
});

describe('faults', () => {
  it('retries a batch the carrier could not answer twice, with exponential back-off and full jitter', async () => {
    const h = harness({ maxBatch: 5, requestsPerSecond: 100, concurrency: 1 });
    h.carrier.answer = (_n, call) => (call < 2 ? unavailable : found());
    const s = await h.add();
    expect(await h.poller.pollDue()).toMatchObject({ found: 1, failed: 0 });
    expect(h.carrier.calls).toHaveLength(3);
    // random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(h.pollClock.sleeps.filter((ms) => ms >= 100)).toEqual([250, 500]);
    expect((await h.store.shipments.get(s.id))?.status).toBe('in_transit');
  });

  it('gives up after two retries and leaves the shipment to its own retry schedule', async () => {
    const h = harness({ maxBatch: 5, requestsPerSecond: 100, concurrency: 1 });
    h.carrier.answer = () => unavailable;
    const s = await h.add();
    expect(await h.poller.pollDue()).toMatchObject({ failed: 1 });
    expect(h.carrier.calls).toHaveLength(3);
    expect(await h.store.shipments.get(s.id)).toMatchObject({ pollFailures: 1, lastPollError: 'unavailable: carrier answered HTTP 503', nextPollReason: 'retry 1 after unavailable' });
  });

  it('waits out a short Retry-After once, and leaves a long one to the shipment schedule', async () => {
    const h = harness({ maxBatch: 5, requestsPerSecond: 100, concurrency: 1 });
    h.carrier.answer = (_n, call) => (call === 0 ? { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 4000 } } : found());
    await h.add();
    expect(await h.poller.pollDue()).toMatchObject({ found: 1 });
    expect(h.pollClock.sleeps).toContain(4000);

    h.carrier.calls.length = 0;
    h.carrier.answer = () => ({ kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30_000 } });
    const s = await h.add();
    expect(await h.poller.pollShipments([s], 'refresh')).toMatchObject({ failed: 1 });
    expect(h.carrier.calls).toHaveLength(1);
    const after = await h.store.shipments.get(s.id);
    expect(after?.nextPollAt?.getTime()).toBeGreaterThanOrEqual(h.clock.now.getTime() + 30_000);
    expect(after?.nextPollReason).toBe('retry 1 after rate_limited (carrier asked to wait 30 s)');
  });

  it('opens the circuit after repeated failures, pauses the carrier, then probes once and resumes', async () => {
    const h = harness({ maxBatch: 1, requestsPerSecond: 100, concurrency: 3 }, { circuit: { failuresToOpen: 3, pauseMs: 60_000, maxPauseMs: 600_000 } });
    h.carrier.answer = () => unavailable;
    const a = await h.add();
    expect(await h.poller.pollDue()).toMatchObject({ failed: 1 });
    expect(await h.governor.circuit('acme')).toMatchObject({ state: 'open', nextProbeAt: new Date('2026-11-23T12:01:00Z'), lastFailureKind: 'unavailable' });

    // While open, due shipments are not asked: they wait for the probe time, saying so.
    const b = await h.add();
    const c = await h.add();
    const calls = h.carrier.calls.length;
    expect(await h.poller.pollDue()).toMatchObject({ deferred: 2, failed: 0 });
    expect(h.carrier.calls).toHaveLength(calls);
    expect(await h.store.shipments.get(b.id)).toMatchObject({ nextPollAt: new Date('2026-11-23T12:01:00Z'), nextPollReason: 'circuit open: probe at 2026-11-23T12:01Z' });

    // At the probe time the carrier is back: one probe goes alone, then the rest follow.
    h.clock.now = new Date('2026-11-23T12:01:00Z');
    h.carrier.answer = () => found();
    // Answers take a few turns of the event loop, so requests sent together would overlap.
    h.carrier.hold = async () => {
      for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
    };
    await h.store.shipments.patch(a.id, { nextPollAt: h.clock.now }, h.clock.now);
    expect(await h.poller.pollDue()).toMatchObject({ found: 3, deferred: 0 });
    const resumed = h.carrier.calls.slice(calls);
    expect(resumed.map((call) => call.alongside).slice(0, 2)).toEqual([0, 0]);
    expect(await h.governor.circuit('acme')).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect((await h.store.shipments.get(c.id))?.status).toBe('in_transit');
  });

  it('counts rejected credentials against the circuit, not throttling', async () => {
    const h = harness({ maxBatch: 1, requestsPerSecond: 100, concurrency: 1 }, { circuit: { failuresToOpen: 2, pauseMs: 60_000, maxPauseMs: 600_000 } });
    h.carrier.answer = () => ({ kind: 'failed', failure: { kind: 'rate_limited' } });
    await h.poller.pollShipments([await h.add(), await h.add(), await h.add()], 'refresh');
    expect((await h.governor.circuit('acme')).state).toBe('closed');
    h.carrier.answer = () => ({ kind: 'failed', failure: { kind: 'auth' } });
    await h.poller.pollShipments([await h.add(), await h.add()], 'refresh');
    expect(await h.governor.circuit('acme')).toMatchObject({ state: 'open', lastFailureKind: 'auth' });
  });

  it('ends a batch the carrier never answers at the batch deadline, aborting its requests', async () => {
    const h = harness({ maxBatch: 1, requestsPerSecond: 100, concurrency: 1 });
    // The request hangs until its signal aborts, as an HTTP call with the signal would.
    h.carrier.hold = (ctx) => new Promise<void>((resolve) => ctx.signal?.addEventListener('abort', () => resolve()));
    const s = await h.add();
    const impatient = h.pollerWith({ call: { batchDeadlineMs: 30, retries: 0, backoffBaseMs: 500, shortRetryAfterMs: 10_000 } });
    expect(await impatient.pollShipments([s], 'refresh')).toMatchObject({ failed: 1 });
    expect(h.carrier.calls[0]?.signal?.aborted).toBe(true);
    expect((await h.store.shipments.get(s.id))?.lastPollError).toBe('unavailable: no answer within the batch deadline (30 ms)');
  });
});

describe('unreadable answers', () => {
  it('quarantines an answer that leaves a number out, naming only that number, and ingests the rest', async () => {
    const h = harness({ maxBatch: 5, requestsPerSecond: 10, concurrency: 1 });
    h.carrier.answer = () => found();
    const kept = await h.add();
    const dropped = await h.add();
    h.carrier.omits = (n) => n === dropped.trackingNumber;
    const summary = await h.poller.pollDue();
    expect(summary).toMatchObject({ shipments: 2, found: 1, failed: 1 });
    expect((await h.store.shipments.get(dropped.id))?.lastPollError).toBe('malformed: number missing from the carrier answer');
    expect((await h.store.shipments.get(kept.id))?.status).toBe('in_transit');
    const { items } = await h.store.quarantine.list({ carrier: 'acme', limit: 10 });
    expect(items.map((i) => i.numbers)).toEqual([[dropped.trackingNumber]]);
    expect(items[0]?.detail).toBe('number missing from the carrier answer');
  });
});

describe('cadence and bookkeeping', () => {
  it('says why the next poll is when it is, and spreads shipments registered together', async () => {
    const h = harness({ maxBatch: 50, requestsPerSecond: 100, concurrency: 1 });
    h.carrier.answer = () => found();
    for (let i = 0; i < 20; i += 1) await h.add();
    let seed = 11;
    const poller = h.pollerWith({
      random: () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      },
    });
    await poller.pollDue();
    const shipments = (await h.store.shipments.list({ carrier: 'acme', limit: 50 })).items;
    expect(new Set(shipments.map((s) => s.nextPollReason))).toEqual(new Set(['in transit: every 2 h']));
    const offsets = shipments.map((s) => (s.nextPollAt?.getTime() ?? 0) - h.clock.now.getTime());
    expect(new Set(offsets).size).toBeGreaterThan(15);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(1.8 * HOUR);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(2.2 * HOUR);
  });

  it('stops tracking a shipment past the maximum tracking age without asking the carrier', async () => {
    const h = harness({ maxBatch: 5, requestsPerSecond: 100, concurrency: 1 });
    const old = await h.add({}, new Date(h.clock.now.getTime() - 91 * 24 * HOUR));
    await h.store.shipments.patch(old.id, { status: 'in_transit', lastEventAt: new Date(h.clock.now.getTime() - 2 * 24 * HOUR), nextPollAt: h.clock.now }, h.clock.now);
    await h.poller.pollDue();
    expect(h.carrier.calls).toHaveLength(0);
    expect(await h.store.shipments.get(old.id)).toMatchObject({ status: 'expired', nextPollAt: null, nextPollReason: 'expired: tracked for the maximum of 90 days' });
  });

  it('reports outcomes, requests, ticks and events to metrics, and records unmapped events in the poll run', async () => {
    const h = harness({ maxBatch: 1, requestsPerSecond: 100, concurrency: 1 });
    const odd = { ...carrierEvent('2026-11-23T09:00:00Z', 'in_transit', 'XYZ'), substatus: 'unmapped' as const };
    const a = await h.add();
    const b = await h.add();
    h.carrier.answer = (n) => (n === a.trackingNumber ? { kind: 'found', events: [carrierEvent('2026-11-23T08:00:00Z', 'in_transit', 'SCAN'), odd] } : { kind: 'failed', failure: { kind: 'malformed', detail: 'bad date' } });
    await h.poller.pollDue();
    expect(h.seen.outcomes.sort()).toEqual(['acme:failed:malformed', 'acme:found']);
    expect(h.seen.requests).toEqual([
      { carrier: 'acme', ok: true },
      { carrier: 'acme', ok: false },
    ]);
    expect(h.seen.ticks).toBe(1);
    expect(h.seen.events).toEqual([['acme', 2]]);
    const [run] = await h.store.pollRuns.recentForCarrier('acme', 1);
    expect(run).toMatchObject({ requested: 2, found: 1, failed: 1, eventsAdded: 2, eventsUnmapped: 1 });
    expect((await h.store.shipments.get(b.id))?.lastPollError).toBe('malformed: bad date');
  });
});
