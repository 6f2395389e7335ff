/**
 * Asks carriers about due shipments (DESIGN §7): groups them by carrier, batches within the
 * adapter's limits, and hands each outcome to ingest. One failing number, batch or carrier never
 * stops the others.
 */
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { failAll, type CarrierAdapter, type CarrierFailure, type QueryKey, type TrackOutcome } from '../../carriers/contract.js';
import type { CarrierRegistry } from '../../carriers/registry.js';
import { newId } from '../domain/ids.js';
import type { Shipment } from '../domain/shipment.js';
import type { PollRun } from '../store/types.js';
import { recordOutcome, type IngestDeps } from './ingest.js';
import { createRateGate } from './rate-gate.js';
import { NOT_CONFIGURED } from './waiting.js';

export interface PollerDeps extends IngestDeps {
  registry: CarrierRegistry;
  maxPerTick: number;
  /** Runs after a poll's outcomes are stored (the anomaly engine listens here). */
  afterPoll?: (polled: { shipmentIds: string[]; carriers: string[] }) => Promise<void>;
}

export interface PollSummary {
  tickId: string;
  shipments: number;
  found: number;
  notFound: number;
  failed: number;
  eventsAdded: number;
}

export interface Poller {
  /** Polls every due shipment (up to the per-tick maximum). */
  pollDue(): Promise<PollSummary>;
  /** Polls these shipments now, whatever their nextPollAt. */
  pollShipments(shipments: readonly Shipment[], trigger: PollRun['trigger']): Promise<PollSummary>;
}

const DISABLED_CARRIER_RETRY_MS = 60 * 60 * 1000;

export function createPoller(deps: PollerDeps): Poller {
  const log = deps.logger.child({ component: 'poller' });

  async function pollCarrier(tickId: string, carrier: string, shipments: readonly Shipment[], trigger: PollRun['trigger']): Promise<PollRun> {
    const startedAt = deps.now();
    const run: PollRun = { tickId, carrier, trigger, startedAt, finishedAt: startedAt, requested: shipments.length, found: 0, notFound: 0, failed: 0, eventsAdded: 0, failureSummary: null };
    const failures = new Map<string, number>();
    const adapter = deps.registry.adapter(carrier);

    if (!adapter || adapter.queryBy.length === 0) {
      const reason = adapter
        ? 'this carrier is not polled'
        : `${NOT_CONFIGURED}: carrier ${carrier} has no credentials yet (set ${deps.registry.definition(carrier)?.enableWith.join(', ') ?? 'its credentials'})`;
      for (const shipment of shipments) {
        const nextPoll = adapter ? null : new Date(startedAt.getTime() + DISABLED_CARRIER_RETRY_MS);
        await deps.store.shipments.patch(shipment.id, { nextPollAt: nextPoll, lastPollError: reason }, startedAt);
      }
      run.failed = adapter ? 0 : shipments.length;
      if (!adapter) failures.set('disabled', shipments.length);
    } else {
      const limit = pLimit(Math.max(1, adapter.limits.concurrency));
      const gate = createRateGate(adapter.limits.requestsPerSecond);
      const { batches, unqueryable } = planBatches(adapter, shipments);
      for (const shipment of unqueryable) {
        const missing = adapter.queryBy.join(' or ');
        await deps.store.shipments.patch(shipment.id, { nextPollAt: null, lastPollError: `${carrier} can only be tracked by ${missing}` }, startedAt);
        run.failed += 1;
        failures.set('unqueryable', (failures.get('unqueryable') ?? 0) + 1);
      }
      await Promise.all(
        batches.map((batch) =>
          limit(async () => {
            await gate.wait();
            const outcomes = await trackBatch(adapter, batch);
            for (const [number, shipment] of batch.byNumber) {
              const outcome: TrackOutcome = outcomes.get(number) ?? { kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the carrier answer' } };
              try {
                const result = await recordOutcome(deps, shipment, outcome);
                run.eventsAdded += result.eventsAdded;
                if (outcome.kind === 'found') run.found += 1;
                else if (outcome.kind === 'not_found') run.notFound += 1;
                else {
                  run.failed += 1;
                  const key = failureKey(outcome.failure);
                  failures.set(key, (failures.get(key) ?? 0) + 1);
                }
              } catch (error) {
                run.failed += 1;
                failures.set('ingest', (failures.get('ingest') ?? 0) + 1);
                log.error({ err: error, shipmentId: shipment.id, carrier }, 'could not record a carrier outcome');
              }
            }
          }),
        ),
      );
    }
    run.finishedAt = deps.now();
    run.failureSummary = failures.size === 0 ? null : [...failures].map(([k, n]) => `${k}:${n}`).join(',');
    if (run.failed > 0) log.warn({ carrier, failed: run.failed, failures: run.failureSummary }, 'carrier poll had failures');
    await deps.store.pollRuns.record(run);
    return run;
  }

  async function trackBatch(adapter: CarrierAdapter, batch: Batch): Promise<Map<string, TrackOutcome>> {
    const { by, numbers } = batch;
    const services = new Map<string, string>();
    for (const [number, shipment] of batch.byNumber) if (shipment.carrierService) services.set(number, shipment.carrierService);
    try {
      return await adapter.track(numbers, services.size > 0 ? { by, services } : { by });
    } catch (error) {
      // Adapters return expected failures as values; a throw is a bug, so keep the tick alive and say so.
      log.error({ err: error, carrier: adapter.code }, 'carrier adapter threw instead of returning a failure');
      return failAll(numbers, { kind: 'unavailable', detail: 'adapter error' });
    }
  }

  async function pollShipments(shipments: readonly Shipment[], trigger: PollRun['trigger']): Promise<PollSummary> {
    const tickId = newId('tick', deps.now());
    const byCarrier = new Map<string, Shipment[]>();
    for (const shipment of shipments) {
      const list = byCarrier.get(shipment.carrier) ?? [];
      list.push(shipment);
      byCarrier.set(shipment.carrier, list);
    }
    const runs = await Promise.all(
      [...byCarrier].map(([carrier, list]) =>
        pollCarrier(tickId, carrier, list, trigger).catch((error: unknown) => {
          log.error({ err: error, carrier }, 'carrier poll crashed');
          return null;
        }),
      ),
    );
    const summary: PollSummary = { tickId, shipments: shipments.length, found: 0, notFound: 0, failed: 0, eventsAdded: 0 };
    for (const run of runs) {
      if (!run) continue;
      summary.found += run.found;
      summary.notFound += run.notFound;
      summary.failed += run.failed;
      summary.eventsAdded += run.eventsAdded;
    }
    if (deps.afterPoll && shipments.length > 0) {
      try {
        await deps.afterPoll({ shipmentIds: shipments.map((s) => s.id), carriers: [...byCarrier.keys()] });
      } catch (error) {
        // What we stored stays stored; the sweep will look again.
        log.error({ err: error }, 'after-poll work failed');
      }
    }
    return summary;
  }

  return {
    async pollDue() {
      const due = await deps.store.shipments.due(deps.now(), deps.maxPerTick, deps.registry.unpolledCodes().filter((c) => deps.registry.adapter(c)));
      const summary = await pollShipments(due, 'tick');
      log.info(summary, 'poll tick finished');
      return summary;
    },
    pollShipments,
  };
}

/**
 * How a failure is counted in the run's summary (shown on GET /v1/carriers): its kind, and for a
 * throttle the carrier's reason when it gave one (17TRACK's exhausted quota is no passing 429).
 */
export function failureKey(failure: CarrierFailure): string {
  return failure.kind === 'rate_limited' && failure.detail ? `rate_limited (${failure.detail})` : failure.kind;
}

interface Batch {
  by: QueryKey;
  numbers: string[];
  byNumber: Map<string, Shipment>;
}

/** Queries by the carrier's number when we have it, else by the shop's reference, in maxBatch chunks. */
export function planBatches(adapter: CarrierAdapter, shipments: readonly Shipment[]): { batches: Batch[]; unqueryable: Shipment[] } {
  const groups: Record<QueryKey, Shipment[]> = { trackingNumber: [], reference: [] };
  const unqueryable: Shipment[] = [];
  for (const shipment of shipments) {
    const key = adapter.queryBy.find((k) => shipment[k] !== null);
    if (key) groups[key].push(shipment);
    else unqueryable.push(shipment);
  }
  const batches: Batch[] = [];
  for (const by of ['trackingNumber', 'reference'] as const) {
    const list = groups[by];
    for (let i = 0; i < list.length; i += adapter.limits.maxBatch) {
      const chunk = list.slice(i, i + adapter.limits.maxBatch);
      const byNumber = new Map(chunk.map((s) => [s[by] as string, s]));
      batches.push({ by, numbers: [...byNumber.keys()], byNumber });
    }
  }
  return { batches, unqueryable };
}
