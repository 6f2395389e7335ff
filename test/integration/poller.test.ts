import type { CarrierAdapter, TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { createPoller, type Poller } from '../../src/tracking/poller.js';
import { createPollScheduler } from '../../src/tracking/scheduler.js';
import { silentLogger } from '../support/logger.js';
import { alwaysEnabled } from '../support/scripted-carrier.js';
import { carrierEvent, storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * A scripted carrier: answers per number from a table, counts requests in flight and can be held
 * open, so the poller's batching, concurrency and isolation can be observed.
 */
function scriptedCarrier(code: string, limits: CarrierAdapter['limits']) {
  const state = {
    inFlight: 0,
    maxInFlight: 0,
    batches: [] as string[][],
    answers: new Map<string, TrackOutcome>(),
    throwFor: new Set<string>(),
    gate: null as Promise<void> | null,
  };
  const adapter: CarrierAdapter = {
    code,
    displayName: code,
    limits,
    queryBy: ['trackingNumber'],
    recognises: () => false,
    async track(numbers) {
      state.inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      state.batches.push([...numbers]);
      try {
        await new Promise((r) => setTimeout(r, 5));
        if (state.gate) await state.gate;
        if (numbers.some((n) => state.throwFor.has(n))) throw new Error('adapter bug');
        return new Map(numbers.map((n) => [n, state.answers.get(n) ?? { kind: 'not_found' as const }]));
      } finally {
        state.inFlight -= 1;
      }
    },
  };
  return { state, definition: alwaysEnabled(adapter) };
}

const dir = makeTempDir('poller');
let store: Store;
const clock = new Date('2026-03-05T12:00:00Z');
const fast = scriptedCarrier('fast', { maxBatch: 3, requestsPerSecond: 1000, concurrency: 2 });
const flaky = scriptedCarrier('flaky', { maxBatch: 10, requestsPerSecond: 1000, concurrency: 1 });
let poller: Poller;

beforeAll(() => {
  store = openSqliteStore(dir.path);
  const logger = silentLogger();
  const registry = buildCarrierRegistry(
    { fast: { enabled: true, config: undefined }, flaky: { enabled: true, config: undefined } },
    { http: createCarrierHttp(), now: () => clock, logger },
    [fast.definition, flaky.definition],
  );
  poller = createPoller({ store, registry, cadence: DEFAULT_CADENCE, now: () => clock, logger, maxPerTick: 1000 });
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

describe('poller', () => {
  it('batches due shipments by carrier within maxBatch and concurrency', async () => {
    for (let i = 0; i < 10; i += 1) {
      const s = await storeShipment(store, clock, { carrier: 'fast', trackingNumber: `FAST${i}` });
      fast.state.answers.set(s.trackingNumber!, { kind: 'found', events: [carrierEvent('2026-03-05T08:00:00Z', 'in_transit', 'KABUL')] });
    }
    const summary = await poller.pollDue();
    expect(summary).toMatchObject({ shipments: 10, found: 10, failed: 0, eventsAdded: 10 });
    expect(fast.state.batches.map((b) => b.length).sort()).toEqual([1, 3, 3, 3]);
    expect(fast.state.maxInFlight).toBeLessThanOrEqual(2);
    // Nothing is due any more: the cadence moved every shipment 2 h ahead.
    expect((await poller.pollDue()).shipments).toBe(0);
  });

  it('keeps one carrier failing (a thrown adapter bug) from stopping the others, and keeps stored data', async () => {
    const good = await storeShipment(store, clock, { carrier: 'flaky', trackingNumber: 'FLAKY-OK' });
    flaky.state.answers.set('FLAKY-OK', { kind: 'found', events: [carrierEvent('2026-03-05T09:00:00Z', 'out_for_delivery', 'DAGITIMDA')] });
    await poller.pollShipments([good], 'refresh');
    expect((await store.shipments.get(good.id))?.status).toBe('out_for_delivery');

    flaky.state.throwFor.add('FLAKY-OK');
    const other = await storeShipment(store, clock, { carrier: 'fast', trackingNumber: 'FAST-OTHER' });
    fast.state.answers.set('FAST-OTHER', { kind: 'found', events: [carrierEvent('2026-03-05T09:30:00Z', 'in_transit', 'KABUL')] });
    const summary = await poller.pollShipments([(await store.shipments.get(good.id))!, other], 'tick');
    expect(summary).toMatchObject({ found: 1, failed: 1 });
    const after = await store.shipments.get(good.id);
    expect(after).toMatchObject({ status: 'out_for_delivery', pollFailures: 1, lastPollError: 'unavailable: adapter error' });
    expect(await store.events.listForShipment(good.id)).toHaveLength(1);
    expect((await store.shipments.get(other.id))?.status).toBe('in_transit');
    flaky.state.throwFor.clear();
  });

  it('fails only the numbers the carrier failed, not their batch mates', async () => {
    const a = await storeShipment(store, clock, { carrier: 'flaky', trackingNumber: 'MIX-A' });
    const b = await storeShipment(store, clock, { carrier: 'flaky', trackingNumber: 'MIX-B' });
    flaky.state.answers.set('MIX-A', { kind: 'failed', failure: { kind: 'malformed', detail: 'unreadable event date' } });
    flaky.state.answers.set('MIX-B', { kind: 'found', events: [carrierEvent('2026-03-05T09:00:00Z', 'in_transit', 'KABUL')] });
    const summary = await poller.pollShipments([a, b], 'tick');
    expect(summary).toMatchObject({ found: 1, failed: 1 });
    expect((await store.shipments.get(a.id))?.lastPollError).toBe('malformed: unreadable event date');
    expect((await store.shipments.get(b.id))?.status).toBe('in_transit');
  });

  it('records one poll run per carrier with its failures, for /v1/health', async () => {
    const before = await store.pollRuns.failuresSince(new Date(clock.getTime() - 3_600_000));
    const s = await storeShipment(store, clock, { carrier: 'flaky', trackingNumber: 'RUN-1' });
    flaky.state.answers.set('RUN-1', { kind: 'failed', failure: { kind: 'auth' } });
    await poller.pollShipments([s], 'tick');
    expect(await store.pollRuns.failuresSince(new Date(clock.getTime() - 3_600_000))).toBe(before + 1);
    expect((await store.pollRuns.lastTick())?.finishedAt).toEqual(clock);
  });

  it('never overlaps ticks, and stop() waits for the tick in flight', async () => {
    let release: () => void = () => undefined;
    fast.state.gate = new Promise((r) => {
      release = r;
    });
    await storeShipment(store, clock, { carrier: 'fast', trackingNumber: 'SLOW-1' });
    const scheduler = createPollScheduler(poller, { cron: '0 0 1 1 *', timeZone: 'Europe/Istanbul', logger: silentLogger() });
    const first = scheduler.runNow();
    await new Promise((r) => setTimeout(r, 20));
    expect(scheduler.isRunning()).toBe(true);
    expect(await scheduler.runNow()).toBeNull();

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    expect((await first)?.shipments).toBe(1);
    fast.state.gate = null;
  });
});
