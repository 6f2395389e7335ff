/**
 * Asks carriers about due shipments (DESIGN §7, issue 6): groups them by carrier, spends each
 * carrier's budget on the shipments that matter most, batches within its limits, and hands each
 * outcome to ingest. Every request goes through the carrier's governor (gate, circuit, quota), for
 * ticks and API refreshes alike. One failing number, batch or carrier never stops the others.
 */
import type { CarrierAdapter, CarrierFailure, TrackOutcome } from '../../carriers/contract.js';
import type { CarrierRegistry } from '../../carriers/registry.js';
import { newId } from '../domain/ids.js';
import type { Shipment } from '../domain/shipment.js';
import { isTerminal } from '../domain/status.js';
import { noMetrics, type Metrics } from '../metrics/types.js';
import type { PollRun } from '../store/types.js';
import { hasOutlivedTracking, maxAgeReason } from './cadence.js';
import { planBatches, type Batch } from './batches.js';
import { askCarrier, capReason, DEFAULT_CALL, quotaReason, type CallSettings, type CarrierCallDeps, type Deferral } from './carrier-call.js';
import { circuitOpenReason, createCarrierGovernor, type CarrierGovernor } from './governor/governor.js';
import { nextQuotaReset, quotaDay } from './governor/quota-day.js';
import type { EffectiveLimits } from './governor/types.js';
import { recordOutcome, type IngestDeps } from './ingest.js';
import { realClock, type PollClock } from './poll-clock.js';
import { dueUrgency, orderByPriority } from './priority.js';
import { NOT_CONFIGURED } from './waiting.js';

export { planBatches, type Batch } from './batches.js';

export interface PollerDeps extends IngestDeps {
  registry: CarrierRegistry;
  maxPerTick: number;
  /** Runs after a poll's outcomes are stored (the anomaly engine listens here). */
  afterPoll?: (polled: { shipmentIds: string[]; carriers: string[] }) => Promise<void>;
  metrics?: Metrics;
  /** The service's one governor (shared with the API); without it the poller keeps its own with adapter defaults. */
  governor?: CarrierGovernor;
  /** Elapsed time and sleeping for back-off and durations; tests inject a fake. */
  clock?: PollClock;
  call?: Partial<CallSettings>;
}

export interface PollSummary {
  tickId: string;
  shipments: number;
  found: number;
  notFound: number;
  failed: number;
  /** Not asked this time (quota, per-shipment cap, open circuit, tick maximum): see nextPollReason. */
  deferred: number;
  eventsAdded: number;
}

export interface Poller {
  /** Polls every due shipment (up to the per-tick maximum, most important first). */
  pollDue(): Promise<PollSummary>;
  /** Polls these shipments now, whatever their nextPollAt, within the carriers' limits. */
  pollShipments(shipments: readonly Shipment[], trigger: PollRun['trigger']): Promise<PollSummary>;
}

const DISABLED_CARRIER_RETRY_MS = 60 * 60 * 1000;

interface CarrierRun extends PollRun {
  deferred: number;
}

export function createPoller(deps: PollerDeps): Poller {
  const log = deps.logger.child({ component: 'poller' });
  const metrics = deps.metrics ?? noMetrics;
  const clock = deps.clock ?? realClock;
  const governor = deps.governor ?? createCarrierGovernor({ store: deps.store, registry: deps.registry, now: deps.now, clock, logger: log });
  const callDeps: CarrierCallDeps = {
    store: deps.store,
    governor,
    metrics,
    clock,
    random: deps.random ?? Math.random,
    now: deps.now,
    logger: log,
    call: { ...DEFAULT_CALL, ...deps.call },
  };

  async function defer(shipments: readonly Shipment[], until: Date | null, reason: string, run: CarrierRun): Promise<void> {
    const now = deps.now();
    for (const shipment of shipments) await deps.store.shipments.patch(shipment.id, { nextPollAt: until, nextPollReason: reason }, now);
    run.deferred += shipments.length;
  }

  async function pollCarrier(tickId: string, carrier: string, shipments: readonly Shipment[], trigger: PollRun['trigger']): Promise<CarrierRun> {
    const startedAt = deps.now();
    const run: CarrierRun = { tickId, carrier, trigger, startedAt, finishedAt: startedAt, requested: 0, found: 0, notFound: 0, failed: 0, deferred: 0, eventsAdded: 0, eventsUnmapped: 0, failureSummary: null };
    const failures = new Map<string, number>();
    const count = (key: string, n = 1) => failures.set(key, (failures.get(key) ?? 0) + n);
    const adapter = deps.registry.adapter(carrier);
    const limits = governor.limits(carrier);

    if (!adapter || !limits || adapter.queryBy.length === 0) {
      const reason = adapter
        ? 'this carrier is not polled'
        : `${NOT_CONFIGURED}: carrier ${carrier} has no credentials yet (set ${deps.registry.definition(carrier)?.enableWith.join(', ') ?? 'its credentials'})`;
      for (const shipment of shipments) {
        const nextPoll = adapter ? null : new Date(startedAt.getTime() + DISABLED_CARRIER_RETRY_MS);
        await deps.store.shipments.patch(shipment.id, { nextPollAt: nextPoll, lastPollError: reason, nextPollReason: adapter ? reason : `waiting for ${carrier} credentials` }, startedAt);
      }
      run.requested = shipments.length;
      run.failed = adapter ? 0 : shipments.length;
      if (!adapter) count('disabled', shipments.length);
    } else {
      const askable = await screen(shipments, carrier, limits, trigger, run);
      const { batches, unqueryable } = planBatches(adapter, askable, limits.maxBatch);
      for (const shipment of unqueryable) {
        const reason = `${carrier} can only be tracked by ${adapter.queryBy.join(' or ')}`;
        await deps.store.shipments.patch(shipment.id, { nextPollAt: null, lastPollError: reason, nextPollReason: reason }, startedAt);
        run.requested += 1;
        run.failed += 1;
        count('unqueryable');
      }
      const affordable = await affordableBatches(batches, carrier, limits, run);
      await Promise.all(affordable.map((batch) => askAndRecord(adapter, batch, tickId, run, count)));
    }
    run.finishedAt = deps.now();
    run.failureSummary = failures.size === 0 ? null : [...failures].map(([k, n]) => `${k}:${n}`).join(',');
    if (run.failed > 0) log.warn({ carrier, failed: run.failed, failures: run.failureSummary }, 'carrier poll had failures');
    if (run.eventsAdded > 0) metrics.eventsIngested(carrier, run.eventsAdded);
    const { deferred: _deferred, ...stored } = run;
    await deps.store.pollRuns.record(stored);
    return run;
  }

  /**
   * Takes out what must not be asked now: parcels past the maximum tracking age (stopped), those
   * at their per-shipment daily cap, everything while the circuit is open; orders the rest for a tick.
   */
  async function screen(shipments: readonly Shipment[], carrier: string, limits: EffectiveLimits, trigger: PollRun['trigger'], run: CarrierRun): Promise<Shipment[]> {
    const now = deps.now();
    const outlived = shipments.filter((s) => hasOutlivedTracking(s.createdAt, now, deps.cadence));
    for (const s of outlived) {
      await deps.store.shipments.patch(s.id, { status: isTerminal(s.status) ? s.status : 'expired', ...(!isTerminal(s.status) && { substatus: null }), nextPollAt: null, nextPollReason: maxAgeReason(deps.cadence) }, now);
    }
    let askable = shipments.filter((s) => !outlived.includes(s));

    const cap = limits.perShipmentDaily;
    if (cap !== null) {
      const today = quotaDay(now, limits.quotaZone);
      const capped = askable.filter((s) => s.pollDay === today && s.pollsOnDay >= cap);
      if (capped.length > 0) {
        const resetsAt = nextQuotaReset(now, limits.quotaZone);
        await defer(capped, resetsAt, capReason(carrier, cap, resetsAt), run);
        askable = askable.filter((s) => !capped.includes(s));
      }
    }

    // An open circuit would refuse every batch anyway; saying so up front spares planning them.
    const circuit = await governor.circuit(carrier);
    if (askable.length > 0 && circuit.state === 'open' && circuit.nextProbeAt && now < circuit.nextProbeAt) {
      await defer(askable, circuit.nextProbeAt, circuitOpenReason(circuit.nextProbeAt), run);
      return [];
    }
    return trigger === 'tick' ? orderByPriority(askable, now) : askable;
  }

  /** Batches today's quota still covers, in priority order; the rest wait for the reset. */
  async function affordableBatches(batches: Batch[], carrier: string, limits: EffectiveLimits, run: CarrierRun): Promise<Batch[]> {
    if (limits.dailyQuota === null || batches.length === 0) return batches;
    const quota = await governor.quota(carrier);
    const left = quota.left ?? batches.length;
    if (batches.length <= left) return batches;
    const reason = quotaReason(carrier, quota.resetsAt ?? nextQuotaReset(deps.now(), limits.quotaZone));
    await defer(batches.slice(left).flatMap((b) => [...b.byNumber.values()]), quota.resetsAt, reason, run);
    return batches.slice(0, left);
  }

  async function askAndRecord(adapter: CarrierAdapter, batch: Batch, tickId: string, run: CarrierRun, count: (key: string) => void): Promise<void> {
    const carrier = adapter.code;
    const { asked, outcomes, deferred } = await askCarrier(callDeps, adapter, batch, tickId);
    for (const d of deferred) await defer(shipmentsOf(batch, d), d.until, d.reason, run);
    for (const number of asked) {
      const shipment = batch.byNumber.get(number);
      if (!shipment) continue;
      // A number the carrier left out of its answer is a malformed answer for that number.
      const outcome: TrackOutcome = outcomes.get(number) ?? { kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the carrier answer' } };
      run.requested += 1;
      try {
        const result = await recordOutcome(deps, shipment, outcome);
        run.eventsAdded += result.eventsAdded;
        run.eventsUnmapped += result.eventsUnmapped;
        if (outcome.kind === 'found') run.found += 1;
        else if (outcome.kind === 'not_found') run.notFound += 1;
        else {
          run.failed += 1;
          count(failureKey(outcome.failure));
        }
        metrics.pollOutcome(carrier, outcome.kind, outcome.kind === 'failed' ? outcome.failure.kind : undefined);
      } catch (error) {
        run.failed += 1;
        count('ingest');
        log.error({ err: error, shipmentId: shipment.id, carrier }, 'could not record a carrier outcome');
      }
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
    const summary: PollSummary = { tickId, shipments: shipments.length, found: 0, notFound: 0, failed: 0, deferred: 0, eventsAdded: 0 };
    for (const run of runs) {
      if (!run) continue;
      summary.found += run.found;
      summary.notFound += run.notFound;
      summary.failed += run.failed;
      summary.deferred += run.deferred;
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
      const started = clock.elapsed();
      const selected = await selectDue();
      const summary = await pollShipments(selected.take, 'tick');
      summary.shipments += selected.left;
      summary.deferred += selected.left;
      metrics.pollTick((clock.elapsed() - started) / 1000);
      log.info(summary, 'poll tick finished');
      return summary;
    },
    pollShipments,
  };

  /**
   * Due shipments, oldest due first; when there are more than a tick takes, the urgent ones are
   * fetched too and the most important go first. Those left over say why and stay due.
   */
  async function selectDue(): Promise<{ take: Shipment[]; left: number }> {
    const now = deps.now();
    const excluded = deps.registry.unpolledCodes().filter((c) => deps.registry.adapter(c));
    const due = await deps.store.shipments.due(now, deps.maxPerTick, excluded);
    if (due.length < deps.maxPerTick) return { take: due, left: 0 };
    const urgent = await deps.store.shipments.dueUrgent(now, dueUrgency(now), deps.maxPerTick, excluded);
    const ids = new Set(due.map((s) => s.id));
    const ordered = orderByPriority([...due, ...urgent.filter((s) => !ids.has(s.id))], now);
    const left = ordered.slice(deps.maxPerTick);
    for (const s of left) {
      await deps.store.shipments.patch(s.id, { nextPollReason: `deferred: more due than one tick takes (${deps.maxPerTick}); next tick` }, now);
    }
    return { take: ordered.slice(0, deps.maxPerTick), left: left.length };
  }
}

function shipmentsOf(batch: Batch, deferral: Deferral): Shipment[] {
  return deferral.numbers.flatMap((n) => batch.byNumber.get(n) ?? []);
}

/**
 * How a failure is counted in the run's summary (shown on GET /v1/carriers): its kind, and for a
 * throttle the carrier's reason when it gave one (17TRACK's exhausted quota is no passing 429).
 */
export function failureKey(failure: CarrierFailure): string {
  return failure.kind === 'rate_limited' && failure.detail ? `rate_limited (${failure.detail})` : failure.kind;
}
