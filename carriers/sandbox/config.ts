/**
 * The sandbox carrier's own settings (DESIGN §6): enabled when both variables are set. Problems
 * name the variable and never echo its value, which may be a credential.
 */
import { z } from 'zod';
import type { CarrierConfigResult } from '../contract.js';
import { Secret } from '../../src/config/secret.js';

export interface SandboxConfig {
  /** Scheme, host and port (and any path prefix) the carrier's paths are appended to. */
  baseUrl: string;
  apiKey: Secret;
}

const BASE_URL = 'CARRIER_SANDBOX_BASE_URL';
const API_KEY = 'CARRIER_SANDBOX_API_KEY';

const envSchema = z.object({
  [BASE_URL]: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  [API_KEY]: z.string().min(1, 'must not be empty'),
});

export function loadConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<SandboxConfig> {
  // Empty strings are how shells and .env files say "unset".
  const baseUrl = env[BASE_URL] || undefined;
  const apiKey = env[API_KEY] || undefined;
  if (baseUrl === undefined && apiKey === undefined) return { enabled: false };

  const problems: string[] = [];
  if (baseUrl === undefined) problems.push(`${BASE_URL}: must be set when ${API_KEY} is set`);
  if (apiKey === undefined) problems.push(`${API_KEY}: must be set when ${BASE_URL} is set`);
  const parsed = envSchema.safeParse({ [BASE_URL]: baseUrl, [API_KEY]: apiKey });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      // Missing variables are already reported above, in plainer words.
      if ((key === BASE_URL && baseUrl === undefined) || (key === API_KEY && apiKey === undefined)) continue;
      problems.push(`${key}: ${issue.message}`);
    }
  }
  if (!parsed.success || problems.length > 0) return { enabled: 'invalid', problems };
  return {
    enabled: true,
    config: { baseUrl: parsed.data[BASE_URL].replace(/\/+$/, ''), apiKey: new Secret(parsed.data[API_KEY]) },
  };
}
