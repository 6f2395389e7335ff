import { and, eq, inArray, sql } from 'drizzle-orm';
import { carrierQuotaUsage, shipments } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { QuotaStore } from '../types.js';

/**
 * Daily quota use per carrier and the per-shipment daily count, spent before each call and kept
 * in the database so a restart never spends the same quota twice.
 */
export function createSqliteQuotaStore(db: SqliteDb): QuotaStore {
  return {
    async reserveCall({ carrier, day, dailyQuota, perShipmentDaily, shipmentIds, now }) {
      // better-sqlite3 transactions are synchronous: check and spend in one go, no await inside.
      return db.transaction((tx) => {
        const capped: string[] = [];
        if (perShipmentDaily !== null && shipmentIds.length > 0) {
          const counts = tx
            .select({ id: shipments.id, pollDay: shipments.pollDay, pollsOnDay: shipments.pollsOnDay })
            .from(shipments)
            .where(inArray(shipments.id, [...shipmentIds]))
            .all();
          for (const c of counts) if (c.pollDay === day && c.pollsOnDay >= perShipmentDaily) capped.push(c.id);
          if (capped.length === shipmentIds.length) return { granted: false, capped };
        }
        const used = tx
          .select({ used: carrierQuotaUsage.used })
          .from(carrierQuotaUsage)
          .where(and(eq(carrierQuotaUsage.carrier, carrier), eq(carrierQuotaUsage.day, day)))
          .get()?.used ?? 0;
        if (dailyQuota !== null && used >= dailyQuota) return { granted: false, capped };
        tx.insert(carrierQuotaUsage)
          .values({ carrier, day, used: 1, updatedAt: now })
          .onConflictDoUpdate({ target: [carrierQuotaUsage.carrier, carrierQuotaUsage.day], set: { used: sql`${carrierQuotaUsage.used} + 1`, updatedAt: now } })
          .run();
        if (perShipmentDaily !== null) {
          const counted = shipmentIds.filter((id) => !capped.includes(id));
          if (counted.length > 0) {
            tx.update(shipments)
              .set({
                pollsOnDay: sql`case when ${shipments.pollDay} = ${day} then ${shipments.pollsOnDay} + 1 else 1 end`,
                pollDay: day,
              })
              .where(inArray(shipments.id, counted))
              .run();
          }
        }
        return { granted: true, capped };
      });
    },

    async usedOn(carrier, day) {
      return (
        db
          .select({ used: carrierQuotaUsage.used })
          .from(carrierQuotaUsage)
          .where(and(eq(carrierQuotaUsage.carrier, carrier), eq(carrierQuotaUsage.day, day)))
          .get()?.used ?? 0
      );
    },
  };
}
