/**
 * The per-carrier state the poller keeps to stay within limits and out of trouble (issue 6):
 * effective limits, daily quota spent, and the circuit breaker. The API (GET /v1/carriers) and
 * /metrics read it through `CarrierGovernor.health()`; only the poller changes it.
 */
export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

export interface EffectiveLimits {
  maxBatch: number;
  requestsPerSecond: number;
  concurrency: number;
  /** Calls per quota day; null when the carrier documents none. */
  dailyQuota: number | null;
  /** Polls per shipment per quota day (DHL: 10); null when none. */
  perShipmentDaily: number | null;
  /** IANA zone whose midnight resets the quota (DHL: UTC). */
  quotaZone: string;
}

export interface CarrierHealth {
  carrier: string;
  limits: EffectiveLimits;
  circuit: {
    state: CircuitState;
    consecutiveFailures: number;
    openedAt: Date | null;
    nextProbeAt: Date | null;
    lastFailureKind: string | null;
  };
  quota: {
    day: string;
    used: number;
    /** null: no daily quota. */
    limit: number | null;
    left: number | null;
    resetsAt: Date | null;
  };
}

export interface CarrierGovernorView {
  /** State of every polled carrier (enabled and with queryBy), in registry order. */
  health(): Promise<CarrierHealth[]>;
}
