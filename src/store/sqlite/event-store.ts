import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { events, pollRuns, shipments } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { EventStore } from '../types.js';
import { toTrackingEvent } from './rows.js';

export function createSqliteEventStore(db: SqliteDb): EventStore {
  // Prepared once: every lookup, ingest and sweep reads a history, and building plus compiling the
  // statement each time cost more than running it (bench/lookup.ts).
  const historyOf = db
    .select()
    .from(events)
    .where(eq(events.shipmentId, sql.placeholder('shipmentId')))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .prepare();

  const driftOf = db
    .select({
      total: sql<number>`coalesce(sum(${pollRuns.eventsAdded}), 0)`,
      unmapped: sql<number>`coalesce(sum(${pollRuns.eventsUnmapped}), 0)`,
    })
    .from(pollRuns)
    .where(and(eq(pollRuns.carrier, sql.placeholder('carrier')), gte(pollRuns.finishedAt, sql.placeholder('since'))))
    .prepare();

  // Ingest writes every event through this one statement; building and compiling an insert per
  // event cost more than the write itself (bench/ingest.ts).
  const insertEvent = db
    .insert(events)
    .values({
      shipmentId: sql.placeholder('shipmentId'),
      fingerprint: sql.placeholder('fingerprint'),
      occurredAt: sql.placeholder('occurredAt'),
      localTime: sql.placeholder('localTime'),
      timeZone: sql.placeholder('timeZone'),
      status: sql.placeholder('status'),
      substatus: sql.placeholder('substatus'),
      carrierCode: sql.placeholder('carrierCode'),
      description: sql.placeholder('description'),
      location: sql.placeholder('location'),
      city: sql.placeholder('city'),
      country: sql.placeholder('country'),
      source: sql.placeholder('source'),
      receivedAt: sql.placeholder('receivedAt'),
    })
    .onConflictDoNothing({ target: events.fingerprint })
    .prepare();

  return {
    async unmappedShare(carrier, since) {
      // Counted from the poll runs of the window (each run records the events it added and how
      // many had unmapped codes), read through the (carrier, finished_at) index: joining the
      // events of the window to their shipments took about a second per carrier at 1 M shipments
      // (bench/sweep.ts). Only polled events can carry a carrier code nobody maps, and
      // GET /v1/carriers counts its share from the same runs.
      const row = driftOf.get({ carrier, since: since.getTime() });
      return { total: row?.total ?? 0, unmapped: row?.unmapped ?? 0 };
    },

    async listForShipment(shipmentId) {
      return historyOf.all({ shipmentId }).map(toTrackingEvent);
    },

    async applyTracking(write) {
      // Rows were computed before this call; the transaction is short and synchronous (no await),
      // so a failure rolls back the events and the shipment together.
      return db.transaction((tx) => {
        let eventsAdded = 0;
        for (const event of write.events) {
          const result = insertEvent.run(event);
          eventsAdded += result.changes;
        }
        const { proofOfDelivery, ...patch } = write.patch;
        tx.update(shipments)
          .set({
            ...patch,
            ...(proofOfDelivery !== undefined && { proofOfDelivery: proofOfDelivery ? JSON.stringify(proofOfDelivery) : null }),
            updatedAt: write.updatedAt,
          })
          .where(eq(shipments.id, write.shipmentId))
          .run();
        return { eventsAdded };
      });
    },
  };
}
