import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type SqliteDb = BetterSQLite3Database<typeof schema>;

export interface SqliteConnection {
  db: SqliteDb;
  raw: Database.Database;
  file: string;
  close(): void;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens (creating if needed) the SQLite file in the data directory, in WAL mode, migrated. */
export function openSqlite(dataDir: string, fileName = 'shipwatch.db'): SqliteConnection {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, fileName);
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  // WAL plus NORMAL is durable across process crashes; only a power cut can lose the last commit.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  const db = drizzle(raw, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, raw, file, close: () => raw.close() };
}
