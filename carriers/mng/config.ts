/**
 * MNG Kargo / DHL eCommerce Türkiye settings (DESIGN §6, research carriers-tr.md §3a): the shared
 * environment contract with the four credentials of issue 4. App keys go to the API gateway
 * (IBM API Connect), customer number and password buy the JWT.
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const MNG_CREDENTIALS = ['CLIENT_ID', 'CLIENT_SECRET', 'CUSTOMER_NUMBER', 'PASSWORD'] as const;
export type MngCredentialName = (typeof MNG_CREDENTIALS)[number];
export type MngConfig = StandardCarrierConfig<MngCredentialName>;

/** Research §3a [M]: production and the API Zone test host; paths start with `/mngapi/api`. */
export const MNG_PRODUCTION_URL = 'https://api.mngkargo.com.tr';
export const MNG_TEST_URL = 'https://testapi.mngkargo.com.tr';

export const MNG_ENABLE_WITH = MNG_CREDENTIALS.map((name) => `CARRIER_MNG_${name}`);

export function loadMngConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<MngConfig> {
  return loadStandardCarrierConfig(
    { code: 'mng', credentials: MNG_CREDENTIALS, productionUrl: MNG_PRODUCTION_URL, testUrl: MNG_TEST_URL },
    env,
  );
}
