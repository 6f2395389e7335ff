/**
 * The sandbox carrier's adapter: splits a batch into requests of at most 50 numbers, sends them
 * one after another (the poller owns concurrency across batches) and keeps every number's outcome
 * apart. Expected failures are values, never throws.
 */
import { failAll, type CarrierAdapter, type CarrierDeps, type TrackContext, type TrackOutcome } from '../contract.js';
import { requestTracking } from './client.js';
import type { SandboxConfig } from './config.js';
import { recognisesSandboxNumber } from './numbers.js';
import { parseTrackResponse } from './parse.js';
import { SANDBOX_MAX_BATCH, trackResponseSchema } from './wire.js';

export const SANDBOX_LIMITS = { maxBatch: SANDBOX_MAX_BATCH, requestsPerSecond: 10, concurrency: 4 } as const;

export function createSandboxAdapter(config: SandboxConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });

  async function trackChunk(numbers: readonly string[], ctx: TrackContext): Promise<Map<string, TrackOutcome>> {
    const answer = await requestTracking(deps.http, config, { numbers, by: ctx.by, signal: ctx.signal, now: deps.now });
    if (!answer.ok) {
      logger.warn({ failure: answer.failure, numbers: numbers.length }, 'sandbox track request failed');
      return failAll(numbers, answer.failure);
    }
    const parsed = trackResponseSchema.safeParse(answer.body);
    if (!parsed.success) {
      // Only the paths of the failing fields: the body itself may carry personal data.
      const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
      const failure = { kind: 'malformed', detail: `track response does not match the expected shape at ${where}` } as const;
      logger.warn({ failure, numbers: numbers.length }, 'sandbox track response malformed');
      return failAll(numbers, failure);
    }
    return parseTrackResponse(parsed.data, numbers, ctx.by);
  }

  return {
    code: 'sandbox',
    displayName: 'Sandbox Kargo',
    limits: SANDBOX_LIMITS,
    queryBy: ['trackingNumber', 'reference'],
    recognises: recognisesSandboxNumber,
    async track(numbers, ctx) {
      const outcomes = new Map<string, TrackOutcome>();
      const unique = [...new Set(numbers)];
      for (let start = 0; start < unique.length; start += SANDBOX_MAX_BATCH) {
        const chunk = unique.slice(start, start + SANDBOX_MAX_BATCH);
        for (const [number, outcome] of await trackChunk(chunk, ctx)) outcomes.set(number, outcome);
      }
      return outcomes;
    },
  };
}
