import type { Logger } from 'pino';
import type { CarrierRegistry } from '../../carriers/registry.js';
import type { AnomalyEngine } from '../anomalies/engine.js';
import type { NewShipment } from '../domain/shipment.js';
import type { Store } from '../store/types.js';
import type { CarrierGovernorView } from '../tracking/governor/types.js';
import type { Poller } from '../tracking/poller.js';
import type { PollScheduler } from '../tracking/scheduler.js';

/** Everything a request handler may use, passed in explicitly. */
export interface ApiContext {
  store: Store;
  registry: CarrierRegistry;
  poller: Poller;
  /** Limits, quota and circuit of each polled carrier, as the poller keeps them. */
  governor: CarrierGovernorView;
  scheduler: PollScheduler | null;
  anomalies: AnomalyEngine;
  /** The promised deadline on the shop's business calendar. */
  deadlineOf: (shipment: Pick<NewShipment, 'promisedBy' | 'shippedAt' | 'serviceLevel'>) => Date | null;
  /** Runs the anomaly sweep now (POST /v1/anomalies/scan). */
  sweepAnomalies: () => Promise<unknown>;
  logger: Logger;
  now: () => Date;
  /**
   * The shop's zone (config SHIPWATCH_TIMEZONE): per-day trends count days in it. Left out, the
   * config's default zone.
   */
  timeZone?: string;
}

/** SHIPWATCH_TIMEZONE's default (src/config/schema.ts). */
export const DEFAULT_SHOP_TIME_ZONE = 'Europe/Istanbul';
