import type { Logger } from 'pino';
import type { CarrierRegistry } from '../../carriers/registry.js';
import type { Store } from '../store/types.js';
import type { Poller } from '../tracking/poller.js';
import type { PollScheduler } from '../tracking/scheduler.js';

/** Everything a request handler may use, passed in explicitly. */
export interface ApiContext {
  store: Store;
  registry: CarrierRegistry;
  poller: Poller;
  scheduler: PollScheduler | null;
  logger: Logger;
  now: () => Date;
}
