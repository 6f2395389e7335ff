/**
 * The Metrics interface on prom-client (issue 6 §5). Each instance has its own Registry rather than
 * prom-client's global one, so a test (or two services in one process) can hold several without
 * "metric already registered" clashes. Counters and histograms are fed by the producers; the
 * per-carrier gauges are read from the governor at scrape time, so they are never stale.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/types.js';
import type { CarrierGovernorView, CarrierHealth, CircuitState } from '../tracking/governor/types.js';
import { carrierLabel, kindLabel } from './labels.js';
import type { Metrics, PollOutcomeKind } from './types.js';

const PREFIX = 'shipwatch_';

/** Every circuit state gets a series (0 or 1), so "open" can be alerted on before it ever happened. */
const CIRCUIT_STATES = Object.keys({ closed: true, open: true, half_open: true } satisfies Record<CircuitState, true>) as CircuitState[];

/** Carrier round trips: tens of milliseconds on a good day, up to CARRIER_TIMEOUT_MS (15 s) on a bad one. */
const REQUEST_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];
/** A tick is every due shipment of every carrier, limited by their rates: seconds to minutes. */
const TICK_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export interface PrometheusMetricsDeps {
  governor: CarrierGovernorView;
  /** With a store, unresolved anomalies are exported as a gauge too. */
  store?: Pick<Store, 'anomalies'>;
  /** Known carrier codes; other carrier label values become `other`. */
  carriers?: readonly string[];
}

export interface PrometheusMetrics extends Metrics {
  readonly registry: Registry;
  /** The Content-Type of `scrape()`'s text. */
  readonly contentType: string;
  /** Every metric in the Prometheus text format, gauges read now. */
  scrape(): Promise<string>;
}

export function createPrometheusMetrics(deps: PrometheusMetricsDeps): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  const known = deps.carriers ? new Set(deps.carriers) : null;
  const carrier = (code: string) => carrierLabel(code, known);

  // The three governor gauges are collected in one pass of registry.metrics(); they share one health() call.
  let inflight: Promise<CarrierHealth[]> | null = null;
  const health = (): Promise<CarrierHealth[]> => {
    inflight ??= deps.governor.health().finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const polls = new Counter({
    name: `${PREFIX}polls_total`,
    help: 'Shipments polled, by carrier and outcome (found, not_found, failed with its failure kind).',
    labelNames: ['carrier', 'outcome', 'failure_kind'] as const,
    registers,
  });
  const requests = new Counter({
    name: `${PREFIX}carrier_requests_total`,
    help: 'Requests (batches) sent to a carrier, by result (ok or failed).',
    labelNames: ['carrier', 'result'] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: `${PREFIX}carrier_request_duration_seconds`,
    help: 'Duration of one carrier request (batch), retries included.',
    labelNames: ['carrier'] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const tickSeconds = new Histogram({
    name: `${PREFIX}poll_tick_duration_seconds`,
    help: 'Duration of one poll tick, from taking due shipments to the last outcome stored.',
    buckets: TICK_BUCKETS,
    registers,
  });
  const events = new Counter({
    name: `${PREFIX}events_ingested_total`,
    help: 'New carrier events stored (duplicates not counted).',
    labelNames: ['carrier'] as const,
    registers,
  });
  const anomalies = new Counter({
    name: `${PREFIX}anomalies_opened_total`,
    help: 'Anomalies opened, by code and severity.',
    labelNames: ['code', 'severity'] as const,
    registers,
  });
  const mailsSent = new Counter({
    name: `${PREFIX}mails_sent_total`,
    help: 'Alert mails the mail server accepted, by kind (critical or digest).',
    labelNames: ['kind'] as const,
    registers,
  });
  const mailsFailed = new Counter({
    name: `${PREFIX}mails_failed_total`,
    help: 'Alert mails that could not be sent (they are retried), by kind.',
    labelNames: ['kind'] as const,
    registers,
  });

  // reset() first in each collect: a carrier that is no longer polled drops out instead of lingering.
  new Gauge({
    name: `${PREFIX}carrier_quota_left`,
    help: 'Calls left in the carrier\'s current quota day; absent for carriers without a daily quota.',
    labelNames: ['carrier'] as const,
    registers,
    async collect() {
      const all = await health();
      this.reset();
      for (const h of all) if (h.quota.left !== null) this.set({ carrier: carrier(h.carrier) }, h.quota.left);
    },
  });
  new Gauge({
    name: `${PREFIX}carrier_quota_used`,
    help: 'Calls spent in the carrier\'s current quota day.',
    labelNames: ['carrier'] as const,
    registers,
    async collect() {
      const all = await health();
      this.reset();
      for (const h of all) this.set({ carrier: carrier(h.carrier) }, h.quota.used);
    },
  });
  new Gauge({
    name: `${PREFIX}carrier_circuit_state`,
    help: 'Circuit breaker per carrier: 1 for its current state, 0 for the others.',
    labelNames: ['carrier', 'state'] as const,
    registers,
    async collect() {
      const all = await health();
      this.reset();
      for (const h of all) {
        for (const state of CIRCUIT_STATES) this.set({ carrier: carrier(h.carrier), state }, h.circuit.state === state ? 1 : 0);
      }
    },
  });
  const store = deps.store;
  if (store) {
    new Gauge({
      name: `${PREFIX}anomalies_unresolved`,
      help: 'Anomalies not resolved yet (open or acknowledged), by code.',
      labelNames: ['code'] as const,
      registers,
      async collect() {
        const { byCode } = await store.anomalies.countUnresolved();
        this.reset();
        for (const [code, n] of Object.entries(byCode)) this.set({ code: kindLabel(code) }, n);
      },
    });
  }

  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  return {
    registry,
    contentType: registry.contentType,
    scrape: () => registry.metrics(),
    pollOutcome(code: string, outcome: PollOutcomeKind, failureKind?: string) {
      const labels = outcome === 'failed' ? { carrier: carrier(code), outcome, failure_kind: kindLabel(failureKind ?? 'unknown') } : { carrier: carrier(code), outcome };
      polls.inc(labels);
    },
    carrierRequest(code, seconds, ok) {
      const c = carrier(code);
      requests.inc({ carrier: c, result: ok ? 'ok' : 'failed' });
      requestSeconds.observe({ carrier: c }, seconds);
    },
    pollTick(seconds) {
      tickSeconds.observe(seconds);
    },
    eventsIngested(code, count) {
      if (count > 0) events.inc({ carrier: carrier(code) }, count);
    },
    anomalyOpened(code, severity) {
      anomalies.inc({ code: kindLabel(code), severity: kindLabel(severity) });
    },
    mailSent(kind) {
      mailsSent.inc({ kind: kindLabel(kind) });
    },
    mailFailed(kind) {
      mailsFailed.inc({ kind: kindLabel(kind) });
    },
  };
}
