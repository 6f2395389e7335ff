import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { ingestEvents, recordOutcome, type IngestDeps } from '../../src/tracking/ingest.js';
import { silentLogger } from '../support/logger.js';
import { carrierEvent, storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const HOUR = 3_600_000;
const dir = makeTempDir('ingest');
let store: Store;
let clock = new Date('2026-03-05T12:00:00Z');
let deps: IngestDeps;
let serial = 0;

beforeAll(() => {
  store = openSqliteStore(dir.path);
  // random() = 0.5 puts the ±10 % cadence jitter at its middle: polls land exactly on the cadence.
  deps = { store, cadence: DEFAULT_CADENCE, now: () => clock, logger: silentLogger(), random: () => 0.5 };
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

async function fresh(overrides = {}) {
  serial += 1;
  return storeShipment(store, clock, { trackingNumber: `TEST${serial}`, ...overrides });
}

const history = [
  carrierEvent('2026-03-03T08:00:00Z', 'info_received', 'KAYIT', 'info_received.label_created'),
  carrierEvent('2026-03-03T11:00:00Z', 'in_transit', 'KABUL', 'in_transit.picked_up'),
  carrierEvent('2026-03-04T06:00:00Z', 'in_transit', 'TRANSFER', 'in_transit.hub_scan', 'Ankara'),
];

describe('ingest', () => {
  it('stores a found history and derives status, last event and next poll', async () => {
    const shipment = await fresh();
    const result = await recordOutcome(deps, shipment, { kind: 'found', events: history, estimatedDelivery: '2026-03-06' });
    expect(result.eventsAdded).toBe(3);
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({
      status: 'in_transit',
      substatus: 'in_transit.hub_scan',
      lastEventAt: new Date('2026-03-04T06:00:00Z'),
      estimatedDelivery: '2026-03-06',
      lastPolledAt: clock,
      pollFailures: 0,
    });
    expect(stored?.nextPollAt).toEqual(new Date(clock.getTime() + 2 * HOUR));
    const events = await store.events.listForShipment(shipment.id);
    expect(events.map((e) => e.carrierCode)).toEqual(['TRANSFER', 'KABUL', 'KAYIT']);
    expect(events[0]).toMatchObject({ source: 'poll', description: 'TRANSFER açıklaması', city: 'Ankara', country: 'TR' });
  });

  it('keeps the proof of delivery the carrier gives', async () => {
    const shipment = await fresh();
    await recordOutcome(deps, shipment, {
      kind: 'found',
      events: [...history, carrierEvent('2026-03-05T09:00:00Z', 'delivered', 'TESLIM', 'delivered.signed')],
      proofOfDelivery: { receivedBy: 'MARKER-SIGNER' },
    });
    expect(await store.shipments.get(shipment.id)).toMatchObject({ status: 'delivered', proofOfDelivery: { receivedBy: 'MARKER-SIGNER' }, deliveredAt: new Date('2026-03-05T09:00:00Z') });
  });

  it('adds nothing when the same history is polled twice', async () => {
    const shipment = await fresh();
    await recordOutcome(deps, shipment, { kind: 'found', events: history });
    const again = await recordOutcome(deps, (await store.shipments.get(shipment.id))!, { kind: 'found', events: [...history].reverse() });
    expect(again.eventsAdded).toBe(0);
    expect(await store.events.listForShipment(shipment.id)).toHaveLength(3);
  });

  it('adds each event once when two polls of one shipment race (the fingerprint index decides)', async () => {
    const shipment = await fresh();
    const results = await Promise.all([
      recordOutcome(deps, shipment, { kind: 'found', events: history }),
      recordOutcome(deps, shipment, { kind: 'found', events: history }),
    ]);
    expect(results.map((r) => r.eventsAdded).sort()).toEqual([0, 3]);
    expect(await store.events.listForShipment(shipment.id)).toHaveLength(3);
  });

  it('de-duplicates repeats inside one answer', async () => {
    const shipment = await fresh();
    const first = history[0]!;
    const result = await recordOutcome(deps, shipment, { kind: 'found', events: [first, { ...first }] });
    expect(result.eventsAdded).toBe(1);
  });

  it('derives the status by occurredAt when events arrive out of order across polls', async () => {
    const shipment = await fresh();
    await recordOutcome(deps, shipment, { kind: 'found', events: [carrierEvent('2026-03-04T15:00:00Z', 'out_for_delivery', 'DAGITIMDA')] });
    const late = await recordOutcome(deps, (await store.shipments.get(shipment.id))!, { kind: 'found', events: history });
    expect(late.eventsAdded).toBe(3);
    expect(await store.shipments.get(shipment.id)).toMatchObject({ status: 'out_for_delivery', lastEventAt: new Date('2026-03-04T15:00:00Z') });
  });

  it('keeps delivered when a scan stamped within 2 hours after it arrives later', async () => {
    const shipment = await fresh();
    await recordOutcome(deps, shipment, { kind: 'found', events: [...history, carrierEvent('2026-03-05T09:00:00Z', 'delivered', 'TESLIM', 'delivered.signed')] });
    await recordOutcome(deps, (await store.shipments.get(shipment.id))!, { kind: 'found', events: [carrierEvent('2026-03-05T10:30:00Z', 'out_for_delivery', 'DAGITIMDA')] });
    expect(await store.shipments.get(shipment.id)).toMatchObject({ status: 'delivered', substatus: 'delivered.signed' });
    await recordOutcome(deps, (await store.shipments.get(shipment.id))!, { kind: 'found', events: [carrierEvent('2026-03-05T11:30:00Z', 'in_transit', 'TRANSFER')] });
    expect((await store.shipments.get(shipment.id))?.status).toBe('in_transit');
  });

  it('schedules one confirming poll after delivery and none after that', async () => {
    const shipment = await fresh();
    const delivered = [...history, carrierEvent('2026-03-05T09:00:00Z', 'delivered', 'TESLIM')];
    await recordOutcome(deps, shipment, { kind: 'found', events: delivered });
    const afterFirst = await store.shipments.get(shipment.id);
    expect(afterFirst?.nextPollAt).toEqual(new Date(clock.getTime() + 24 * HOUR));
    await recordOutcome(deps, afterFirst!, { kind: 'found', events: delivered });
    expect((await store.shipments.get(shipment.id))?.nextPollAt).toBeNull();
  });

  it('marks an unknown number not_found and backs off', async () => {
    const shipment = await fresh();
    await recordOutcome(deps, shipment, { kind: 'not_found' });
    const once = await store.shipments.get(shipment.id);
    expect(once).toMatchObject({ status: 'not_found', notFoundCount: 1 });
    expect(once?.nextPollAt).toEqual(new Date(clock.getTime() + 1 * HOUR));
    await recordOutcome(deps, once!, { kind: 'not_found' });
    expect((await store.shipments.get(shipment.id))?.nextPollAt).toEqual(new Date(clock.getTime() + 2 * HOUR));
  });

  it('keeps stored events and status when a poll fails, and records why', async () => {
    const shipment = await fresh();
    await recordOutcome(deps, shipment, { kind: 'found', events: history });
    const before = (await store.shipments.get(shipment.id))!;
    await recordOutcome(deps, before, { kind: 'failed', failure: { kind: 'rate_limited', retryAfterMs: 30 * 60_000 } });
    const after = await store.shipments.get(shipment.id);
    expect(after).toMatchObject({ status: 'in_transit', pollFailures: 1, lastPollError: 'rate_limited: retry after 1800 s' });
    expect(after!.nextPollAt!.getTime()).toBeGreaterThanOrEqual(clock.getTime() + 30 * 60_000);
    expect(await store.events.listForShipment(shipment.id)).toHaveLength(3);
  });

  it('adopts the carrier number for a shipment registered by reference, unless another shipment has it', async () => {
    const byRef = await fresh({ trackingNumber: null, reference: 'SHOP-REF-1' });
    await recordOutcome(deps, byRef, { kind: 'found', events: history, trackingNumber: 'SBXADOPTED1' });
    expect((await store.shipments.get(byRef.id))?.trackingNumber).toBe('SBXADOPTED1');

    const taken = await fresh({ trackingNumber: null, reference: 'SHOP-REF-2' });
    await recordOutcome(deps, taken, { kind: 'found', events: history, trackingNumber: 'SBXADOPTED1' });
    expect((await store.shipments.get(taken.id))?.trackingNumber).toBeNull();
  });

  it('expires a parcel silent for 60 days and stops polling it', async () => {
    const shipment = await fresh();
    await recordOutcome(deps, shipment, { kind: 'found', events: [carrierEvent('2026-01-01T08:00:00Z', 'in_transit', 'KABUL')] });
    expect(await store.shipments.get(shipment.id)).toMatchObject({ status: 'expired', nextPollAt: null });
  });

  it('accepts manual events through the same path without touching the poll schedule', async () => {
    const shipment = await fresh({ carrier: 'manual' });
    const result = await ingestEvents(
      deps,
      shipment,
      [{ occurredAt: new Date('2026-03-04T10:00:00Z'), status: 'in_transit', description: 'Depodan çıktı' }],
      { source: 'manual', polled: false },
    );
    expect(result).toMatchObject({ eventsAdded: 1, status: 'in_transit' });
    const stored = await store.shipments.get(shipment.id);
    expect(stored).toMatchObject({ status: 'in_transit', nextPollAt: null, lastPolledAt: null });
    expect((await store.events.listForShipment(shipment.id))[0]).toMatchObject({ source: 'manual', carrierCode: null });
  });

  it('writes nothing when the transaction fails half way', async () => {
    const shipment = await fresh();
    const broken = { ...history[0]!, status: 'in_transit' as const, rawCode: 'BOZUK' };
    const failing: IngestDeps = {
      ...deps,
      store: {
        ...store,
        events: {
          ...store.events,
          applyTracking: (write) => store.events.applyTracking({ ...write, events: [...write.events, { ...write.events[0]!, shipmentId: 'shp_missing' , fingerprint: 'x'}] }),
        },
      },
    };
    // SQLite's error comes from the native addon's realm, so check its message, not its class.
    const failure: unknown = await recordOutcome(failing, shipment, { kind: 'found', events: [broken] }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String((failure as { message?: unknown } | null)?.message)).toMatch(/FOREIGN KEY/);
    expect(await store.events.listForShipment(shipment.id)).toHaveLength(0);
    expect((await store.shipments.get(shipment.id))?.status).toBe('pending');
  });
});
