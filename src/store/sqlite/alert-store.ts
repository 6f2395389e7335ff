import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { alertDigests, alertOutbox, anomalies, shipments } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { AlertItem, AlertStore, OutboxRow, PendingAlert } from '../../alerts/types.js';
import type { Severity } from '../../anomalies/types.js';
import { toAnomaly } from './anomaly-rows.js';
import { toShipment } from './rows.js';

type Joined = {
  alert_outbox?: typeof alertOutbox.$inferSelect;
  anomalies: typeof anomalies.$inferSelect;
  shipments: typeof shipments.$inferSelect | null;
};

const SEVERITY_ORDER = sql`case ${anomalies.severity} when 'critical' then 0 when 'high' then 1 else 2 end`;

function toItem(row: Joined): AlertItem {
  return { anomaly: toAnomaly(row.anomalies), shipment: row.shipments ? toShipment(row.shipments) : null };
}

function toOutboxRow(row: typeof alertOutbox.$inferSelect): OutboxRow {
  return { ...row, severity: row.severity as Severity };
}

export function createSqliteAlertStore(db: SqliteDb): AlertStore {
  function pending(where: ReturnType<typeof and>, limit: number): PendingAlert[] {
    return db
      .select()
      .from(alertOutbox)
      .innerJoin(anomalies, eq(alertOutbox.anomalyId, anomalies.id))
      .leftJoin(shipments, eq(anomalies.shipmentId, shipments.id))
      .where(where)
      .orderBy(asc(alertOutbox.id))
      .limit(limit)
      .all()
      .map((row) => ({ row: toOutboxRow(row.alert_outbox), item: toItem(row) }));
  }

  return {
    async pendingImmediate(now, limit) {
      // An anomaly already resolved (say, within the minute) is reported in the digest, not by an alarm.
      return pending(
        and(eq(alertOutbox.severity, 'critical'), isNull(alertOutbox.immediateSentAt), lte(alertOutbox.nextAttemptAt, now), ne(anomalies.state, 'resolved')),
        limit,
      );
    },

    async markImmediateSent(rowId, at) {
      db.update(alertOutbox).set({ immediateSentAt: at, lastError: null }).where(eq(alertOutbox.id, rowId)).run();
    },

    async markAttemptFailed(rowIds, error, nextAttemptAt) {
      if (rowIds.length === 0) return;
      db.update(alertOutbox)
        .set({ attempts: sql`${alertOutbox.attempts} + 1`, lastError: error.slice(0, 500), nextAttemptAt })
        .where(inArray(alertOutbox.id, [...rowIds]))
        .run();
    },

    async pendingDigest(limit) {
      return pending(isNull(alertOutbox.digestedAt), limit);
    },

    async unresolved(limit) {
      return db
        .select()
        .from(anomalies)
        .leftJoin(shipments, eq(anomalies.shipmentId, shipments.id))
        .where(ne(anomalies.state, 'resolved'))
        .orderBy(SEVERITY_ORDER, asc(anomalies.openedAt))
        .limit(limit)
        .all()
        .map(toItem);
    },

    async lastDigestAt() {
      const row = db.select({ at: sql<number | null>`max(${alertDigests.sentAt})` }).from(alertDigests).get();
      return row?.at ? new Date(row.at) : null;
    },

    async recordDigest(rowIds, at, counts) {
      // Synchronous transaction: no await inside (better-sqlite3).
      db.transaction((tx) => {
        if (rowIds.length > 0) {
          tx.update(alertOutbox).set({ digestedAt: at }).where(inArray(alertOutbox.id, [...rowIds])).run();
        }
        tx.insert(alertDigests).values({ sentAt: at, newCount: counts.newCount, openCount: counts.openCount }).run();
      });
    },
  };
}
