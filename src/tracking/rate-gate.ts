/**
 * Spaces request starts at least 1/rps apart for one carrier. Issue-level precision (token buckets,
 * shared across processes) belongs to the poller's later work; this keeps a tick within limits.
 */
export interface RateGate {
  /** Resolves when the caller may start its request. */
  wait(): Promise<void>;
}

export function createRateGate(requestsPerSecond: number, sleep: (ms: number) => Promise<void> = defaultSleep): RateGate {
  const spacing = 1000 / requestsPerSecond;
  let nextSlot = 0;
  return {
    async wait() {
      const now = Date.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + spacing;
      if (slot > now) await sleep(slot - now);
    },
  };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
