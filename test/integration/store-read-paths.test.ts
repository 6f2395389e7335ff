/**
 * The prepared read statements of the SQLite store (made once per store for bench/lookup.ts and
 * bench/sweep.ts): lookups by any number, anomalies of many shipments at once, and the carrier
 * drift counts read from poll runs.
 */
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { PollRun, Store } from '../../src/store/types.js';
import { storeShipment } from '../support/shipments.js';
import { makeTempDir } from '../support/temp-dir.js';

const dir = makeTempDir('read-paths');
let store: Store;
const now = new Date('2025-03-10T09:00:00Z');

beforeAll(() => {
  store = openSqliteStore(dir.path);
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

function run(carrier: string, finishedAt: string, eventsAdded: number, eventsUnmapped: number): PollRun {
  const at = new Date(finishedAt);
  return { tickId: `t-${finishedAt}`, carrier, trigger: 'tick', startedAt: at, finishedAt: at, requested: 1, found: 1, notFound: 0, failed: 0, eventsAdded, eventsUnmapped, failureSummary: null };
}

describe('lookups by number', () => {
  it('finds a shipment by normalised tracking number, by reference and by order id, newest first', async () => {
    const first = await storeShipment(store, now, { trackingNumber: 'SBX0200000011', reference: 'SHOP-REF-7', orderId: 'ORDER-77' });
    const second = await storeShipment(store, new Date(now.getTime() + 1000), { trackingNumber: 'SBX0200000029', orderId: 'ORDER-77' });

    expect((await store.shipments.findByNumber(' sbx 0200-000011 ')).map((s) => s.id)).toEqual([first.id]);
    expect((await store.shipments.findByNumber('SHOP-REF-7')).map((s) => s.id)).toEqual([first.id]);
    expect((await store.shipments.findByNumber('ORDER-77')).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await store.shipments.findByNumber('NO-SUCH-NUMBER')).toEqual([]);
    expect((await store.shipments.get(second.id))?.trackingNumber).toBe('SBX0200000029');
    expect(await store.shipments.get('shp_missing')).toBeNull();
  });

  it('returns at most 100 shipments for one order id', async () => {
    for (let i = 0; i < 101; i += 1) {
      await storeShipment(store, now, { trackingNumber: `BULK${String(i).padStart(6, '0')}`, orderId: 'ORDER-BULK' });
    }
    expect(await store.shipments.findByNumber('ORDER-BULK')).toHaveLength(100);
  });
});

describe('anomalies of several shipments', () => {
  it('gives each shipment its own anomalies, and an empty list to those without', async () => {
    const a = await storeShipment(store, now, { trackingNumber: 'ANM000001', orderId: null });
    const b = await storeShipment(store, now, { trackingNumber: 'ANM000002', orderId: null });
    const c = await storeShipment(store, now, { trackingNumber: 'ANM000003', orderId: null });
    const open = (shipmentId: string, code: 'late' | 'stalled') =>
      ({ kind: 'open', shipmentId, carrier: 'sandbox', code, severity: 'high', triggerKey: 'k', details: {} }) as const;
    await store.anomalies.apply([open(a.id, 'late'), open(a.id, 'stalled'), open(c.id, 'late')], now);

    const byShipment = await store.anomalies.forShipments([a.id, b.id, c.id]);
    expect(byShipment.get(a.id)?.map((x) => x.code).sort()).toEqual(['late', 'stalled']);
    expect(byShipment.get(b.id)).toEqual([]);
    expect(byShipment.get(c.id)?.map((x) => x.code)).toEqual(['late']);
  });
});

describe('carrier drift counts', () => {
  it('sums the events and unmapped codes of one carrier\'s runs finished since the given time', async () => {
    await store.pollRuns.record(run('yurtici', '2025-03-01T10:00:00Z', 100, 90)); // before the window
    await store.pollRuns.record(run('yurtici', '2025-03-09T10:00:00Z', 40, 4));
    await store.pollRuns.record(run('yurtici', '2025-03-10T08:00:00Z', 60, 16));
    await store.pollRuns.record(run('aras', '2025-03-10T08:00:00Z', 50, 50));

    expect(await store.events.unmappedShare('yurtici', new Date('2025-03-09T10:00:00Z'))).toEqual({ total: 100, unmapped: 20 });
    expect(await store.events.unmappedShare('mng', new Date('2025-03-01T00:00:00Z'))).toEqual({ total: 0, unmapped: 0 });
  });
});
