/**
 * Synthetic parcels for the big benchmark stores: each shipment row with an event history that
 * agrees with its status (label created, picked up, hub scans … the status it is in now), written
 * with raw prepared inserts. Deterministic for a seed, so a reused store matches a fresh one.
 */
import type Database from 'better-sqlite3';
import type { ShipmentStatus, Substatus } from '../../src/domain/status.js';
import { performance } from 'node:perf_hooks';
import { inChunks, openBulkLoad } from './bulk-load.js';
import { seededRandom } from '../../test/support/seeded-random.js';
import { fmt, out, peakRssMb } from './report.js';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export const CARRIERS = ['yurtici', 'aras', 'mng', 'ptt', 'surat', 'hepsijet', 'dhl', 'ups'] as const;

/** What one generated parcel looks like; the generator derives the row and its events from it. */
export interface ParcelPlan {
  status: ShipmentStatus;
  createdAt: number;
  /** Events, evenly spread from createdAt + 1 h to lastEventAt; 0 for parcels no carrier has seen. */
  eventCount: number;
  lastEventAt: number;
  shippedAt: number | null;
  deadlineAt: number | null;
  nextPollAt: number | null;
  estimatedDelivery: string | null;
}

export type PlanParcel = (index: number, random: () => number) => ParcelPlan;

export const carrierOf = (index: number): string => CARRIERS[index % CARRIERS.length] ?? 'yurtici';
/** Unique per index and in normalised form (upper case, no spaces), as registration stores them. */
export const trackingNumberOf = (index: number): string => `SW${carrierOf(index).slice(0, 2).toUpperCase()}${String(index).padStart(10, '0')}`;
export const referenceOf = (index: number): string => `REF-${index.toString(36).toUpperCase()}`;
export const orderIdOf = (index: number): string => `ORD-${1_000_000 + index}`;

const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Konya', 'Adana', 'Gaziantep', 'Kayseri', 'Eskişehir'] as const;
const HUB_STEPS: readonly { substatus: Substatus; code: string; text: string }[] = [
  { substatus: 'in_transit.picked_up', code: 'PU', text: 'Gönderi şubeden teslim alındı' },
  { substatus: 'in_transit.hub_scan', code: 'HUB', text: 'Gönderi transfer merkezinde' },
  { substatus: 'in_transit.hub_scan', code: 'DEP', text: 'Gönderi transfer merkezinden çıkış yaptı' },
  { substatus: 'in_transit.arrived_at_branch', code: 'ARR', text: 'Gönderi varış şubesine ulaştı' },
];
const FINAL: Partial<Record<ShipmentStatus, { substatus: Substatus | null; code: string; text: string }>> = {
  info_received: { substatus: 'info_received.label_created', code: 'LBL', text: 'Gönderi bilgisi alındı' },
  out_for_delivery: { substatus: null, code: 'OFD', text: 'Gönderi dağıtıma çıktı' },
  available_for_pickup: { substatus: 'available_for_pickup.branch', code: 'BRN', text: 'Gönderi şubede teslim alınmayı bekliyor' },
  attempt_failed: { substatus: 'attempt_failed.recipient_absent', code: 'ABS', text: 'Alıcı adreste bulunamadı' },
  delivered: { substatus: 'delivered.signed', code: 'DLV', text: 'Gönderi teslim edildi' },
  exception: { substatus: 'exception.address_issue', code: 'ADR', text: 'Adres bilgisi hatalı' },
  returning: { substatus: 'returning.refused', code: 'RET', text: 'Gönderi göndericiye iade ediliyor' },
};

interface EventStep {
  status: ShipmentStatus;
  substatus: Substatus | null;
  code: string;
  text: string;
}

/** The statuses a history of `count` events walks through to end in `status`. */
function stepsTo(status: ShipmentStatus, count: number): EventStep[] {
  const label: EventStep = { status: 'info_received', ...(FINAL.info_received ?? { substatus: null, code: 'LBL', text: '' }) };
  const final = FINAL[status];
  const last: EventStep = final ? { status, ...final } : { status: 'in_transit', ...(HUB_STEPS[1] ?? label) };
  const steps: EventStep[] = [];
  for (let j = 0; j < count; j += 1) {
    if (j === count - 1) steps.push(count === 1 ? label : last);
    else if (j === 0) steps.push(label);
    else if (j === count - 2 && (status === 'delivered' || status === 'attempt_failed')) steps.push({ status: 'out_for_delivery', ...(FINAL.out_for_delivery ?? last) });
    else steps.push({ status: 'in_transit', ...(HUB_STEPS[(j - 1) % HUB_STEPS.length] ?? last) });
  }
  return steps;
}

function hex(random: () => number, chars: number): string {
  let s = '';
  while (s.length < chars) s += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, chars);
}

const istanbulWallClock = (ms: number): string => new Date(ms + 3 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

const SHIPMENT_COLUMNS = [
  'id', 'carrier', 'tracking_number', 'reference', 'order_id', 'customer_name', 'customer_email', 'customer_phone',
  'destination_city', 'destination_country', 'service_level', 'carrier_service', 'shipped_at', 'promised_by', 'deadline_at',
  'return_requested', 'status', 'substatus', 'last_event_at', 'delivered_at', 'estimated_delivery', 'proof_of_delivery',
  'next_poll_at', 'next_poll_reason', 'poll_day', 'polls_on_day', 'last_polled_at', 'last_poll_error', 'poll_failures',
  'not_found_count', 'tracking_stopped_at', 'created_at', 'updated_at',
] as const;
const EVENT_COLUMNS = [
  'shipment_id', 'fingerprint', 'occurred_at', 'local_time', 'time_zone', 'status', 'substatus', 'carrier_code',
  'description', 'location', 'city', 'country', 'source', 'received_at',
] as const;

const insertSql = (table: string, columns: readonly string[]): string =>
  `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;

/** Writes `count` parcels planned by `plan`; returns how many events were written. */
export function writeParcels(raw: Database.Database, options: { count: number; seed: number; plan: PlanParcel }): number {
  const random = seededRandom(options.seed);
  const insertShipment = raw.prepare(insertSql('shipments', SHIPMENT_COLUMNS));
  const insertEvent = raw.prepare(insertSql('events', EVENT_COLUMNS));
  let events = 0;
  inChunks(raw, options.count, 20_000, (from, to) => {
    for (let i = from; i < to; i += 1) {
      const p = options.plan(i, random);
      const id = `shp_${p.createdAt.toString(36).padStart(9, '0')}${i.toString(36).padStart(4, '0')}${hex(random, 12)}`;
      const city = CITIES[i % CITIES.length] ?? 'İstanbul';
      const steps = stepsTo(p.status, p.eventCount);
      const last = steps[steps.length - 1];
      const span = Math.max(0, p.lastEventAt - p.createdAt - HOUR);
      const delivered = p.status === 'delivered';
      insertShipment.run(
        id, carrierOf(i), trackingNumberOf(i), referenceOf(i), orderIdOf(i), `Müşteri ${i}`, `musteri${i}@example.com`, `+90555${String(i).padStart(7, '0')}`,
        city, 'TR', 'standard', null, p.shippedAt, null, p.deadlineAt,
        0, p.status, last?.status === p.status ? last.substatus : null, steps.length > 0 ? p.lastEventAt : null, delivered ? p.lastEventAt : null, p.estimatedDelivery, delivered ? '{"receivedBy":"Alıcı"}' : null,
        p.nextPollAt, p.nextPollAt === null ? null : 'cadence', null, 0, steps.length > 0 ? p.lastEventAt : null, null, 0,
        0, null, p.createdAt, p.lastEventAt,
      );
      steps.forEach((step, j) => {
        const at = steps.length === 1 ? p.lastEventAt : Math.round(p.createdAt + HOUR + (span * j) / (steps.length - 1));
        insertEvent.run(
          id, hex(random, 64), at, istanbulWallClock(at), 'Europe/Istanbul', step.status, step.substatus, step.code,
          step.text, `${city} Transfer Merkezi`, city, 'TR', 'poll', at + 5 * 60 * 1000,
        );
      });
      events += steps.length;
    }
  });
  return events;
}

/**
 * A benchmark's big store: parcels bulk-inserted into the shipments and events tables with their
 * indexes rebuilt afterwards, and a line saying how long each part took.
 */
export function generateParcelStore(dataDir: string, options: { count: number; seed: number; plan: PlanParcel }): void {
  const start = performance.now();
  const load = openBulkLoad(dataDir, ['shipments', 'events']);
  const events = writeParcels(load.raw, options);
  const insertMs = performance.now() - start;
  const indexMs = load.restoreIndexes();
  load.close();
  out(`generated ${fmt(options.count)} shipments and ${fmt(events)} events: inserts ${fmt(insertMs / 1000)} s, indexes ${fmt(indexMs / 1000)} s (generator peak RSS ${fmt(peakRssMb())} MiB)`);
}
