import type { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import { carrierDefinitions } from '../../carriers/registry.js';
import type { CarrierConfigResult } from '../../carriers/contract.js';
import { loadCarrierLimitOverrides } from './carrier-limits.js';
import { serviceEnvSchema } from './schema.js';
import type { Secret } from './secret.js';
import type { AnomalySettings } from '../anomalies/types.js';
import type { ServiceLevel } from '../domain/shipment.js';
import type { LimitOverrides } from '../tracking/governor/limits.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  adminKey: Secret | undefined;
  timeZone: string;
  logLevel: string;
  pollCron: string;
  pollMaxPerTick: number;
  polling: {
    circuit: { failuresToOpen: number; pauseMs: number; maxPauseMs: number };
    maxTrackingDays: number;
    /** Per carrier code: CARRIER_<CODE>_REQUESTS_PER_SECOND … over the adapter's defaults. */
    carrierLimits: Readonly<Record<string, LimitOverrides>>;
  };
  carrierTimeoutMs: number;
  sandbox: { mode: 'embedded' | 'off'; speed: number; port: number };
  demoData: boolean;
  anomalies: AnomalySettings & { sweepCron: string };
  calendar: { saturdayIsBusinessDay: boolean; serviceLevelDays: Readonly<Record<ServiceLevel, number>> };
  alerts: {
    smtpUrl: Secret | undefined;
    to: readonly string[];
    from: string;
    language: 'tr' | 'en';
    digestCron: string;
    mailerCron: string;
    /** Base of links in mails; defaults to the API's own address. */
    publicUrl: string;
  };
  /** Bearer token GET /metrics asks for; undefined: /metrics is open like /healthz. */
  metricsToken: Secret | undefined;
  /** Each carrier's own validated settings; `enabled: false` when its credentials are not set. */
  carriers: Readonly<Record<string, CarrierConfigResult<unknown>>>;
}

/** Reads the environment once at start-up; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  // Empty strings are how shells and .env files say "unset"; treat them as absent.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const problems: string[] = [];

  const parsed = serviceEnvSchema.safeParse(present);
  if (!parsed.success) problems.push(...describeIssues(parsed.error.issues));

  const carriers: Record<string, CarrierConfigResult<unknown>> = {};
  for (const definition of carrierDefinitions) {
    const result = definition.loadConfig(present);
    if (result.enabled === 'invalid') problems.push(...result.problems);
    carriers[definition.code] = result;
  }

  const limits = loadCarrierLimitOverrides(present, carrierDefinitions.map((d) => d.code));
  problems.push(...limits.problems);
  if (parsed.success && parsed.data.POLL_CIRCUIT_MAX_PAUSE_SECONDS < parsed.data.POLL_CIRCUIT_PAUSE_SECONDS) {
    problems.push('POLL_CIRCUIT_MAX_PAUSE_SECONDS: must not be shorter than POLL_CIRCUIT_PAUSE_SECONDS');
  }

  if (parsed.success && parsed.data.SMTP_URL && !parsed.data.ALERT_EMAIL_TO) {
    problems.push('ALERT_EMAIL_TO: must be set when SMTP_URL is set (who should get the alerts?)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    adminKey: e.SHIPWATCH_ADMIN_KEY,
    timeZone: e.SHIPWATCH_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    pollCron: e.POLL_CRON,
    pollMaxPerTick: e.POLL_MAX_PER_TICK,
    polling: Object.freeze({
      circuit: Object.freeze({ failuresToOpen: e.POLL_CIRCUIT_FAILURES, pauseMs: e.POLL_CIRCUIT_PAUSE_SECONDS * 1000, maxPauseMs: e.POLL_CIRCUIT_MAX_PAUSE_SECONDS * 1000 }),
      maxTrackingDays: e.POLL_MAX_TRACKING_DAYS,
      carrierLimits: Object.freeze(limits.overrides),
    }),
    carrierTimeoutMs: e.CARRIER_TIMEOUT_MS,
    sandbox: { mode: e.SANDBOX_CARRIER, speed: e.SANDBOX_SPEED, port: e.SANDBOX_PORT },
    demoData: e.DEMO_DATA,
    anomalies: Object.freeze({
      sweepCron: e.ANOMALY_SWEEP_CRON,
      stalledBusinessDays: {
        in_transit: e.ANOMALY_STALLED_IN_TRANSIT_DAYS,
        out_for_delivery: e.ANOMALY_STALLED_OUT_FOR_DELIVERY_DAYS,
        attempt_failed: e.ANOMALY_STALLED_ATTEMPT_FAILED_DAYS,
      },
      notShippedBusinessDays: e.ANOMALY_NOT_SHIPPED_DAYS,
      awaitingPickupDays: e.ANOMALY_AWAITING_PICKUP_DAYS,
      notFoundHours: e.ANOMALY_NOT_FOUND_HOURS,
      atRiskBusinessDays: e.ANOMALY_AT_RISK_DAYS,
      lateCriticalBusinessDays: e.ANOMALY_LATE_CRITICAL_DAYS,
      carrierUnreachableMinutes: e.ANOMALY_CARRIER_UNREACHABLE_MINUTES,
      driftShare: e.ANOMALY_DRIFT_SHARE,
      driftMinEvents: e.ANOMALY_DRIFT_MIN_EVENTS,
      driftWindowHours: e.ANOMALY_DRIFT_WINDOW_HOURS,
    }),
    calendar: Object.freeze({
      saturdayIsBusinessDay: e.SATURDAY_IS_BUSINESS_DAY,
      serviceLevelDays: Object.freeze({
        same_day: e.SERVICE_DAYS_SAME_DAY,
        next_day: e.SERVICE_DAYS_NEXT_DAY,
        express: e.SERVICE_DAYS_EXPRESS,
        standard: e.SERVICE_DAYS_STANDARD,
        economy: e.SERVICE_DAYS_ECONOMY,
      }),
    }),
    alerts: Object.freeze({
      smtpUrl: e.SMTP_URL,
      to: Object.freeze(e.ALERT_EMAIL_TO ?? ['shop@localhost']),
      from: e.ALERT_EMAIL_FROM,
      language: e.ALERT_LANGUAGE,
      digestCron: e.ALERT_DIGEST_CRON,
      mailerCron: e.MAILER_CRON,
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    }),
    metricsToken: e.METRICS_TOKEN,
    carriers: Object.freeze(carriers),
  });
}

/** Turns zod issues into "NAME: problem" lines; values are never echoed, they may be secrets. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
