import { createRateGate } from '../../../src/tracking/rate-gate.js';
import { fakePollClock, mostStartsInWindow } from '../../support/poll-clock.js';

async function startsThrough(requestsPerSecond: number, callers: number, concurrent: boolean) {
  const clock = fakePollClock();
  const gate = createRateGate(requestsPerSecond, clock);
  const starts: number[] = [];
  const take = async () => {
    await gate.wait();
    starts.push(clock.elapsed());
  };
  if (concurrent) await Promise.all(Array.from({ length: callers }, take));
  else for (let i = 0; i < callers; i += 1) await take();
  return starts;
}

describe('rate gate', () => {
  it.each([1, 2, 2.5, 3, 7, 10, 0.5])('never lets more than ceil(%s) requests start in any 1-second window', async (rps) => {
    const starts = await startsThrough(rps, 60, true);
    expect(starts).toHaveLength(60);
    expect(mostStartsInWindow(starts)).toBeLessThanOrEqual(Math.ceil(rps));
    // And it does not hold back either: 60 starts take (60 - 1) spacings, give or take rounding.
    expect(starts.at(-1)).toBeCloseTo((59 * 1000) / rps, 0);
  });

  it('paces callers that come one after another as it paces a crowd', async () => {
    const starts = await startsThrough(4, 20, false);
    expect(mostStartsInWindow(starts)).toBeLessThanOrEqual(4);
    expect(starts.slice(0, 3)).toEqual([0, 250, 500]);
  });

  it('lets a request start at once after a quiet spell, without a burst beyond the limit', async () => {
    const clock = fakePollClock();
    const gate = createRateGate(2, clock);
    const starts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await gate.wait();
      starts.push(clock.elapsed());
    }
    clock.advance(10_000);
    const quietEnd = clock.elapsed();
    await Promise.all(
      [0, 1, 2].map(async () => {
        await gate.wait();
        starts.push(clock.elapsed());
      }),
    );
    expect(starts.slice(3)).toEqual([quietEnd, quietEnd + 500, quietEnd + 1000]);
    expect(mostStartsInWindow(starts)).toBeLessThanOrEqual(2);
  });

  it('starts late rather than early when a timer wakes early', async () => {
    const clock = fakePollClock();
    // Wakes after 90 % of the time asked for, as a coarse timer might.
    const early = { ...clock, sleep: (ms: number) => clock.sleep(ms * 0.9) };
    const gate = createRateGate(5, early);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        await gate.wait();
        starts.push(clock.elapsed());
      }),
    );
    expect(mostStartsInWindow(starts)).toBeLessThanOrEqual(5);
    starts.slice(1).forEach((s, i) => expect(s - (starts[i] ?? 0)).toBeGreaterThanOrEqual(200));
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => createRateGate(0)).toThrow(/requestsPerSecond must be a positive number/);
    expect(() => createRateGate(Number.NaN)).toThrow(/requestsPerSecond/);
  });
});
