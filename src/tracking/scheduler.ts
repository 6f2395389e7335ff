/** Runs the poller on POLL_CRON; ticks never overlap and stop() waits for the tick in flight. */
import type { Logger } from 'pino';
import { createCronJob, type CronJob } from '../jobs/cron-job.js';
import type { Poller, PollSummary } from './poller.js';

export type PollScheduler = CronJob<PollSummary>;

export function createPollScheduler(poller: Poller, options: { cron: string; timeZone: string; logger: Logger }): PollScheduler {
  return createCronJob({ name: 'poll-scheduler', cron: options.cron, timeZone: options.timeZone, logger: options.logger, run: () => poller.pollDue() });
}
