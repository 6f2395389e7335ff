import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiKeys } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import { newId } from '../../domain/ids.js';
import type { ApiKeyRecord, ApiKeyRole, ApiKeyStore } from '../types.js';

type Row = typeof apiKeys.$inferSelect;

function toRecord(row: Row): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiKeyRole,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export function createSqliteApiKeyStore(db: SqliteDb): ApiKeyStore {
  // Every API request looks its key up: prepared once (bench/lookup.ts).
  const activeByHash = db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sql.placeholder('keyHash')), isNull(apiKeys.revokedAt)))
    .prepare();

  return {
    async create(input, now) {
      const row = db
        .insert(apiKeys)
        .values({ id: newId('key', now), ...input, createdAt: now })
        .onConflictDoUpdate({ target: apiKeys.keyHash, set: { name: input.name, role: input.role, revokedAt: null } })
        .returning()
        .get();
      return toRecord(row);
    },
    async findActiveByHash(keyHash) {
      const row = activeByHash.get({ keyHash });
      return row ? toRecord(row) : null;
    },
    async touch(id, now) {
      db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id)).run();
    },
  };
}
