import { openSqlite } from '../../../db/connection.js';
import type { Store } from '../types.js';
import { createSqliteAlertStore } from './alert-store.js';
import { createSqliteAnomalyStore } from './anomaly-store.js';
import { createSqliteApiKeyStore } from './api-key-store.js';
import { createSqliteCircuitStore } from './circuit-store.js';
import { createSqliteEventStore } from './event-store.js';
import { createSqlitePollRunStore } from './poll-run-store.js';
import { createSqliteQuarantineStore } from './quarantine-store.js';
import { createSqliteQuotaStore } from './quota-store.js';
import { createSqliteShipmentStore } from './shipment-store.js';

/** The embedded store: one SQLite file (WAL) in the data directory, migrated on open. */
export function openSqliteStore(dataDir: string): Store {
  const connection = openSqlite(dataDir);
  const { db } = connection;
  return {
    shipments: createSqliteShipmentStore(db),
    quota: createSqliteQuotaStore(db),
    circuits: createSqliteCircuitStore(db),
    events: createSqliteEventStore(db),
    apiKeys: createSqliteApiKeyStore(db),
    pollRuns: createSqlitePollRunStore(db),
    anomalies: createSqliteAnomalyStore(db),
    alerts: createSqliteAlertStore(db),
    quarantine: createSqliteQuarantineStore(db),
    async ping() {
      connection.raw.prepare('select 1').get();
    },
    async close() {
      if (connection.raw.open) connection.close();
    },
  };
}
