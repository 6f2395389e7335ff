import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { events, shipments } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { EventStore } from '../types.js';
import { toTrackingEvent } from './rows.js';

export function createSqliteEventStore(db: SqliteDb): EventStore {
  return {
    async unmappedShare(carrier, since) {
      const row = db
        .select({
          total: sql<number>`count(*)`,
          unmapped: sql<number>`coalesce(sum(case when ${events.substatus} = 'unmapped' then 1 else 0 end), 0)`,
        })
        .from(events)
        .innerJoin(shipments, eq(events.shipmentId, shipments.id))
        .where(and(gte(events.receivedAt, since), eq(shipments.carrier, carrier)))
        .get();
      return { total: row?.total ?? 0, unmapped: row?.unmapped ?? 0 };
    },

    async listForShipment(shipmentId) {
      return db
        .select()
        .from(events)
        .where(eq(events.shipmentId, shipmentId))
        .orderBy(desc(events.occurredAt), desc(events.id))
        .all()
        .map(toTrackingEvent);
    },

    async applyTracking(write) {
      // Rows were computed before this call; the transaction is short and synchronous (no await),
      // so a failure rolls back the events and the shipment together.
      return db.transaction((tx) => {
        let eventsAdded = 0;
        for (const event of write.events) {
          const result = tx.insert(events).values(event).onConflictDoNothing({ target: events.fingerprint }).run();
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
