import { and, desc, eq, lt, lte } from 'drizzle-orm';
import { z } from 'zod';
import { pollQuarantine } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import type { QuarantineEntry, QuarantineStore } from '../types.js';

const ID_PREFIX = 'pq_';

const numbersSchema = z.array(z.string());
const responsesSchema = z.array(
  z.object({ method: z.string(), path: z.string(), status: z.number(), contentType: z.string().nullable(), body: z.string() }),
);

type Row = typeof pollQuarantine.$inferSelect;

export function createSqliteQuarantineStore(db: SqliteDb): QuarantineStore {
  return {
    async add(entry, keepPerCarrier) {
      // Synchronous on purpose: better-sqlite3 transactions must not await (STYLE: the transaction trap).
      const row = db.transaction((tx) => {
        const inserted = tx
          .insert(pollQuarantine)
          .values({
            carrier: entry.carrier,
            tickId: entry.tickId,
            receivedAt: entry.receivedAt,
            numbers: JSON.stringify(entry.numbers),
            detail: entry.detail,
            responses: JSON.stringify(entry.responses),
          })
          .returning()
          .get();
        // The newest `keepPerCarrier` stay; a carrier answering garbage for weeks cannot fill the disk.
        const oldestKept = tx
          .select({ id: pollQuarantine.id })
          .from(pollQuarantine)
          .where(eq(pollQuarantine.carrier, entry.carrier))
          .orderBy(desc(pollQuarantine.id))
          .limit(1)
          .offset(Math.max(0, keepPerCarrier))
          .get();
        if (oldestKept) {
          tx.delete(pollQuarantine)
            .where(and(eq(pollQuarantine.carrier, entry.carrier), lte(pollQuarantine.id, oldestKept.id)))
            .run();
        }
        return inserted;
      });
      return entryOf(row);
    },
    async list({ carrier, limit, after }) {
      // Ids grow with every entry, so id order is arrival order and makes a stable cursor.
      const afterId = after === undefined ? undefined : rowIdOf(after);
      const rows = db
        .select()
        .from(pollQuarantine)
        .where(and(eq(pollQuarantine.carrier, carrier), afterId === undefined ? undefined : lt(pollQuarantine.id, afterId)))
        .orderBy(desc(pollQuarantine.id))
        .limit(limit + 1)
        .all();
      return { items: rows.slice(0, limit).map(entryOf), hasMore: rows.length > limit };
    },
  };
}

function rowIdOf(id: string): number {
  const n = id.startsWith(ID_PREFIX) ? Number(id.slice(ID_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`not a quarantine id: ${id}`);
  return n;
}

function entryOf(row: Row): QuarantineEntry {
  return {
    id: `${ID_PREFIX}${row.id}`,
    carrier: row.carrier,
    tickId: row.tickId,
    receivedAt: row.receivedAt,
    numbers: numbersSchema.parse(JSON.parse(row.numbers)),
    detail: row.detail,
    responses: responsesSchema.parse(JSON.parse(row.responses)),
  };
}
