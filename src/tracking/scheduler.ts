/**
 * Runs the poller on POLL_CRON. Ticks never overlap: a tick that comes while one is in flight is
 * skipped. stop() waits for the tick in flight, so shutdown never cuts a write in half.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Poller, PollSummary } from './poller.js';

export interface PollScheduler {
  start(): void;
  /** Runs one tick now (unless one is running) and resolves when it is done. */
  runNow(): Promise<PollSummary | null>;
  isRunning(): boolean;
  stop(): Promise<void>;
}

export function createPollScheduler(poller: Poller, options: { cron: string; timeZone: string; logger: Logger }): PollScheduler {
  const log = options.logger.child({ component: 'scheduler' });
  let task: ScheduledTask | null = null;
  let inFlight: Promise<PollSummary | null> | null = null;
  let stopped = false;

  function tick(): Promise<PollSummary | null> {
    if (stopped) return Promise.resolve(null);
    if (inFlight) {
      log.debug('previous poll tick still running; skipping this one');
      return Promise.resolve(null);
    }
    inFlight = poller
      .pollDue()
      .catch((error: unknown) => {
        log.error({ err: error }, 'poll tick failed');
        return null;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    start() {
      if (task) return;
      stopped = false;
      task = cron.schedule(options.cron, () => void tick(), { timezone: options.timeZone, name: 'poll' });
    },
    runNow: tick,
    isRunning: () => inFlight !== null,
    async stop() {
      stopped = true;
      if (task) {
        await task.destroy();
        task = null;
      }
      if (inFlight) await inFlight;
    },
  };
}
