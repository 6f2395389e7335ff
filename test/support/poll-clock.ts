import type { PollClock } from '../../src/tracking/poll-clock.js';

/**
 * Virtual time for the poller's pacing and back-off: `sleep` never waits for real. Sleepers wake
 * in order of their due time, one per macrotask turn, so everything else that is ready runs
 * first; time jumps straight to the next due sleeper. `sleeps` records every requested sleep.
 */
export function fakePollClock(): PollClock & { sleeps: number[]; advance(ms: number): void } {
  let now = 0;
  const sleeps: number[] = [];
  const timers: { due: number; seq: number; wake: () => void }[] = [];
  let seq = 0;
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const next = timers.shift();
    if (!next) return;
    now = Math.max(now, next.due);
    next.wake();
    if (timers.length > 0) schedule();
  }
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    sleeps,
    elapsed: () => now,
    advance(ms) {
      now += ms;
    },
    sleep(ms) {
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        timers.push({ due: now + Math.max(0, ms), seq: seq++, wake: resolve });
        schedule();
      });
    },
  };
}

/** Most starts found in any half-open window [t, t + windowMs) of these start times. */
export function mostStartsInWindow(starts: readonly number[], windowMs = 1000): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  sorted.forEach((start, i) => {
    // The window that ends just after this start begins after every start >= windowMs earlier.
    while (start - (sorted[first] ?? start) >= windowMs) first += 1;
    most = Math.max(most, i - first + 1);
  });
  return most;
}
