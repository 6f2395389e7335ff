import type { TrackOutcome } from '../../carriers/contract.js';

/** The outcome as found, or the test fails naming what came instead. */
export function found(outcome: TrackOutcome | undefined): Extract<TrackOutcome, { kind: 'found' }> {
  if (outcome?.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/**
 * Keeps the details of the failures an adapter test file sees, for its closing check that no
 * credential or personal datum reaches a failure detail. `remember` passes the outcome through.
 */
export function failureLog(): { details: string[]; remember(outcome: TrackOutcome | undefined): TrackOutcome | undefined } {
  const details: string[] = [];
  return {
    details,
    remember(outcome) {
      if (outcome?.kind === 'failed') details.push(JSON.stringify(outcome.failure));
      return outcome;
    },
  };
}
