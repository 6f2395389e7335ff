/**
 * USPS settings (DESIGN §6, research carriers-global.md §4): the shared environment contract with
 * the app's consumer key and secret from the USPS developer portal.
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const USPS_CREDENTIALS = ['CLIENT_ID', 'CLIENT_SECRET'] as const;
export type UspsCredentialName = (typeof USPS_CREDENTIALS)[number];
export type UspsConfig = StandardCarrierConfig<UspsCredentialName>;

/**
 * The spec's servers [C]: production and the test environment (TEM). The examples README still
 * names the older `api.usps.com` / `api-cat.usps.com`; CARRIER_USPS_BASE_URL reaches those.
 */
export const USPS_PRODUCTION_URL = 'https://apis.usps.com';
export const USPS_TEST_URL = 'https://apis-tem.usps.com';

export const USPS_ENABLE_WITH = USPS_CREDENTIALS.map((name) => `CARRIER_USPS_${name}`);

export function loadUspsConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<UspsConfig> {
  return loadStandardCarrierConfig(
    { code: 'usps', credentials: USPS_CREDENTIALS, productionUrl: USPS_PRODUCTION_URL, testUrl: USPS_TEST_URL },
    env,
  );
}
