import { z } from 'zod';
import { validate as isValidCron } from 'node-cron';
import { Secret } from './secret.js';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const days = (fallback: number) => z.coerce.number().min(0).max(365).default(fallback);
const cron = (fallback: string) =>
  z
    .string()
    .refine((v) => isValidCron(v), 'must be a cron expression such as "*/10 * * * *"')
    .default(fallback);
const flag = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] });

/**
 * Every service setting, with the embedded defaults: SQLite under ./data, the sandbox carrier
 * started in-process, demo shipments seeded, mails to files. Keys are the environment variables.
 */
export const serviceEnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SHIPWATCH_ADMIN_KEY: z
    .string()
    .min(16, 'must be at least 16 characters')
    .transform((v) => new Secret(v))
    .optional(),
  SHIPWATCH_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Istanbul')
    .default('Europe/Istanbul'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POLL_CRON: cron('* * * * *'),
  POLL_MAX_PER_TICK: z.coerce.number().int().min(1).max(100_000).default(5000),
  // Circuit breaker per carrier (issue 6 §3): opens after this many failed requests in a row,
  // pauses, then lets one probe through; each reopening doubles the pause up to the maximum.
  POLL_CIRCUIT_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  POLL_CIRCUIT_PAUSE_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(60),
  POLL_CIRCUIT_MAX_PAUSE_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(1800),
  // Tracking stops this many days after registration, whatever the carrier says.
  POLL_MAX_TRACKING_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  CARRIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  SANDBOX_SPEED: z.coerce.number().positive().max(100_000).default(1),
  SANDBOX_CARRIER: z.enum(['embedded', 'off']).default('embedded'),
  SANDBOX_PORT: port.default(0),
  DEMO_DATA: flag.default(true),

  // Anomalies (DESIGN §8): when each rule fires. Business days follow the shop's calendar.
  ANOMALY_SWEEP_CRON: cron('*/10 * * * *'),
  SATURDAY_IS_BUSINESS_DAY: flag.default(true),
  SERVICE_DAYS_SAME_DAY: days(0),
  SERVICE_DAYS_NEXT_DAY: days(1),
  SERVICE_DAYS_EXPRESS: days(2),
  SERVICE_DAYS_STANDARD: days(3),
  SERVICE_DAYS_ECONOMY: days(10),
  ANOMALY_STALLED_IN_TRANSIT_DAYS: days(3),
  ANOMALY_STALLED_OUT_FOR_DELIVERY_DAYS: days(1),
  ANOMALY_STALLED_ATTEMPT_FAILED_DAYS: days(2),
  ANOMALY_NOT_SHIPPED_DAYS: days(2),
  ANOMALY_AWAITING_PICKUP_DAYS: days(3),
  ANOMALY_NOT_FOUND_HOURS: z.coerce.number().positive().max(24 * 60).default(24),
  ANOMALY_AT_RISK_DAYS: days(1),
  ANOMALY_LATE_CRITICAL_DAYS: days(2),
  ANOMALY_CARRIER_UNREACHABLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  ANOMALY_DRIFT_SHARE: z.coerce.number().gt(0).max(1).default(0.2),
  ANOMALY_DRIFT_MIN_EVENTS: z.coerce.number().int().min(1).default(20),
  ANOMALY_DRIFT_WINDOW_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),

  // Alert mail (DESIGN §9).
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v), 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587')
    .transform((v) => new Secret(v))
    .optional(),
  ALERT_EMAIL_TO: z
    .string()
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(z.email('must be a comma-separated list of e-mail addresses')).min(1, 'must name at least one address'))
    .optional(),
  ALERT_EMAIL_FROM: z.string().trim().min(3).regex(/^[^\r\n]+$/, 'must be one line').default('shipwatch <shipwatch@localhost>'),
  ALERT_LANGUAGE: z.enum(['tr', 'en']).default('tr'),
  ALERT_DIGEST_CRON: cron('0 8 * * *'),
  MAILER_CRON: cron('* * * * *'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://track.example.com' }).optional(),

  // GET /metrics (issue 6 §5): open like /healthz unless this token is set.
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^\S+$/, 'must not contain spaces')
    .transform((v) => new Secret(v))
    .optional(),
});

export type ServiceEnv = z.output<typeof serviceEnvSchema>;
