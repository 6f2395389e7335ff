import type { CarrierAdapter, CarrierDefinition, CarrierLimits, TrackContext, TrackOutcome } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry, type CarrierRegistry } from '../../carriers/registry.js';
import { silentLogger } from './logger.js';

export interface ScriptedCall {
  numbers: string[];
  /** PollClock time the request started. */
  at: number;
  /** Requests of this carrier already in flight when this one started. */
  alongside: number;
  signal: AbortSignal | undefined;
}

/**
 * A carrier whose answers a test scripts per call: `answer(number, callIndex)` decides each
 * number's outcome. It records every request with its start time on the given clock, so limits,
 * retries and the circuit can be observed without a network.
 */
export function scriptedCarrier(code: string, limits: CarrierLimits, elapsed: () => number) {
  const state = {
    calls: [] as ScriptedCall[],
    inFlight: 0,
    answer: (_number: string, _call: number): TrackOutcome => ({ kind: 'not_found' }),
    /** Numbers the carrier leaves out of its answer, as a careless carrier does. */
    omits: (_number: string): boolean => false,
    /** Resolves when a request may answer; null answers at once. */
    hold: null as ((ctx: TrackContext) => Promise<void>) | null,
  };
  const adapter: CarrierAdapter = {
    code,
    displayName: code,
    limits,
    queryBy: ['trackingNumber'],
    recognises: () => false,
    async track(numbers, ctx) {
      const call = state.calls.length;
      state.calls.push({ numbers: [...numbers], at: elapsed(), alongside: state.inFlight, signal: ctx.signal });
      state.inFlight += 1;
      try {
        if (state.hold) await state.hold(ctx);
        return new Map(numbers.filter((n) => !state.omits(n)).map((n) => [n, state.answer(n, call)]));
      } finally {
        state.inFlight -= 1;
      }
    },
  };
  return { state, adapter, definition: alwaysEnabled(adapter) };
}

export function scriptedRegistry(carriers: readonly { definition: CarrierDefinition<never> }[], now: () => Date): CarrierRegistry {
  return buildCarrierRegistry(
    Object.fromEntries(carriers.map((c) => [c.definition.code, { enabled: true as const, config: undefined }])),
    { http: createCarrierHttp(), now, logger: silentLogger() },
    carriers.map((c) => c.definition),
  );
}

/** A registry entry for a test's hand-made adapter: always enabled, needs no configuration. */
export function alwaysEnabled(adapter: CarrierAdapter): CarrierDefinition<never> {
  return {
    code: adapter.code,
    displayName: adapter.displayName,
    enableWith: [],
    recognises: () => false,
    loadConfig: () => ({ enabled: true, config: undefined as never }),
    create: () => adapter,
  };
}
