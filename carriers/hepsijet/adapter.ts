/**
 * HepsiJet's adapter. One barcode per request: both documented track bodies take a list, but no
 * source shows a field in the answer that says which item belongs to which barcode (research §6),
 * so a batch could not be split back safely. Numbers are asked one after another; a failure that
 * concerns the account (auth, rate limit) fails the numbers not yet asked without asking them.
 * Expected failures are values, never throws.
 */
import type { CarrierAdapter, CarrierDeps, CarrierFailure, TrackOutcome } from '../contract.js';
import { createHepsijetClient } from './client.js';
import type { HepsijetConfig } from './config.js';
import { detectsHepsijetNumber } from './numbers.js';
import { parseTrackAnswer } from './parse.js';
import { trackResponseSchema } from './wire.js';

/** Undocumented limits (research §6, §10): one barcode per request, gently paced. */
export const HEPSIJET_LIMITS = { maxBatch: 1, requestsPerSecond: 2, concurrency: 2 } as const;
export const HEPSIJET_DISPLAY_NAME = 'HepsiJet';

export function createHepsijetAdapter(config: HepsijetConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  const client = createHepsijetClient(deps.http, config, deps.now);

  return {
    code: 'hepsijet',
    displayName: HEPSIJET_DISPLAY_NAME,
    limits: HEPSIJET_LIMITS,
    // customerDeliveryNo is both; a shop that registered only its reference is asked by it.
    queryBy: ['trackingNumber', 'reference'],
    recognises: detectsHepsijetNumber,
    async track(numbers, ctx) {
      const outcomes = new Map<string, TrackOutcome>();
      let accountFailure: CarrierFailure | null = null;
      for (const barcode of new Set(numbers)) {
        if (accountFailure) {
          outcomes.set(barcode, { kind: 'failed', failure: accountFailure });
          continue;
        }
        const answer = await client.track([barcode], ctx.signal);
        if (!answer.ok) {
          logger.warn({ failure: answer.failure }, 'hepsijet track request failed');
          if (answer.failure.kind === 'auth' || answer.failure.kind === 'rate_limited') accountFailure = answer.failure;
          outcomes.set(barcode, { kind: 'failed', failure: answer.failure });
          continue;
        }
        const parsed = trackResponseSchema.safeParse(answer.body);
        if (!parsed.success) {
          // Only the paths of the failing fields: the body may carry personal data.
          const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
          const failure = { kind: 'malformed', detail: `track response does not match the expected shape at ${where}` } as const;
          logger.warn({ failure }, 'hepsijet track response malformed');
          outcomes.set(barcode, { kind: 'failed', failure });
          continue;
        }
        const outcome = parseTrackAnswer(parsed.data, barcode, ctx.by);
        if (outcome.kind === 'failed') {
          logger.warn({ failure: outcome.failure }, 'hepsijet answered with an error for one number');
          if (outcome.failure.kind === 'auth') accountFailure = outcome.failure;
        }
        outcomes.set(barcode, outcome);
      }
      return outcomes;
    },
  };
}
