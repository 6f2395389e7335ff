/**
 * The 17TRACK API v2.2 adapter: the long tail, for carriers shipwatch has no direct adapter for.
 * 17TRACK only reports numbers registered with it, so a number it does not know yet is registered
 * on the spot and reported as found without events (pending); 17TRACK then refreshes it by itself
 * every 6–12 hours [S] and later polls read the history. Expected failures are values, never throws.
 */
import { z } from 'zod';
import { failAll, type CarrierAdapter, type CarrierDeps, type TrackContext, type TrackOutcome } from '../contract.js';
import { otherPostConfidence } from '../detection/index.js';
import { createSeventeenTrackClient, failureOfCode } from './client.js';
import type { SeventeenTrackConfig } from './config.js';
import { parseTrackInfo } from './parse.js';
import {
  acceptedSchema,
  ERROR,
  GETTRACKINFO_PATH,
  MAX_NUMBERS_PER_REQUEST,
  REGISTER_PATH,
  rejectedSchema,
  type TrackItemRequest,
} from './wire.js';

/**
 * 40 numbers per request [C]. 17TRACK allows 3 requests a second per key [S]; shipwatch asks at
 * 2 a second, one request at a time, since a batch with new numbers makes a second (register)
 * call, and the client spaces every call as well (client.ts).
 */
export const SEVENTEEN_TRACK_LIMITS = { maxBatch: MAX_NUMBERS_PER_REQUEST, requestsPerSecond: 2, concurrency: 1 } as const;

export const SEVENTEEN_TRACK_DISPLAY_NAME = '17TRACK (any carrier)';

/** Registered, nothing known yet: the shipment stays pending until 17TRACK has news. */
function registered(): TrackOutcome {
  return { kind: 'found', events: [] };
}

const numberOnly = z.object({ number: z.union([z.string(), z.number()]).transform(String) });

export function createSeventeenTrackAdapter(config: SeventeenTrackConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  const client = createSeventeenTrackClient(deps.http, config, deps.now);

  /** The shop's 17TRACK carrier code (`carrierService`) when it is one: a number. */
  function requestItem(number: string, services: TrackContext['services']): TrackItemRequest {
    const code = services?.get(number)?.trim() ?? '';
    return /^\d{1,9}$/.test(code) ? { number, carrier: Number(code) } : { number };
  }

  /** One line per batch, not per number: the first failure stands for the rest. */
  function logFailures(outcomes: ReadonlyMap<string, TrackOutcome>): void {
    const failures = [...outcomes.values()].flatMap((o) => (o.kind === 'failed' ? [o.failure] : []));
    if (failures.length > 0) logger.warn({ failed: failures.length, failure: failures[0] }, '17track could not track some numbers');
  }

  async function trackChunk(numbers: readonly string[], ctx: TrackContext): Promise<Map<string, TrackOutcome>> {
    const answer = await client.post(GETTRACKINFO_PATH, numbers.map((n) => requestItem(n, ctx.services)), ctx.signal);
    if (answer.kind === 'failed') {
      logger.warn({ failure: answer.failure, numbers: numbers.length }, '17track gettrackinfo request failed');
      return failAll(numbers, answer.failure);
    }
    const asked = askedNumbers(numbers);
    const outcomes = new Map<string, TrackOutcome>();
    for (const raw of answer.accepted) {
      const number = asked(numberOnly.safeParse(raw).data?.number);
      if (number === undefined || outcomes.has(number)) continue;
      const item = acceptedSchema.safeParse(raw);
      outcomes.set(number, item.success ? parseTrackInfo(item.data.track_info) : { kind: 'failed', failure: { kind: 'malformed', detail: '17TRACK track_info is unreadable' } });
    }
    const unregistered: string[] = [];
    for (const raw of answer.rejected) {
      const item = rejectedSchema.safeParse(raw);
      const number = asked(item.data?.number);
      if (!item.success || number === undefined || outcomes.has(number)) continue;
      const code = item.data.error.code;
      if (code === ERROR.NOT_REGISTERED) unregistered.push(number);
      // "No tracking information yet" [S]: known to 17TRACK, nothing to report; stays pending [I].
      else outcomes.set(number, code === ERROR.ALREADY_REGISTERED || code === ERROR.NO_DATA_YET ? registered() : failed(code));
    }
    if (unregistered.length > 0) {
      for (const [number, outcome] of await register(unregistered, ctx)) outcomes.set(number, outcome);
    }
    for (const number of numbers) {
      if (!outcomes.has(number)) outcomes.set(number, { kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the 17TRACK answer' } });
    }
    logFailures(outcomes);
    return outcomes;
  }

  /** One `register` call for every number 17TRACK did not know (quota: one per accepted number). */
  async function register(numbers: readonly string[], ctx: TrackContext): Promise<Map<string, TrackOutcome>> {
    const answer = await client.post(REGISTER_PATH, numbers.map((n) => requestItem(n, ctx.services)), ctx.signal);
    if (answer.kind === 'failed') {
      logger.warn({ failure: answer.failure, numbers: numbers.length }, '17track register request failed');
      return failAll(numbers, answer.failure);
    }
    const asked = askedNumbers(numbers);
    const outcomes = new Map<string, TrackOutcome>();
    for (const raw of answer.accepted) {
      const number = asked(numberOnly.safeParse(raw).data?.number);
      if (number !== undefined) outcomes.set(number, registered());
    }
    for (const raw of answer.rejected) {
      const item = rejectedSchema.safeParse(raw);
      const number = asked(item.data?.number);
      if (!item.success || number === undefined || outcomes.has(number)) continue;
      outcomes.set(number, item.data.error.code === ERROR.ALREADY_REGISTERED ? registered() : failed(item.data.error.code));
    }
    for (const number of numbers) {
      if (!outcomes.has(number)) outcomes.set(number, { kind: 'failed', failure: { kind: 'malformed', detail: 'number missing from the 17TRACK register answer' } });
    }
    const count = [...outcomes.values()].filter((o) => o.kind === 'found').length;
    if (count > 0) logger.info({ registered: count }, 'registered new numbers with 17track');
    return outcomes;
  }

  return {
    code: '17track',
    displayName: SEVENTEEN_TRACK_DISPLAY_NAME,
    limits: SEVENTEEN_TRACK_LIMITS,
    queryBy: ['trackingNumber'],
    // Only other posts' S10 numbers; otherwise registration routes unknown numbers here.
    recognises: (n) => otherPostConfidence(n) > 0,
    async track(numbers, ctx) {
      const unique = [...new Set(numbers)];
      const outcomes = new Map<string, TrackOutcome>();
      // The poller already batches by maxBatch (40); a longer list is split so -18010014 cannot happen.
      for (let i = 0; i < unique.length; i += MAX_NUMBERS_PER_REQUEST) {
        for (const [number, outcome] of await trackChunk(unique.slice(i, i + MAX_NUMBERS_PER_REQUEST), ctx)) outcomes.set(number, outcome);
      }
      return outcomes;
    },
  };
}

function failed(code: number): TrackOutcome {
  return { kind: 'failed', failure: failureOfCode(code) };
}

/** Finds the asked number an answer item names (17TRACK may change the letter case). */
function askedNumbers(numbers: readonly string[]): (answered: string | undefined) => string | undefined {
  const byKey = new Map(numbers.map((n) => [n.toUpperCase(), n]));
  return (answered) => (answered === undefined ? undefined : byKey.get(answered.trim().toUpperCase()));
}
