/**
 * Fast generation of big stores for the benchmarks: the real schema from the migrations, filled
 * with raw better-sqlite3 inserts in big transactions while the indexes are dropped (building an
 * index once from sorted input is far quicker than growing it row by row), then the very same
 * index statements re-run and the file left in WAL mode, as the service opens it.
 */
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { openSqlite } from '../../db/connection.js';

export interface BulkLoad {
  raw: Database.Database;
  /** Re-creates the dropped indexes; returns how long that took (ms). */
  restoreIndexes(): number;
  /** Switches back to WAL and closes the handle. */
  close(): void;
}

/** Migrates the store in dataDir, then opens it for loading with the indexes of these tables dropped. */
export function openBulkLoad(dataDir: string, tables: readonly string[]): BulkLoad {
  const migrated = openSqlite(dataDir);
  const file = migrated.file;
  migrated.close();

  const raw = new Database(file);
  // Nothing here has to survive a crash: an interrupted generation is thrown away (see workdir.ts).
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('locking_mode = EXCLUSIVE');
  raw.pragma('cache_size = -1048576');
  raw.pragma('temp_store = MEMORY');

  const placeholders = tables.map(() => '?').join(', ');
  const indexes = raw
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${placeholders})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) raw.exec(`drop index "${index.name}"`);

  return {
    raw,
    restoreIndexes() {
      const start = performance.now();
      for (const index of indexes) raw.exec(index.sql);
      return performance.now() - start;
    },
    close() {
      raw.pragma('locking_mode = NORMAL');
      raw.pragma('journal_mode = WAL');
      raw.close();
    },
  };
}

/** Runs `write(from, to)` over [0, total) in transactions of `chunk` items. */
export function inChunks(raw: Database.Database, total: number, chunk: number, write: (from: number, to: number) => void): void {
  const transaction = raw.transaction(write);
  for (let from = 0; from < total; from += chunk) transaction(from, Math.min(total, from + chunk));
}
