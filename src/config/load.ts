import type { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import { carrierDefinitions } from '../../carriers/registry.js';
import type { CarrierConfigResult } from '../../carriers/contract.js';
import { serviceEnvSchema } from './schema.js';
import type { Secret } from './secret.js';

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
  carrierTimeoutMs: number;
  sandbox: { mode: 'embedded' | 'off'; speed: number; port: number };
  demoData: boolean;
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
    carrierTimeoutMs: e.CARRIER_TIMEOUT_MS,
    sandbox: { mode: e.SANDBOX_CARRIER, speed: e.SANDBOX_SPEED, port: e.SANDBOX_PORT },
    demoData: e.DEMO_DATA,
    carriers: Object.freeze(carriers),
  });
}

/** Turns zod issues into "NAME: problem" lines; values are never echoed, they may be secrets. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
