/**
 * What the service reports to /metrics (issue 6 §5). Producers (poller, ingest, anomaly engine,
 * mailer) call these; src/metrics/prometheus.ts implements them with prom-client. `noMetrics`
 * keeps tests and tools free of a registry.
 */
export type PollOutcomeKind = 'found' | 'not_found' | 'failed';

export interface Metrics {
  /** One shipment's answer from its carrier; failureKind is CarrierFailure.kind when failed. */
  pollOutcome(carrier: string, outcome: PollOutcomeKind, failureKind?: string): void;
  /** One request (batch) to a carrier and how long it took. */
  carrierRequest(carrier: string, seconds: number, ok: boolean): void;
  /** One scheduler tick of the poller, start to end. */
  pollTick(seconds: number): void;
  eventsIngested(carrier: string, count: number): void;
  anomalyOpened(code: string, severity: string): void;
  /** kind: 'critical' (immediate alert) or 'digest'. */
  mailSent(kind: string): void;
  mailFailed(kind: string): void;
}

export const noMetrics: Metrics = {
  pollOutcome: () => undefined,
  carrierRequest: () => undefined,
  pollTick: () => undefined,
  eventsIngested: () => undefined,
  anomalyOpened: () => undefined,
  mailSent: () => undefined,
  mailFailed: () => undefined,
};
