/**
 * Aras Kargo's settings (DESIGN §6, research carriers-tr.md §2): the query-service user
 * ("XML Servisleri" membership), its password and the customer code. Enabled when all three are
 * set; CARRIER_ARAS_BASE_URL replaces scheme, host and port, CARRIER_ARAS_TEST=true switches to
 * Aras' test host and test path.
 */
import type { CarrierConfigResult } from '../contract.js';
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';

export const ARAS_CREDENTIALS = ['USERNAME', 'PASSWORD', 'CUSTOMER_CODE'] as const;
export type ArasCredentialName = (typeof ARAS_CREDENTIALS)[number];
export type ArasConfig = StandardCarrierConfig<ArasCredentialName>;

/** Hosts of the query service; research §2 "Endpoints" (ISM and OTR use https). */
export const ARAS_PRODUCTION_URL = 'https://customerservices.araskargo.com.tr';
export const ARAS_TEST_URL = 'https://customerservicestest.araskargo.com.tr';

/** Paths differ between production and test, as documented; the base URL override keeps them. */
export const ARAS_PRODUCTION_PATH = '/ArasCargoCustomerIntegrationService/ArasCargoIntegrationService.svc';
export const ARAS_TEST_PATH = '/ArasCargoIntegrationService.svc';

export const ARAS_ENV_VARS = ARAS_CREDENTIALS.map((n) => `CARRIER_ARAS_${n}`);

export function loadArasConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<ArasConfig> {
  return loadStandardCarrierConfig(
    { code: 'aras', credentials: ARAS_CREDENTIALS, productionUrl: ARAS_PRODUCTION_URL, testUrl: ARAS_TEST_URL },
    env,
  );
}

export function arasServicePath(config: Pick<ArasConfig, 'testEnvironment'>): string {
  return config.testEnvironment ? ARAS_TEST_PATH : ARAS_PRODUCTION_PATH;
}
