/**
 * Paces request starts for one carrier so that no 1-second window (half-open, [t, t + 1 s)) ever
 * holds more than ceil(requestsPerSecond) starts, and starts are at least 1/rps apart on average.
 * Callers take their turn one after another, and a start is recorded when it happens rather than
 * when it was planned: a timer that wakes late can then never squeeze two starts together.
 */
import { realClock, type PollClock } from './poll-clock.js';

export interface RateGate {
  /** Resolves when the caller may start its request (now counted as started). */
  wait(): Promise<void>;
}

/** Spacing only keeps the average; a rounding error's worth of it must not cost a whole extra sleep. */
const SPACING_TOLERANCE_MS = 0.001;
const MIN_SLEEP_MS = 0.01;

export function createRateGate(requestsPerSecond: number, clock: PollClock = realClock): RateGate {
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) throw new RangeError(`requestsPerSecond must be a positive number, got ${requestsPerSecond}`);
  const spacing = 1000 / requestsPerSecond;
  const perWindow = Math.ceil(requestsPerSecond);
  // The latest starts, oldest first; at most perWindow are needed to judge the window.
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function takeTurn(): Promise<void> {
    for (;;) {
      const now = clock.elapsed();
      const last = starts.at(-1);
      const windowStart = starts.length >= perWindow ? starts[starts.length - perWindow] : undefined;
      // Spacing keeps the average rate; the window check keeps float rounding of the spacing
      // (1000 / 3 …) from ever fitting one start too many into a second.
      // Judged on differences, as anyone measuring the starts would: `windowStart + 1000` can round
      // to a time whose distance from windowStart is a hair under 1000.
      const spacingLeft = last === undefined ? 0 : spacing - (now - last);
      const windowLeft = windowStart === undefined ? 0 : 1000 - (now - windowStart);
      if (spacingLeft <= SPACING_TOLERANCE_MS && windowLeft <= 0) {
        starts.push(now);
        if (starts.length > perWindow) starts.shift();
        return;
      }
      // Never a zero sleep: a clock that wakes a little early then still makes progress.
      await clock.sleep(Math.max(MIN_SLEEP_MS, spacingLeft, windowLeft));
    }
  }

  return {
    wait() {
      const turn = queue.then(takeTurn);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
