import { eq } from 'drizzle-orm';
import { carrierCircuits } from '../../../db/schema.js';
import type { SqliteDb } from '../../../db/connection.js';
import { CIRCUIT_STATES, type CircuitState } from '../../tracking/governor/types.js';
import type { CircuitStore } from '../types.js';

/** Each carrier's circuit breaker, so a restart neither forgets an outage nor its back-off. */
export function createSqliteCircuitStore(db: SqliteDb): CircuitStore {
  return {
    async get(carrier) {
      const row = db.select().from(carrierCircuits).where(eq(carrierCircuits.carrier, carrier)).get();
      if (!row) return null;
      // An unknown state (a hand-edited row) reads as closed: the breaker then counts afresh.
      const state: CircuitState = (CIRCUIT_STATES as readonly string[]).includes(row.state) ? (row.state as CircuitState) : 'closed';
      return { ...row, state };
    },
    async save(circuit) {
      const { carrier, ...rest } = circuit;
      db.insert(carrierCircuits).values(circuit).onConflictDoUpdate({ target: carrierCircuits.carrier, set: rest }).run();
    },
  };
}
