import { desc, eq } from 'drizzle-orm';
import { events, shipments } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { EventStore } from '../types.js';
import { toTrackingEvent } from './rows.js';

export function createSqliteEventStore(db: SqliteDb): EventStore {
  return {
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
        tx.update(shipments)
          .set({ ...write.patch, updatedAt: write.updatedAt })
          .where(eq(shipments.id, write.shipmentId))
          .run();
        return { eventsAdded };
      });
    },
  };
}
