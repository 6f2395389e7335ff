/**
 * DHL Shipment Tracking – Unified settings (DESIGN §6, research carriers-global.md §1): the shared
 * environment contract with one credential, the portal app's API key (the consumer key, not the
 * consumer secret).
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const DHL_CREDENTIALS = ['API_KEY'] as const;
export type DhlCredentialName = (typeof DHL_CREDENTIALS)[number];
export type DhlConfig = StandardCarrierConfig<DhlCredentialName>;

/**
 * Research §1 [C]. DHL support says the test host is closed to external customers and testing in
 * production is allowed, so `CARRIER_DHL_TEST` is rarely useful; it is kept for the shared contract.
 */
export const DHL_PRODUCTION_URL = 'https://api-eu.dhl.com';
export const DHL_TEST_URL = 'https://api-test.dhl.com';

export const DHL_ENABLE_WITH = DHL_CREDENTIALS.map((name) => `CARRIER_DHL_${name}`);

export function loadDhlConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<DhlConfig> {
  return loadStandardCarrierConfig(
    { code: 'dhl', credentials: DHL_CREDENTIALS, productionUrl: DHL_PRODUCTION_URL, testUrl: DHL_TEST_URL },
    env,
  );
}
