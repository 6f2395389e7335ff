import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alertOutbox, anomalies, shipments } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { Anomaly, AnomalyCode } from '../../anomalies/types.js';
import { newId } from '../../domain/ids.js';
import type { AnomalyFilter, AnomalyStore, DaySpan } from '../types.js';
import { toAnomaly } from './anomaly-rows.js';

const UNRESOLVED = ne(anomalies.state, 'resolved');

export function createSqliteAnomalyStore(db: SqliteDb): AnomalyStore {
  // Prepared once for any number of ids (a JSON array read by json_each, still served by the
  // shipment_id index): every lookup and every sweep batch asks this (bench/lookup.ts).
  const ofShipments = db
    .select()
    .from(anomalies)
    .where(sql`${anomalies.shipmentId} in (select value from json_each(${sql.placeholder('ids')}))`)
    .orderBy(asc(anomalies.openedAt), asc(anomalies.id))
    .prepare();

  // A first sweep over a big store opens anomalies by the ten thousand: each opening goes through
  // these two statements, prepared once (bench/sweep.ts).
  const openAnomaly = db
    .insert(anomalies)
    .values({
      id: sql.placeholder('id'),
      shipmentId: sql.placeholder('shipmentId'),
      carrier: sql.placeholder('carrier'),
      code: sql.placeholder('code'),
      severity: sql.placeholder('severity'),
      state: 'open',
      triggerKey: sql.placeholder('triggerKey'),
      openedAt: sql.placeholder('now'),
      details: sql.placeholder('details'),
      updatedAt: sql.placeholder('now'),
    })
    .onConflictDoNothing()
    .returning()
    .prepare();
  const queueAlert = db
    .insert(alertOutbox)
    .values({ anomalyId: sql.placeholder('anomalyId'), severity: sql.placeholder('severity'), createdAt: sql.placeholder('now'), nextAttemptAt: sql.placeholder('now') })
    .prepare();

  return {
    async forShipments(shipmentIds) {
      const byShipment = new Map<string, Anomaly[]>(shipmentIds.map((id) => [id, []]));
      if (shipmentIds.length === 0) return byShipment;
      const rows = ofShipments.all({ ids: JSON.stringify(shipmentIds) });
      for (const row of rows) if (row.shipmentId) byShipment.get(row.shipmentId)?.push(toAnomaly(row));
      return byShipment;
    },

    async forCarrier(carrier) {
      return db
        .select()
        .from(anomalies)
        .where(and(eq(anomalies.carrier, carrier), isNull(anomalies.shipmentId)))
        .orderBy(asc(anomalies.openedAt), asc(anomalies.id))
        .all()
        .map(toAnomaly);
    },

    async apply(changes, now) {
      // Synchronous on purpose: better-sqlite3 transactions must not await (STYLE: the transaction trap).
      return db.transaction((tx) => {
        const opened: Anomaly[] = [];
        let resolved = 0;
        let updated = 0;
        for (const change of changes) {
          if (change.kind === 'open') {
            const row = openAnomaly.get({
              id: newId('anm', now),
              shipmentId: change.shipmentId,
              carrier: change.carrier,
              code: change.code,
              severity: change.severity,
              triggerKey: change.triggerKey,
              details: JSON.stringify(change.details),
              now,
            });
            if (!row) continue;
            queueAlert.run({ anomalyId: row.id, severity: row.severity, now });
            opened.push(toAnomaly(row));
          } else if (change.kind === 'update') {
            updated += tx
              .update(anomalies)
              .set({ severity: change.severity, details: JSON.stringify(change.details), updatedAt: now })
              .where(and(eq(anomalies.id, change.id), UNRESOLVED))
              .run().changes;
            // An anomaly that turns critical still owes its immediate mail.
            if (change.severity === 'critical') {
              tx.update(alertOutbox)
                .set({ severity: 'critical' })
                .where(and(eq(alertOutbox.anomalyId, change.id), isNull(alertOutbox.immediateSentAt)))
                .run();
            }
          } else {
            resolved += tx
              .update(anomalies)
              .set({ state: 'resolved', resolvedAt: now, resolvedBy: 'auto', resolution: change.reason, updatedAt: now })
              .where(and(eq(anomalies.id, change.id), UNRESOLVED))
              .run().changes;
          }
        }
        return { opened, resolved, updated };
      });
    },

    async get(id) {
      const row = db.select().from(anomalies).where(eq(anomalies.id, id)).get();
      return row ? toAnomaly(row) : null;
    },

    async list(filter) {
      const oldestFirst = filter.order === 'oldest';
      // The shipment's numbers come from a join in the same query: the inbox is one request, one read.
      const rows = db
        .select({
          anomaly: anomalies,
          shipment: { id: shipments.id, trackingNumber: shipments.trackingNumber, reference: shipments.reference, orderId: shipments.orderId },
        })
        .from(anomalies)
        .leftJoin(shipments, eq(anomalies.shipmentId, shipments.id))
        .where(and(...listConditions(filter, oldestFirst)))
        .orderBy(oldestFirst ? asc(anomalies.id) : desc(anomalies.id))
        .limit(filter.limit + 1)
        .all();
      const items = rows.slice(0, filter.limit).map(({ anomaly, shipment }) => ({
        ...toAnomaly(anomaly),
        shipment: shipment?.id ? { id: shipment.id, trackingNumber: shipment.trackingNumber, reference: shipment.reference, orderId: shipment.orderId } : null,
      }));
      return { items, hasMore: rows.length > filter.limit };
    },

    async openedPerDay<C extends AnomalyCode>(codes: readonly C[], days: readonly DaySpan[]) {
      const counts = Object.fromEntries(codes.map((code) => [code, days.map(() => 0)])) as Record<C, number[]>;
      if (codes.length === 0 || days.length === 0) return counts;
      // Day boundaries come in as instants (the caller knows the shop zone; SQLite does not), one
      // indexed range scan of opened_at per day.
      const spans = JSON.stringify(days.map((d) => [d.start.getTime(), d.end.getTime()]));
      const rows = db.all<{ day: number; code: C; n: number }>(sql`
        select d.key as day, ${anomalies.code} as code, count(*) as n
        from json_each(${spans}) as d
        join ${anomalies} on ${anomalies.openedAt} >= json_extract(d.value, '$[0]') and ${anomalies.openedAt} < json_extract(d.value, '$[1]')
        where ${anomalies.code} in (select value from json_each(${JSON.stringify(codes)}))
        group by d.key, ${anomalies.code}`);
      for (const row of rows) {
        const perDay = counts[row.code];
        if (perDay && row.day < perDay.length) perDay[row.day] = row.n;
      }
      return counts;
    },

    async acknowledge(id, by, note, now) {
      const row = db
        .update(anomalies)
        .set({ state: 'acknowledged', acknowledgedAt: now, acknowledgedBy: by, ...(note !== null && { note }), updatedAt: now })
        .where(and(eq(anomalies.id, id), eq(anomalies.state, 'open')))
        .returning()
        .get();
      return row ? toAnomaly(row) : null;
    },

    async resolveByPerson(id, by, note, now) {
      const row = db
        .update(anomalies)
        .set({ state: 'resolved', resolvedAt: now, resolvedBy: by, resolution: 'resolved by a person', note, updatedAt: now })
        .where(and(eq(anomalies.id, id), UNRESOLVED))
        .returning()
        .get();
      return row ? toAnomaly(row) : null;
    },

    async countUnresolved() {
      const rows = db
        .select({ code: anomalies.code, severity: anomalies.severity, n: sql<number>`count(*)` })
        .from(anomalies)
        .where(UNRESOLVED)
        .groupBy(anomalies.code, anomalies.severity)
        .all();
      const byCode: Record<string, number> = {};
      const bySeverity: Record<string, number> = {};
      for (const r of rows) {
        byCode[r.code] = (byCode[r.code] ?? 0) + r.n;
        bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + r.n;
      }
      return { byCode, bySeverity };
    },

    async sweepCandidates(t, limit) {
      const active = isNull(shipments.trackingStoppedAt);
      const stale = (status: string, before: Date) => and(eq(shipments.status, status), lte(shipments.lastEventAt, before));
      // Each branch is served by an index: (status, last_event_at), (status, created_at), (deadline_at).
      const branches: SQL[] = [
        stale('in_transit', t.stalledSince.in_transit),
        stale('out_for_delivery', t.stalledSince.out_for_delivery),
        stale('attempt_failed', t.stalledSince.attempt_failed),
        stale('available_for_pickup', t.awaitingPickupSince),
        and(eq(shipments.status, 'not_found'), lte(shipments.createdAt, t.notFoundCreatedBefore)),
        and(
          inArray(shipments.status, ['pending', 'info_received']),
          or(lte(shipments.createdAt, t.notShippedBefore), lte(shipments.shippedAt, t.notShippedBefore)),
        ),
        and(lte(shipments.deadlineAt, t.deadlineBefore), notDone()),
      ].filter((b): b is SQL => b !== undefined);
      const ids = new Set<string>();
      for (const branch of branches) {
        if (ids.size >= limit) break;
        const rows = db
          .select({ id: shipments.id })
          .from(shipments)
          .where(and(branch, active))
          .limit(limit - ids.size)
          .all();
        for (const r of rows) ids.add(r.id);
      }
      return [...ids];
    },
  };
}

function listConditions(filter: AnomalyFilter, oldestFirst: boolean): SQL[] {
  const where: SQL[] = [];
  if (filter.state === 'unresolved') where.push(UNRESOLVED);
  else if (filter.state) where.push(eq(anomalies.state, filter.state));
  if (filter.code) where.push(eq(anomalies.code, filter.code));
  if (filter.severity) where.push(eq(anomalies.severity, filter.severity));
  if (filter.carrier) where.push(eq(anomalies.carrier, filter.carrier));
  if (filter.since) where.push(gte(anomalies.openedAt, filter.since));
  if (filter.after) where.push(oldestFirst ? gt(anomalies.id, filter.after) : lt(anomalies.id, filter.after));
  return where;
}

function notDone(): SQL {
  return sql`${shipments.status} not in ('delivered', 'returned', 'expired')`;
}
