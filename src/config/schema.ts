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
  POLL_CRON: z
    .string()
    .refine((v) => isValidCron(v), 'must be a cron expression such as "* * * * *"')
    .default('* * * * *'),
  POLL_MAX_PER_TICK: z.coerce.number().int().min(1).max(100_000).default(5000),
  CARRIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  SANDBOX_SPEED: z.coerce.number().positive().max(100_000).default(1),
  SANDBOX_CARRIER: z.enum(['embedded', 'off']).default('embedded'),
  SANDBOX_PORT: port.default(0),
  DEMO_DATA: flag.default(true),
});

export type ServiceEnv = z.output<typeof serviceEnvSchema>;
