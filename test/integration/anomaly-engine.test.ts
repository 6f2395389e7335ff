import { createAnomalyEngine, type AnomalyEngine } from '../../src/anomalies/engine.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { ingestEvents, recordOutcome, type IngestDeps, type IncomingEvent } from '../../src/tracking/ingest.js';
import { silentLogger } from '../support/logger.js';
import { ISTANBUL, SETTINGS } from '../support/rule-input.js';
import { carrierEvent, storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const dir = makeTempDir('engine');
let store: Store;
let clock = new Date('2026-03-17T12:00:00+03:00');
let engine: AnomalyEngine;
let ingest: IngestDeps;
let serial = 0;

beforeAll(() => {
  store = openSqliteStore(dir.path);
  const logger = silentLogger();
  engine = createAnomalyEngine({ store, calendar: ISTANBUL, settings: SETTINGS, now: () => clock, logger });
  ingest = { store, cadence: DEFAULT_CADENCE, now: () => clock, logger };
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

async function shipment(overrides = {}) {
  serial += 1;
  return storeShipment(store, clock, { trackingNumber: `ENG${serial}`, ...overrides });
}

const manual = (iso: string, status: IncomingEvent['status'], substatus: IncomingEvent['substatus'] = null): IncomingEvent => ({
  occurredAt: new Date(iso),
  status,
  substatus,
  description: `${status} by hand`,
});

async function anomaliesOf(id: string) {
  return (await store.anomalies.forShipments([id])).get(id) ?? [];
}

describe('anomaly engine', () => {
  it('opens a critical anomaly with its outbox row, and never a second one while it is unresolved', async () => {
    const s = await shipment();
    await recordOutcome(ingest, s, {
      kind: 'found',
      events: [carrierEvent('2026-03-16T09:00:00+03:00', 'info_received', 'KAYIT'), carrierEvent('2026-03-17T10:00:00+03:00', 'delivered', 'TESLIM')],
    });
    expect(await engine.evaluateShipments([s.id])).toMatchObject({ opened: 1 });
    expect(await engine.evaluateShipments([s.id])).toEqual({ opened: 0, resolved: 0, updated: 0 });
    const [only] = await anomaliesOf(s.id);
    expect(only).toMatchObject({ code: 'delivered_without_scan', severity: 'critical', state: 'open' });
    const pending = await store.alerts.pendingImmediate(clock, 100);
    expect(pending.filter((p) => p.row.anomalyId === only?.id)).toHaveLength(1);
  });

  it('keeps one unresolved anomaly per code even when two evaluations race', async () => {
    const s = await shipment();
    await recordOutcome(ingest, s, { kind: 'found', events: [carrierEvent('2026-03-17T10:00:00+03:00', 'exception', 'HASARLI', 'exception.damaged')] });
    await Promise.all([engine.evaluateShipments([s.id]), engine.evaluateShipments([s.id])]);
    expect((await anomaliesOf(s.id)).filter((a) => a.code === 'exception')).toHaveLength(1);
  });

  it('auto-resolves with the reason when the rule says so', async () => {
    const s = await shipment();
    await ingestEvents(ingest, s, [manual('2026-03-17T09:00:00+03:00', 'attempt_failed', 'attempt_failed.recipient_absent')], { source: 'manual', polled: false });
    await engine.evaluateShipments([s.id]);
    expect((await anomaliesOf(s.id)).map((a) => a.code)).toEqual(['delivery_failed']);
    await ingestEvents(ingest, (await store.shipments.get(s.id))!, [manual('2026-03-17T11:00:00+03:00', 'delivered')], { source: 'manual', polled: false });
    expect(await engine.evaluateShipments([s.id])).toMatchObject({ resolved: 1 });
    const failed = (await anomaliesOf(s.id)).find((a) => a.code === 'delivery_failed');
    expect(failed).toMatchObject({ state: 'resolved', resolvedBy: 'auto', resolution: 'delivered' });
  });

  it('keeps a person\'s resolution until a later event triggers the rule anew', async () => {
    const s = await shipment();
    await ingestEvents(ingest, s, [manual('2026-03-17T09:00:00+03:00', 'exception', 'exception.held')], { source: 'manual', polled: false });
    await engine.evaluateShipments([s.id]);
    const [first] = await anomaliesOf(s.id);
    await store.anomalies.resolveByPerson(first!.id, 'desk (support)', 'called the carrier, released', clock);

    // Same facts, pushed again: nothing reopens.
    await ingestEvents(ingest, (await store.shipments.get(s.id))!, [manual('2026-03-17T09:00:00+03:00', 'exception', 'exception.held')], { source: 'manual', polled: false });
    await engine.evaluateShipments([s.id]);
    expect((await anomaliesOf(s.id)).filter((a) => a.state !== 'resolved')).toHaveLength(0);

    // A new exception is a new trigger.
    await ingestEvents(ingest, (await store.shipments.get(s.id))!, [manual('2026-03-17T11:00:00+03:00', 'exception', 'exception.damaged')], { source: 'manual', polled: false });
    await engine.evaluateShipments([s.id]);
    const all = await anomaliesOf(s.id);
    expect(all.map((a) => [a.state, a.severity])).toEqual([
      ['resolved', 'high'],
      ['open', 'critical'],
    ]);
  });

  it('escalates late to critical and makes its outbox row owe an immediate mail', async () => {
    const s = await shipment({ deadlineAt: new Date('2026-03-18T23:59:59.999+03:00') });
    await ingestEvents(ingest, s, [manual('2026-03-17T09:00:00+03:00', 'in_transit')], { source: 'manual', polled: false });
    clock = new Date('2026-03-19T08:00:00+03:00');
    await engine.evaluateShipments([s.id]);
    const [lateOne] = (await anomaliesOf(s.id)).filter((a) => a.code === 'late');
    expect(lateOne?.severity).toBe('high');
    expect((await store.alerts.pendingImmediate(clock, 100)).some((p) => p.row.anomalyId === lateOne?.id)).toBe(false);

    clock = new Date('2026-03-24T12:00:00+03:00');
    expect(await engine.evaluateShipments([s.id])).toMatchObject({ updated: 1 });
    const escalated = await store.anomalies.get(lateOne!.id);
    expect(escalated?.severity).toBe('critical');
    expect(escalated?.details['lateBusinessDays']).toBeGreaterThan(2);
    expect((await store.alerts.pendingImmediate(clock, 100)).some((p) => p.row.anomalyId === lateOne?.id)).toBe(true);
    clock = new Date('2026-03-17T12:00:00+03:00');
  });

  it('sweeps only candidates from indexed queries and opens time-based anomalies', async () => {
    const quiet = await shipment();
    await ingestEvents(ingest, quiet, [manual('2026-03-10T09:00:00+03:00', 'in_transit')], { source: 'manual', polled: false });
    const fresh = await shipment();
    await ingestEvents(ingest, fresh, [manual('2026-03-17T09:00:00+03:00', 'in_transit')], { source: 'manual', polled: false });
    const result = await engine.sweep([]);
    expect(result.opened).toBeGreaterThanOrEqual(1);
    expect((await anomaliesOf(quiet.id)).map((a) => a.code)).toContain('stalled');
    expect(await anomaliesOf(fresh.id)).toEqual([]);
    const candidates = await store.anomalies.sweepCandidates(
      {
        stalledSince: { in_transit: new Date('2026-03-14T12:00:00+03:00'), out_for_delivery: new Date('2026-03-16T12:00:00+03:00'), attempt_failed: new Date('2026-03-15T12:00:00+03:00') },
        notShippedBefore: new Date('2026-03-15T12:00:00+03:00'),
        awaitingPickupSince: new Date('2026-03-14T12:00:00+03:00'),
        notFoundCreatedBefore: new Date('2026-03-16T12:00:00+03:00'),
        deadlineBefore: new Date('2026-03-28T12:00:00+03:00'),
      },
      1000,
    );
    expect(candidates).toContain(quiet.id);
    expect(candidates).not.toContain(fresh.id);
  });

  it('opens and resolves carrier_unreachable from the persisted circuit breaker', async () => {
    const openedAt = new Date(clock.getTime() - 31 * 60_000);
    const down = { carrier: 'flaky', state: 'open' as const, consecutiveFailures: 6, openedAt, nextProbeAt: new Date(clock.getTime() + 60_000), openings: 3, lastFailureKind: 'unavailable', updatedAt: clock };
    await store.circuits.save({ ...down, openedAt: new Date(clock.getTime() - 10 * 60_000) });
    expect(await engine.evaluateCarriers(['flaky'])).toMatchObject({ opened: 0 });
    await store.circuits.save(down);
    expect(await engine.evaluateCarriers(['flaky'])).toMatchObject({ opened: 1 });
    const [anomaly] = await store.anomalies.forCarrier('flaky');
    expect(anomaly).toMatchObject({ code: 'carrier_unreachable', shipmentId: null, state: 'open', details: { since: openedAt.toISOString(), lastFailureKind: 'unavailable' } });
    await store.circuits.save({ ...down, state: 'closed', consecutiveFailures: 0, openedAt: null, nextProbeAt: null, openings: 0 });
    expect(await engine.evaluateCarriers(['flaky'])).toMatchObject({ resolved: 1 });
  });
});
