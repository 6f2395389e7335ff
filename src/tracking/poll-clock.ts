/**
 * Elapsed time and sleeping for the poller's pacing, back-off and durations. It is not the
 * business clock (`now()`, which tests freeze): pacing must run on real elapsed time, and tests
 * swap in a fake that advances only when something sleeps.
 */
export interface PollClock {
  /** Milliseconds on a monotonic clock; only differences mean anything. */
  elapsed(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PollClock = {
  elapsed: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
