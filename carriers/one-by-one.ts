import type { CarrierFailure, TrackOutcome } from './contract.js';

/**
 * For carriers that take one number per call: asks for each in turn. Bad credentials or a
 * throttle hold for the whole account, so after one the rest share that failure without being
 * asked (no point hammering the carrier); any other failure stays with its own number.
 */
export async function trackOneByOne(numbers: readonly string[], trackOne: (number: string) => Promise<TrackOutcome>): Promise<Map<string, TrackOutcome>> {
  const outcomes = new Map<string, TrackOutcome>();
  let accountFailure: CarrierFailure | null = null;
  for (const number of new Set(numbers)) {
    const outcome: TrackOutcome = accountFailure ? { kind: 'failed', failure: accountFailure } : await trackOne(number);
    if (outcome.kind === 'failed' && (outcome.failure.kind === 'auth' || outcome.failure.kind === 'rate_limited')) accountFailure = outcome.failure;
    outcomes.set(number, outcome);
  }
  return outcomes;
}
