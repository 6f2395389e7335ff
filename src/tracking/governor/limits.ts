/** The limits the poller keeps for a carrier: the adapter's documented defaults, overridden by config. */
import type { CarrierLimits } from '../../../carriers/contract.js';
import type { EffectiveLimits } from './types.js';

/** What a shop may set per carrier (CARRIER_<CODE>_REQUESTS_PER_SECOND …); unset keys keep the default. */
export type LimitOverrides = Partial<Pick<EffectiveLimits, 'maxBatch' | 'requestsPerSecond' | 'concurrency'>> & {
  dailyQuota?: number;
  perShipmentDaily?: number;
};

/**
 * A batch is one request to the carrier, so an override may only lower the batch size: the
 * adapter's maxBatch is what one request can carry (one number per call for DHL, 30 for FedEx).
 */
export function effectiveLimits(defaults: CarrierLimits, overrides: LimitOverrides = {}): EffectiveLimits {
  return {
    maxBatch: Math.min(overrides.maxBatch ?? defaults.maxBatch, defaults.maxBatch),
    requestsPerSecond: overrides.requestsPerSecond ?? defaults.requestsPerSecond,
    concurrency: overrides.concurrency ?? defaults.concurrency,
    dailyQuota: overrides.dailyQuota ?? defaults.dailyQuota ?? null,
    perShipmentDaily: overrides.perShipmentDaily ?? defaults.perShipmentDaily ?? null,
    quotaZone: defaults.quotaZone ?? 'UTC',
  };
}
