/**
 * A job on a cron schedule that never overlaps itself: a tick that comes while a run is in flight
 * is skipped. stop() waits for the run in flight, so shutdown never cuts a write in half.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';

export interface CronJob<T> {
  start(): void;
  /** Runs now (unless a run is in flight, then null) and resolves when done. */
  runNow(): Promise<T | null>;
  isRunning(): boolean;
  stop(): Promise<void>;
}

export function createCronJob<T>(options: { name: string; cron: string; timeZone: string; logger: Logger; run: () => Promise<T> }): CronJob<T> {
  const log = options.logger.child({ component: options.name });
  let task: ScheduledTask | null = null;
  let inFlight: Promise<T | null> | null = null;
  let stopped = false;

  function runNow(): Promise<T | null> {
    if (stopped) return Promise.resolve(null);
    if (inFlight) {
      log.debug('previous run still in flight; skipping this one');
      return Promise.resolve(null);
    }
    inFlight = options
      .run()
      .catch((error: unknown) => {
        log.error({ err: error }, `${options.name} run failed`);
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
      task = cron.schedule(options.cron, () => void runNow(), { timezone: options.timeZone, name: options.name });
    },
    runNow,
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
