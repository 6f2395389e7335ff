/**
 * The environment contract every real carrier shares (DESIGN §6): `CARRIER_<CODE>_BASE_URL`
 * replaces scheme, host and port of the production (or test) address, `CARRIER_<CODE>_TEST=true`
 * switches to the carrier's test environment, and credentials come from `CARRIER_<CODE>_<NAME>`.
 * A carrier is enabled when all its credentials are set; some but not all is a configuration error.
 */
import { Secret } from '../src/config/secret.js';
import type { CarrierConfigResult } from './contract.js';

export interface CarrierEnvSpec<Name extends string> {
  code: string;
  /** Credential names, e.g. ['USERNAME', 'PASSWORD'] for CARRIER_YURTICI_USERNAME … */
  credentials: readonly Name[];
  productionUrl: string;
  testUrl: string;
}

export interface StandardCarrierConfig<Name extends string> {
  /** Scheme, host and port only; adapters append the documented paths. */
  baseUrl: string;
  testEnvironment: boolean;
  credentials: Readonly<Record<Name, Secret>>;
}

export function envName(code: string, name: string): string {
  return `CARRIER_${code.toUpperCase()}_${name}`;
}

export function loadStandardCarrierConfig<Name extends string>(
  spec: CarrierEnvSpec<Name>,
  env: Readonly<Record<string, string | undefined>>,
): CarrierConfigResult<StandardCarrierConfig<Name>> {
  const problems: string[] = [];
  const present = spec.credentials.filter((n) => env[envName(spec.code, n)]);
  if (present.length === 0) return { enabled: false };
  for (const name of spec.credentials) {
    if (!env[envName(spec.code, name)]) problems.push(`${envName(spec.code, name)}: must be set (the other ${spec.code} credentials are)`);
  }
  const testVar = envName(spec.code, 'TEST');
  const testRaw = env[testVar]?.trim().toLowerCase();
  if (testRaw !== undefined && !['true', 'false', '1', '0', 'yes', 'no'].includes(testRaw)) problems.push(`${testVar}: must be true or false`);
  const testEnvironment = testRaw === 'true' || testRaw === '1' || testRaw === 'yes';

  const urlVar = envName(spec.code, 'BASE_URL');
  const override = env[urlVar];
  let baseUrl = testEnvironment ? spec.testUrl : spec.productionUrl;
  if (override) {
    const parsed = URL.canParse(override) ? new URL(override) : null;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) {
      problems.push(`${urlVar}: must be an http(s) URL with scheme, host and optional port, e.g. https://carrier.example:8443`);
    } else {
      baseUrl = parsed.origin;
    }
  }
  if (problems.length > 0) return { enabled: 'invalid', problems };
  const credentials = Object.fromEntries(spec.credentials.map((n) => [n, new Secret(env[envName(spec.code, n)] ?? '')])) as Record<Name, Secret>;
  return { enabled: true, config: { baseUrl: baseUrl.replace(/\/+$/, ''), testEnvironment, credentials } };
}
