/**
 * HepsiJet settings (DESIGN §6, issue 4): enabled when CARRIER_HEPSIJET_USERNAME and
 * CARRIER_HEPSIJET_PASSWORD are set; CARRIER_HEPSIJET_TEST=true switches to the carrier's test
 * environment; CARRIER_HEPSIJET_BASE_URL replaces scheme, host and port.
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const HEPSIJET_PRODUCTION_URL = 'https://integration.hepsijet.com';
export const HEPSIJET_TEST_URL = 'https://integration-apitest.hepsijet.com';
export const HEPSIJET_CREDENTIALS = ['USERNAME', 'PASSWORD'] as const;

export type HepsijetConfig = StandardCarrierConfig<(typeof HEPSIJET_CREDENTIALS)[number]>;

export function loadHepsijetConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<HepsijetConfig> {
  return loadStandardCarrierConfig(
    { code: 'hepsijet', credentials: HEPSIJET_CREDENTIALS, productionUrl: HEPSIJET_PRODUCTION_URL, testUrl: HEPSIJET_TEST_URL },
    env,
  );
}
