/**
 * One batch to one carrier, within every limit (issue 6 §1, §3): a concurrency slot of the
 * carrier's gate, the circuit's admission, a call of today's quota, pacing, then the adapter under
 * a batch deadline, its answers captured so a malformed one is quarantined. A batch the carrier
 * could not answer (5xx, timeout) is asked again up to `retries` times with exponential back-off
 * and full jitter; a throttle with a short Retry-After is waited out once. Longer waits go back to
 * the shipment's own schedule (ingest honours Retry-After).
 */
import type { Logger } from 'pino';
import { failAll, type CarrierAdapter, type CarrierFailure, type TrackContext, type TrackOutcome } from '../../carriers/contract.js';
import type { Metrics } from '../metrics/types.js';
import type { Store } from '../store/types.js';
import type { Batch } from './batches.js';
import { countsAgainstCircuit } from './governor/circuit.js';
import type { CarrierGovernor } from './governor/governor.js';
import { isoMinute } from './governor/quota-day.js';
import type { PollClock } from './poll-clock.js';
import { captureResponses, quarantineMalformed } from './quarantine.js';

export interface CallSettings {
  /** Extra attempts for a batch that failed `unavailable`. */
  retries: number;
  /** First back-off step; each retry doubles it, and full jitter picks in [0, step). */
  backoffBaseMs: number;
  /** A throttle asking to wait at most this long is waited out once within the tick. */
  shortRetryAfterMs: number;
  /** Longest one adapter call (all its HTTP calls) may take before it counts as unavailable. */
  batchDeadlineMs: number;
}

export const DEFAULT_CALL: CallSettings = Object.freeze({ retries: 2, backoffBaseMs: 500, shortRetryAfterMs: 10_000, batchDeadlineMs: 60_000 });

export interface CarrierCallDeps {
  store: Store;
  governor: CarrierGovernor;
  metrics: Metrics;
  clock: PollClock;
  random: () => number;
  now: () => Date;
  logger: Logger;
  call: CallSettings;
}

export interface Deferral {
  numbers: string[];
  until: Date;
  reason: string;
}

export interface BatchResult {
  /** Numbers sent in the request whose answer counts (empty when nothing was asked). */
  asked: string[];
  /** The carrier's answer per number asked; a number missing here is the carrier's omission. */
  outcomes: Map<string, TrackOutcome>;
  /** Numbers not asked, with when to try again and why. */
  deferred: Deferral[];
}

export async function askCarrier(deps: CarrierCallDeps, adapter: CarrierAdapter, batch: Batch, tickId: string): Promise<BatchResult> {
  const carrier = adapter.code;
  const gate = deps.governor.gate(carrier);
  return gate.run(async () => {
    const deferred: Deferral[] = [];
    let numbers = batch.numbers;
    let last: Map<string, TrackOutcome> | null = null;
    let retries = 0;
    let waitedOutThrottle = false;
    for (;;) {
      const admission = await deps.governor.admit(carrier);
      if (!admission.ok) {
        if (last) return { asked: numbers, outcomes: last, deferred };
        deferred.push({ numbers, until: admission.until, reason: admission.reason });
        return { asked: [], outcomes: new Map(), deferred };
      }
      const grant = await deps.governor.reserveCall(carrier, numbers.map((n) => batch.byNumber.get(n)?.id ?? n));
      if (grant.capped.length > 0) {
        const capped = new Set(grant.capped);
        const atCap = numbers.filter((n) => capped.has(batch.byNumber.get(n)?.id ?? n));
        numbers = numbers.filter((n) => !capped.has(batch.byNumber.get(n)?.id ?? n));
        if (!last) deferred.push({ numbers: atCap, until: grant.resetsAt, reason: capReason(carrier, deps.governor.limits(carrier)?.perShipmentDaily ?? null, grant.resetsAt) });
      }
      if (!grant.granted) {
        admission.cancel();
        if (last) return { asked: numbers, outcomes: last, deferred };
        if (numbers.length > 0) deferred.push({ numbers, until: grant.resetsAt, reason: quotaReason(carrier, grant.resetsAt) });
        return { asked: [], outcomes: new Map(), deferred };
      }

      await gate.pace();
      const started = deps.clock.elapsed();
      const outcomes = await callAdapter(deps, adapter, batch, numbers, tickId);
      const failure = sharedFailure(outcomes, numbers);
      deps.metrics.carrierRequest(carrier, (deps.clock.elapsed() - started) / 1000, failure === null);
      await admission.done(failure && countsAgainstCircuit(failure) ? { ok: false, kind: failure.kind } : { ok: true });
      last = outcomes;

      if (failure?.kind === 'unavailable' && retries < deps.call.retries) {
        const step = deps.call.backoffBaseMs * 2 ** retries;
        retries += 1;
        await deps.clock.sleep(deps.random() * step);
        continue;
      }
      if (failure?.kind === 'rate_limited' && !waitedOutThrottle && failure.retryAfterMs !== undefined && failure.retryAfterMs <= deps.call.shortRetryAfterMs) {
        waitedOutThrottle = true;
        await deps.clock.sleep(failure.retryAfterMs);
        continue;
      }
      return { asked: numbers, outcomes, deferred };
    }
  });
}

async function callAdapter(deps: CarrierCallDeps, adapter: CarrierAdapter, batch: Batch, numbers: string[], tickId: string): Promise<Map<string, TrackOutcome>> {
  const services = new Map<string, string>();
  for (const number of numbers) {
    const service = batch.byNumber.get(number)?.carrierService;
    if (service) services.set(number, service);
  }
  const controller = new AbortController();
  const ctx: TrackContext = services.size > 0 ? { by: batch.by, services, signal: controller.signal } : { by: batch.by, signal: controller.signal };
  let timer: NodeJS.Timeout | undefined;
  // Each HTTP call has its own timeout; the deadline also bounds token fetches, one-by-one loops
  // and an adapter that forgets the signal, so a tick can never hang on one carrier.
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('deadline');
    }, deps.call.batchDeadlineMs);
    timer.unref();
  });
  try {
    const call = captureResponses(() => adapter.track(numbers, ctx));
    const answer = await Promise.race([call, deadline]);
    if (answer === 'deadline') {
      call.catch(() => undefined);
      return failAll(numbers, { kind: 'unavailable', detail: `no answer within the batch deadline (${deps.call.batchDeadlineMs} ms)` });
    }
    // A number the carrier left out of its answer is an unreadable answer too: name it so the
    // quarantine keeps the body that lacked it.
    for (const number of numbers) {
      if (!answer.result.has(number)) answer.result.set(number, { kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the carrier answer' } });
    }
    try {
      await quarantineMalformed(deps.store, { carrier: adapter.code, tickId, outcomes: answer.result, responses: answer.responses, now: deps.now() });
    } catch (error) {
      // Diagnosis storage failing must not cost the answers that were read.
      deps.logger.error({ err: error, carrier: adapter.code }, 'could not quarantine a malformed carrier answer');
    }
    return answer.result;
  } catch (error) {
    // Adapters return expected failures as values; a throw is a bug, so keep the tick alive and say so.
    deps.logger.error({ err: error, carrier: adapter.code }, 'carrier adapter threw instead of returning a failure');
    return failAll(numbers, { kind: 'unavailable', detail: 'adapter error' });
  } finally {
    clearTimeout(timer);
  }
}

/** The failure every number of the request shares (a request-level failure), else null. */
export function sharedFailure(outcomes: ReadonlyMap<string, TrackOutcome>, numbers: readonly string[]): CarrierFailure | null {
  let shared: CarrierFailure | null = null;
  for (const number of numbers) {
    const outcome = outcomes.get(number);
    if (outcome?.kind !== 'failed') return null;
    if (shared && shared.kind !== outcome.failure.kind) return null;
    shared ??= outcome.failure;
  }
  return shared;
}

export function quotaReason(carrier: string, resetsAt: Date): string {
  return `deferred: ${carrier} daily quota spent, resets ${isoMinute(resetsAt)}`;
}

export function capReason(carrier: string, cap: number | null, resetsAt: Date): string {
  return `deferred: ${cap ?? 'all'} polls of this shipment today (${carrier} limit), resets ${isoMinute(resetsAt)}`;
}
