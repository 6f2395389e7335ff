/**
 * Ingest benchmark (issue 6 §6, DESIGN §12): carrier histories through the real ingest path
 * (recordOutcome: normalise to event rows, fingerprint, de-duplicate against the stored history,
 * derive status and next poll, persist in one transaction per shipment) against raw better-sqlite3
 * prepared inserts of the very same rows.
 *
 * Fair comparison: both sides write to a store opened the same way (real migrations, WAL,
 * synchronous NORMAL, foreign keys on) holding the same registered shipments, and both commit one
 * transaction per shipment with that shipment's events plus the update of its derived fields, as
 * ingest does. The raw side gets its rows precomputed (fingerprints included) outside the timing:
 * it is the floor of persisting them. The two run in alternating rounds, so a burst of load from
 * elsewhere on the machine hits both alike.
 *
 * Run: `npm run bench:ingest` (BENCH_SCALE=0.1 for a tenth).
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import type { CarrierEvent, TrackOutcome } from '../carriers/contract.js';
import { openSqlite } from '../db/connection.js';
import type { NewShipment, Shipment } from '../src/domain/shipment.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { Store } from '../src/store/types.js';
import { DEFAULT_CADENCE } from '../src/tracking/cadence.js';
import { eventFingerprint } from '../src/tracking/fingerprint.js';
import { recordOutcome, type IngestDeps } from '../src/tracking/ingest.js';
import { atLeast, finish, fmt, out, scaled } from './support/report.js';
import { HOUR, trackingNumberOf } from './support/synthetic-parcels.js';
import { benchDir } from './support/workdir.js';

const SHIPMENTS = scaled(20_000, 100);
const EVENTS_PER_SHIPMENT = 10;
const ROUNDS = 10;

const HISTORY: readonly Pick<CarrierEvent, 'status' | 'substatus' | 'rawCode' | 'rawText'>[] = [
  { status: 'info_received', substatus: 'info_received.label_created', rawCode: 'KAYIT', rawText: 'Gönderi bilgisi alındı' },
  { status: 'in_transit', substatus: 'in_transit.picked_up', rawCode: 'KABUL', rawText: 'Gönderi şubeden teslim alındı' },
  { status: 'in_transit', substatus: 'in_transit.hub_scan', rawCode: 'TRANSFER', rawText: 'Gönderi transfer merkezinde' },
  { status: 'in_transit', substatus: 'in_transit.hub_scan', rawCode: 'CIKIS', rawText: 'Gönderi transfer merkezinden çıktı' },
  { status: 'in_transit', substatus: 'in_transit.hub_scan', rawCode: 'TRANSFER2', rawText: 'Gönderi ikinci transfer merkezinde' },
  { status: 'in_transit', substatus: 'in_transit.hub_scan', rawCode: 'CIKIS2', rawText: 'Gönderi ikinci transfer merkezinden çıktı' },
  { status: 'in_transit', substatus: 'in_transit.arrived_at_branch', rawCode: 'VARIS', rawText: 'Gönderi varış şubesinde' },
  { status: 'out_for_delivery', substatus: null, rawCode: 'DAGITIM', rawText: 'Gönderi dağıtıma çıktı' },
  { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent', rawCode: 'ADRESTE_YOK', rawText: 'Alıcı adreste bulunamadı' },
  { status: 'out_for_delivery', substatus: null, rawCode: 'DAGITIM2', rawText: 'Gönderi yeniden dağıtıma çıktı' },
];

/** What a carrier adapter hands ingest for one parcel: its whole history, newest last. */
function carrierHistory(index: number, start: number): CarrierEvent[] {
  return Array.from({ length: EVENTS_PER_SHIPMENT }, (_, k) => {
    const step = HISTORY[k % HISTORY.length] ?? HISTORY[0];
    const at = start + index * 1000 + k * 3 * HOUR;
    const city = ['İstanbul', 'Ankara', 'İzmir', 'Bursa'][(index + k) % 4] ?? 'İstanbul';
    return {
      occurredAt: new Date(at),
      localTime: new Date(at + 3 * HOUR).toISOString().slice(0, 16).replace('T', ' '),
      timeZone: 'Europe/Istanbul',
      rawCode: step?.rawCode ?? 'X',
      rawText: step?.rawText ?? '',
      location: { text: `${city} Transfer Merkezi`, city, country: 'TR' },
      status: step?.status ?? 'in_transit',
      substatus: step?.substatus ?? null,
    };
  });
}

function newShipment(index: number): NewShipment {
  return {
    carrier: 'yurtici',
    trackingNumber: trackingNumberOf(index),
    reference: null,
    orderId: `ORD-${index}`,
    customer: { name: `Müşteri ${index}`, email: null, phone: null },
    destination: { city: 'Ankara', country: 'TR' },
    serviceLevel: 'standard',
    carrierService: null,
    shippedAt: null,
    promisedBy: null,
    deadlineAt: null,
    returnRequested: false,
  };
}

async function registered(store: Store, now: Date): Promise<Shipment[]> {
  const results = await store.shipments.registerMany(Array.from({ length: SHIPMENTS }, (_, i) => newShipment(i)), now);
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.shipment;
  });
}

const dir = benchDir('ingest');
try {
  out(`ingest benchmark: ${fmt(SHIPMENTS)} shipments × ${EVENTS_PER_SHIPMENT} events = ${fmt(SHIPMENTS * EVENTS_PER_SHIPMENT)} events, ${ROUNDS} alternating rounds`);
  const now = new Date();
  const start = now.getTime() - 30 * 24 * HOUR;

  const realStore = openSqliteStore(`${dir.path}/real`);
  const realShipments = await registered(realStore, now);
  const deps: IngestDeps = { store: realStore, cadence: DEFAULT_CADENCE, now: () => new Date(), logger: pino({ level: 'silent' }) };
  const outcomes: TrackOutcome[] = realShipments.map((_, i) => ({ kind: 'found', events: carrierHistory(i, start) }));

  // The raw side: the same shipments, then a bare handle opened with the service's pragmas.
  const rawStore = openSqliteStore(`${dir.path}/raw`);
  const rawShipments = await registered(rawStore, now);
  await rawStore.close();
  const rawConnection = openSqlite(`${dir.path}/raw`);
  const raw = rawConnection.raw;
  const insertEvent = raw.prepare(
    `insert into events (shipment_id, fingerprint, occurred_at, local_time, time_zone, status, substatus, carrier_code, description, location, city, country, source, received_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'poll', ?)`,
  );
  const updateShipment = raw.prepare(
    `update shipments set status = ?, substatus = ?, last_event_at = ?, last_polled_at = ?, last_poll_error = null, poll_failures = 0,
     not_found_count = 0, next_poll_at = ?, next_poll_reason = ?, updated_at = ? where id = ?`,
  );
  const rawRows = rawShipments.map((shipment, i) =>
    (outcomes[i]?.kind === 'found' ? outcomes[i].events : []).map((e) => [
      shipment.id,
      eventFingerprint({ shipmentId: shipment.id, occurredAt: e.occurredAt, rawCode: e.rawCode, status: e.status, location: e.location.text, description: e.rawText }),
      e.occurredAt.getTime(), e.localTime, e.timeZone, e.status, e.substatus, e.rawCode, e.rawText, e.location.text, e.location.city, e.location.country, now.getTime(),
    ]),
  );
  const writeRaw = raw.transaction((i: number) => {
    const rows = rawRows[i] ?? [];
    for (const row of rows) insertEvent.run(...row);
    const last = rows[rows.length - 1];
    const at = Date.now();
    updateShipment.run(last?.[5] ?? null, last?.[6] ?? null, last?.[2] ?? null, at, at + 2 * HOUR, 'out for delivery: every 30 min', at, rawShipments[i]?.id);
  });

  let realMs = 0;
  let rawMs = 0;
  let added = 0;
  const perRound = Math.ceil(SHIPMENTS / ROUNDS);
  for (let from = 0; from < SHIPMENTS; from += perRound) {
    const to = Math.min(SHIPMENTS, from + perRound);
    let t = performance.now();
    for (let i = from; i < to; i += 1) {
      const shipment = realShipments[i];
      const outcome = outcomes[i];
      if (shipment && outcome) added += (await recordOutcome(deps, shipment, outcome)).eventsAdded;
    }
    realMs += performance.now() - t;
    t = performance.now();
    for (let i = from; i < to; i += 1) writeRaw(i);
    rawMs += performance.now() - t;
  }
  const total = SHIPMENTS * EVENTS_PER_SHIPMENT;
  const rawCount = (raw.prepare('select count(*) as n from events').get() as { n: number }).n;
  if (added !== total || rawCount !== total) throw new Error(`expected ${total} events on both sides; ingest added ${added}, raw holds ${rawCount}`);

  // The same histories again, as the next poll brings them: every event is known, nothing is written.
  const again = performance.now();
  let readded = 0;
  for (let i = 0; i < SHIPMENTS; i += 1) {
    const shipment = await realStore.shipments.get(realShipments[i]?.id ?? '');
    const outcome = outcomes[i];
    if (shipment && outcome) readded += (await recordOutcome(deps, shipment, outcome)).eventsAdded;
  }
  const againMs = performance.now() - again;
  if (readded !== 0) throw new Error(`re-polled histories added ${readded} duplicate events`);

  const realRate = (total * 1000) / realMs;
  const rawRate = (total * 1000) / rawMs;
  out();
  out(`real ingest (recordOutcome)       ${fmt(realRate).padStart(9)} events/s  (${fmt(realMs / 1000)} s, ${fmt((realMs * 1000) / SHIPMENTS)} µs per shipment)`);
  out(`raw prepared inserts + update     ${fmt(rawRate).padStart(9)} events/s  (${fmt(rawMs / 1000)} s, ${fmt((rawMs * 1000) / SHIPMENTS)} µs per shipment)`);
  out(`re-poll of known histories        ${fmt((total * 1000) / againMs).padStart(9)} events/s checked, 0 duplicates written`);
  out(`ratio real ÷ raw: ${fmt(realRate / rawRate)}`);

  await realStore.close();
  rawConnection.close();
  finish('ingest', [atLeast('ingest ÷ raw inserts', realRate / rawRate, 0.5)]);
} finally {
  dir.done();
}
