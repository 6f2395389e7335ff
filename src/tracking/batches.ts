/** How due shipments become requests: by the identifier the carrier is asked with, maxBatch at a time. */
import type { CarrierAdapter, QueryKey } from '../../carriers/contract.js';
import type { Shipment } from '../domain/shipment.js';

export interface Batch {
  by: QueryKey;
  numbers: string[];
  byNumber: Map<string, Shipment>;
}

/**
 * Queries by the carrier's number when we have it, else by the shop's reference, in chunks of
 * maxBatch. Batches keep the order of the shipments given (priority), by their first member.
 */
export function planBatches(adapter: CarrierAdapter, shipments: readonly Shipment[], maxBatch: number = adapter.limits.maxBatch): { batches: Batch[]; unqueryable: Shipment[] } {
  const size = Math.max(1, Math.floor(maxBatch));
  const open: Partial<Record<QueryKey, Batch>> = {};
  const batches: Batch[] = [];
  const unqueryable: Shipment[] = [];
  for (const shipment of shipments) {
    const by = adapter.queryBy.find((k) => shipment[k] !== null);
    const number = by ? shipment[by] : null;
    if (!by || number === null) {
      unqueryable.push(shipment);
      continue;
    }
    let batch = open[by];
    if (!batch || batch.numbers.length >= size) {
      batch = { by, numbers: [], byNumber: new Map() };
      open[by] = batch;
      batches.push(batch);
    }
    // The same number twice (two shipments cannot share it per carrier, but be safe): one ask.
    if (!batch.byNumber.has(number)) batch.numbers.push(number);
    batch.byNumber.set(number, shipment);
  }
  return { batches, unqueryable };
}
