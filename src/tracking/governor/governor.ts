/**
 * Keeps every polled carrier within its limits and out of trouble (issue 6 §1, §3): one
 * long-lived gate per carrier (concurrency and pacing, shared by poll ticks and API refreshes),
 * the daily quota and per-shipment cap (persisted, spent before each call), and the circuit
 * breaker (persisted, one probe at a time). The poller asks it before every request; the API and
 * /metrics read `health()`.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import type { CarrierRegistry } from '../../../carriers/registry.js';
import type { CarrierCircuit, Store } from '../../store/types.js';
import { realClock, type PollClock } from '../poll-clock.js';
import { createRateGate, type RateGate } from '../rate-gate.js';
import { afterFailure, afterSuccess, closedCircuit, DEFAULT_CIRCUIT, toHalfOpen, type CircuitSettings } from './circuit.js';
import { effectiveLimits, type LimitOverrides } from './limits.js';
import { isoMinute, nextQuotaReset, quotaDay } from './quota-day.js';
import type { CarrierGovernorView, CarrierHealth, EffectiveLimits } from './types.js';

export interface CarrierGovernorDeps {
  store: Pick<Store, 'quota' | 'circuits'>;
  registry: CarrierRegistry;
  now: () => Date;
  /** Per carrier code, from CARRIER_<CODE>_… settings. */
  limitOverrides?: Readonly<Record<string, LimitOverrides>>;
  circuit?: CircuitSettings;
  clock?: PollClock;
  /** Circuit openings and closings are logged here (a paused carrier is worth a warning). */
  logger?: Logger;
}

/** One carrier's gate: a concurrency slot around a batch, and pacing before each request in it. */
export interface CarrierGate {
  run<T>(fn: () => Promise<T>): Promise<T>;
  pace(): Promise<void>;
}

export type RequestResult = { ok: true } | { ok: false; kind: string };

export type Admission =
  | {
      ok: true;
      /** This request is the half-open circuit's one probe. */
      probe: boolean;
      /** Reports how the request went; closes or (re)opens the circuit. */
      done(result: RequestResult): Promise<void>;
      /** The request was not sent after all (no quota): lets the next caller probe. */
      cancel(): void;
    }
  | { ok: false; until: Date; reason: string };

export interface CallGrant {
  granted: boolean;
  /** Shipments at their per-shipment daily cap: not to be asked today. */
  capped: string[];
  resetsAt: Date;
}

export interface CarrierGovernor extends CarrierGovernorView {
  /** Effective limits of a configured carrier; null when it has no adapter. */
  limits(carrier: string): EffectiveLimits | null;
  gate(carrier: string): CarrierGate;
  circuit(carrier: string): Promise<CarrierCircuit>;
  /** Asks the circuit whether a request may go out now; a half-open circuit admits one probe at a time. */
  admit(carrier: string): Promise<Admission>;
  quota(carrier: string): Promise<CarrierHealth['quota']>;
  /** Spends one call of today's quota and a poll of each shipment under its daily cap. */
  reserveCall(carrier: string, shipmentIds: readonly string[]): Promise<CallGrant>;
}

export function circuitOpenReason(nextProbeAt: Date): string {
  return `circuit open: probe at ${isoMinute(nextProbeAt)}`;
}

export function createCarrierGovernor(deps: CarrierGovernorDeps): CarrierGovernor {
  const settings = deps.circuit ?? DEFAULT_CIRCUIT;
  const clock = deps.clock ?? realClock;
  const gates = new Map<string, CarrierGate>();
  const circuits = new Map<string, Promise<CarrierCircuit>>();
  const probes = new Map<string, Promise<void>>();

  function limits(carrier: string): EffectiveLimits | null {
    const adapter = deps.registry.adapter(carrier);
    return adapter ? effectiveLimits(adapter.limits, deps.limitOverrides?.[carrier]) : null;
  }

  function requireLimits(carrier: string): EffectiveLimits {
    const found = limits(carrier);
    if (!found) throw new Error(`carrier ${carrier} is not configured`);
    return found;
  }

  function gate(carrier: string): CarrierGate {
    let existing = gates.get(carrier);
    if (!existing) {
      const l = requireLimits(carrier);
      const limit: LimitFunction = pLimit(Math.max(1, Math.floor(l.concurrency)));
      const rate: RateGate = createRateGate(l.requestsPerSecond, clock);
      existing = { run: (fn) => limit(fn), pace: () => rate.wait() };
      gates.set(carrier, existing);
    }
    return existing;
  }

  function circuit(carrier: string): Promise<CarrierCircuit> {
    let loaded = circuits.get(carrier);
    if (!loaded) {
      loaded = deps.store.circuits.get(carrier).then((c) => c ?? closedCircuit(carrier, deps.now()));
      circuits.set(carrier, loaded);
      // A failed read is retried next time rather than cached.
      loaded.catch(() => circuits.delete(carrier));
    }
    return loaded;
  }

  async function store(next: CarrierCircuit): Promise<void> {
    circuits.set(next.carrier, Promise.resolve(next));
    await deps.store.circuits.save(next);
  }

  async function admit(carrier: string): Promise<Admission> {
    for (;;) {
      const current = await circuit(carrier);
      if (current.state === 'closed') return ticket(carrier, false, () => undefined);
      const probe = probes.get(carrier);
      if (probe) {
        // Another request is probing: its answer decides for this one too.
        await probe;
        continue;
      }
      const now = deps.now();
      if (current.state === 'open' && current.nextProbeAt && now < current.nextProbeAt) {
        return { ok: false, until: current.nextProbeAt, reason: circuitOpenReason(current.nextProbeAt) };
      }
      // Set before any await, so two callers can never both become the probe.
      let release: () => void = () => undefined;
      probes.set(carrier, new Promise<void>((resolve) => (release = resolve)));
      const finish = () => {
        probes.delete(carrier);
        release();
      };
      try {
        await store(toHalfOpen(current, now));
      } catch (error) {
        finish();
        throw error;
      }
      return ticket(carrier, true, finish);
    }
  }

  function ticket(carrier: string, probe: boolean, finish: () => void): Admission {
    let settled = false;
    return {
      ok: true,
      probe,
      async done(result) {
        if (settled) return;
        settled = true;
        try {
          const current = await circuit(carrier);
          // Only the probe speaks for a circuit that is not closed; a late answer to a request
          // sent before it opened does not.
          if (current.state !== 'closed' && !probe) return;
          const now = deps.now();
          const next = result.ok ? afterSuccess(current, now) : afterFailure(current, result.kind, now, settings);
          if (next === current) return;
          await store(next);
          if (next.state === 'open' && current.state !== 'open') {
            deps.logger?.warn({ carrier, consecutiveFailures: next.consecutiveFailures, lastFailureKind: next.lastFailureKind, nextProbeAt: next.nextProbeAt }, 'carrier paused: circuit open');
          } else if (next.state === 'closed' && current.state !== 'closed') {
            deps.logger?.info({ carrier }, 'carrier answers again: circuit closed');
          }
        } finally {
          finish();
        }
      },
      cancel() {
        if (settled) return;
        settled = true;
        finish();
      },
    };
  }

  async function quota(carrier: string): Promise<CarrierHealth['quota']> {
    const l = requireLimits(carrier);
    const now = deps.now();
    const day = quotaDay(now, l.quotaZone);
    const used = await deps.store.quota.usedOn(carrier, day);
    return {
      day,
      used,
      limit: l.dailyQuota,
      left: l.dailyQuota === null ? null : Math.max(0, l.dailyQuota - used),
      resetsAt: nextQuotaReset(now, l.quotaZone),
    };
  }

  return {
    limits,
    gate,
    circuit,
    admit,
    quota,
    async reserveCall(carrier, shipmentIds) {
      const l = requireLimits(carrier);
      const now = deps.now();
      const result = await deps.store.quota.reserveCall({
        carrier,
        day: quotaDay(now, l.quotaZone),
        dailyQuota: l.dailyQuota,
        perShipmentDaily: l.perShipmentDaily,
        shipmentIds,
        now,
      });
      return { ...result, resetsAt: nextQuotaReset(now, l.quotaZone) };
    },
    async health() {
      const polled = deps.registry.enabledCodes().filter((c) => (deps.registry.adapter(c)?.queryBy.length ?? 0) > 0);
      return Promise.all(
        polled.map(async (carrier): Promise<CarrierHealth> => {
          const c = await circuit(carrier);
          return {
            carrier,
            limits: requireLimits(carrier),
            circuit: { state: c.state, consecutiveFailures: c.consecutiveFailures, openedAt: c.openedAt, nextProbeAt: c.nextProbeAt, lastFailureKind: c.lastFailureKind },
            quota: await quota(carrier),
          };
        }),
      );
    },
  };
}
