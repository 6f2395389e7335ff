import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { NOT_CONFIGURED } from '../../tracking/waiting.js';
import { shipments } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import { ConflictError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { normaliseTrackingNumber, type NewShipment, type Shipment } from '../../domain/shipment.js';
import type { RegisterResult, ShipmentFilter, ShipmentPatch, ShipmentStore } from '../types.js';
import { toShipment } from './rows.js';

/** Most shipments one lookup value returns (an order id may hold several parcels). */
const MAX_MATCHES = 100;

export function createSqliteShipmentStore(db: SqliteDb): ShipmentStore {
  // The reads of every lookup and sweep are prepared once: building and compiling the statement
  // each time cost more than running it (bench/lookup.ts, bench/sweep.ts).
  const byId = db.select().from(shipments).where(eq(shipments.id, sql.placeholder('id'))).prepare();
  const byAnyNumber = db
    .select()
    .from(shipments)
    .where(
      or(
        eq(shipments.trackingNumber, sql.placeholder('trackingNumber')),
        eq(shipments.reference, sql.placeholder('value')),
        eq(shipments.orderId, sql.placeholder('value')),
      ),
    )
    // The cap is written into the SQL on purpose: SQLite re-plans a statement whose LIMIT is a bound
    // parameter on every run, which tripled the cost of this query (bench/lookup.ts).
    .orderBy(sql`${shipments.id} desc limit ${sql.raw(String(MAX_MATCHES))}`)
    .prepare();

  function findConflict(item: NewShipment): Shipment | null {
    const clauses: SQL[] = [];
    if (item.trackingNumber) clauses.push(eq(shipments.trackingNumber, item.trackingNumber));
    if (item.reference) clauses.push(eq(shipments.reference, item.reference));
    const row = db
      .select()
      .from(shipments)
      .where(and(eq(shipments.carrier, item.carrier), or(...clauses)))
      .get();
    return row ? toShipment(row) : null;
  }

  return {
    async registerMany(items, now) {
      // better-sqlite3 transactions are synchronous: everything inside runs without awaiting.
      return db.transaction((tx) =>
        items.map((item): RegisterResult => {
          const existing = findConflict(item);
          if (existing) {
            const field = existing.trackingNumber === item.trackingNumber && item.trackingNumber ? 'trackingNumber' : 'reference';
            return {
              ok: false,
              error: new ConflictError(
                'shipment_exists',
                `a ${item.carrier} shipment with this ${field} is already tracked (id ${existing.id})`,
                { field, details: { shipmentId: existing.id } },
              ),
            };
          }
          const row = tx
            .insert(shipments)
            .values({
              id: newId('shp', now),
              carrier: item.carrier,
              trackingNumber: item.trackingNumber,
              reference: item.reference,
              orderId: item.orderId,
              customerName: item.customer.name,
              customerEmail: item.customer.email,
              customerPhone: item.customer.phone,
              destinationCity: item.destination.city,
              destinationCountry: item.destination.country,
              serviceLevel: item.serviceLevel,
              carrierService: item.carrierService,
              shippedAt: item.shippedAt,
              promisedBy: item.promisedBy,
              deadlineAt: item.deadlineAt,
              returnRequested: item.returnRequested,
              status: 'pending',
              nextPollAt: item.carrier === 'manual' ? null : now,
              nextPollReason: item.carrier === 'manual' ? 'entered by hand: never polled' : 'registered: first poll',
              createdAt: now,
              updatedAt: now,
            })
            .returning()
            .get();
          return { ok: true, shipment: toShipment(row) };
        }),
      );
    },

    async get(id) {
      const row = byId.get({ id });
      return row ? toShipment(row) : null;
    },

    async list(filter: ShipmentFilter) {
      const where: SQL[] = [];
      if (filter.status) where.push(eq(shipments.status, filter.status));
      if (filter.carrier) where.push(eq(shipments.carrier, filter.carrier));
      if (filter.after) where.push(lt(shipments.id, filter.after));
      if (filter.q) {
        const q = filter.q.trim();
        const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const match = or(
          eq(shipments.trackingNumber, normaliseTrackingNumber(q)),
          eq(shipments.reference, q),
          eq(shipments.orderId, q),
          sql`${shipments.customerName} LIKE ${pattern} ESCAPE '\\'`,
        );
        if (match) where.push(match);
      }
      const rows = db
        .select()
        .from(shipments)
        .where(and(...where))
        .orderBy(desc(shipments.id))
        .limit(filter.limit + 1)
        .all();
      return { items: rows.slice(0, filter.limit).map(toShipment), hasMore: rows.length > filter.limit };
    },

    async findByNumber(value) {
      const trimmed = value.trim();
      return byAnyNumber.all({ trackingNumber: normaliseTrackingNumber(trimmed), value: trimmed }).map(toShipment);
    },

    async findByCarrierNumber(carrier, trackingNumber) {
      const row = db
        .select()
        .from(shipments)
        .where(and(eq(shipments.carrier, carrier), eq(shipments.trackingNumber, trackingNumber)))
        .get();
      return row ? toShipment(row) : null;
    },

    async due(now, limit, excludeCarriers) {
      return db
        .select()
        .from(shipments)
        .where(
          and(
            lte(shipments.nextPollAt, now),
            isNull(shipments.trackingStoppedAt),
            excludeCarriers.length > 0 ? notInArray(shipments.carrier, [...excludeCarriers]) : undefined,
          ),
        )
        .orderBy(asc(shipments.nextPollAt))
        .limit(limit)
        .all()
        .map(toShipment);
    },

    async dueUrgent(now, urgency, limit, excludeCarriers) {
      // No ORDER BY: each OR branch can then use its own index (status, status+last_event_at,
      // deadline_at); the poller orders the few rows it gets.
      return db
        .select()
        .from(shipments)
        .where(
          and(
            or(
              inArray(shipments.status, ['out_for_delivery', 'attempt_failed']),
              and(eq(shipments.status, 'exception'), gte(shipments.lastEventAt, urgency.freshSince)),
              and(gte(shipments.deadlineAt, urgency.deadlineFrom), lte(shipments.deadlineAt, urgency.deadlineTo)),
            ),
            lte(shipments.nextPollAt, now),
            isNull(shipments.trackingStoppedAt),
            excludeCarriers.length > 0 ? notInArray(shipments.carrier, [...excludeCarriers]) : undefined,
          ),
        )
        .limit(limit)
        .all()
        .map(toShipment);
    },

    async stopTracking(id, now) {
      const row = db
        .update(shipments)
        .set({ trackingStoppedAt: sql`coalesce(${shipments.trackingStoppedAt}, ${now.getTime()})`, nextPollAt: null, nextPollReason: 'tracking stopped', updatedAt: now })
        .where(eq(shipments.id, id))
        .returning()
        .get();
      return row ? toShipment(row) : null;
    },

    async patch(id, patch: ShipmentPatch, now) {
      const { proofOfDelivery, ...rest } = patch;
      db.update(shipments)
        .set({ ...rest, ...(proofOfDelivery !== undefined && { proofOfDelivery: proofOfDelivery ? JSON.stringify(proofOfDelivery) : null }), updatedAt: now })
        .where(eq(shipments.id, id))
        .run();
    },

    async countByStatus() {
      const rows = db
        .select({ key: shipments.status, n: sql<number>`count(*)` })
        .from(shipments)
        .groupBy(shipments.status)
        .all();
      return Object.fromEntries(rows.map((r) => [r.key, r.n]));
    },

    async countByCarrier() {
      const rows = db
        .select({ key: shipments.carrier, n: sql<number>`count(*)` })
        .from(shipments)
        .groupBy(shipments.carrier)
        .all();
      return Object.fromEntries(rows.map((r) => [r.key, r.n]));
    },

    async count() {
      return db.select({ n: sql<number>`count(*)` }).from(shipments).get()?.n ?? 0;
    },

    async waitingByCarrier() {
      const rows = db
        .select({ carrier: shipments.carrier, n: sql<number>`count(*)` })
        .from(shipments)
        .where(and(like(shipments.lastPollError, `${NOT_CONFIGURED}%`), isNull(shipments.trackingStoppedAt)))
        .groupBy(shipments.carrier)
        .all();
      return Object.fromEntries(rows.map((r) => [r.carrier, r.n]));
    },

    async resumeWaiting(carriers, now) {
      if (carriers.length === 0) return 0;
      return db
        .update(shipments)
        .set({ nextPollAt: now, nextPollReason: 'carrier configured: first poll', lastPollError: null, updatedAt: now })
        .where(and(inArray(shipments.carrier, [...carriers]), like(shipments.lastPollError, `${NOT_CONFIGURED}%`), isNull(shipments.trackingStoppedAt)))
        .run().changes;
    },

    async onTimeSince(since) {
      const rows = db
        .select({
          carrier: shipments.carrier,
          delivered: sql<number>`count(*)`,
          onTime: sql<number>`sum(case when ${shipments.deliveredAt} <= ${shipments.deadlineAt} then 1 else 0 end)`,
        })
        .from(shipments)
        .where(and(gte(shipments.deliveredAt, since), isNotNull(shipments.deadlineAt), eq(shipments.status, 'delivered')))
        .groupBy(shipments.carrier)
        .all();
      return Object.fromEntries(rows.map((r) => [r.carrier, { delivered: r.delivered, onTime: r.onTime ?? 0 }]));
    },

    async transitSince(since) {
      // SQLite has no median: rank each carrier's transit times and average the middle one or two
      // ((n+1)/2 and (n+2)/2 in integer division are the same row when n is odd). A shipped time
      // after delivery is bad data and counts as no transit rather than a negative one.
      const rows = db.all<{ carrier: string; delivered: number; medianDays: number | null }>(sql`
        with transit as (
          select ${shipments.carrier} as carrier,
                 max(0, ${shipments.deliveredAt} - coalesce(${shipments.shippedAt}, ${shipments.createdAt})) / 86400000.0 as days
          from ${shipments}
          where ${shipments.status} = 'delivered' and ${shipments.deliveredAt} >= ${since.getTime()}
        ), ranked as (
          select carrier, days,
                 row_number() over (partition by carrier order by days) as rn,
                 count(*) over (partition by carrier) as n
          from transit
        )
        select carrier, max(n) as delivered, avg(case when rn in ((n + 1) / 2, (n + 2) / 2) then days end) as medianDays
        from ranked group by carrier`);
      return Object.fromEntries(rows.map((r) => [r.carrier, { delivered: r.delivered, medianDays: r.medianDays }]));
    },
  };
}
