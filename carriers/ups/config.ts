/**
 * UPS settings (DESIGN §6, research carriers-global.md §2): the shared environment contract with
 * the app's OAuth client id and secret from the UPS developer portal.
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const UPS_CREDENTIALS = ['CLIENT_ID', 'CLIENT_SECRET'] as const;
export type UpsCredentialName = (typeof UPS_CREDENTIALS)[number];
export type UpsConfig = StandardCarrierConfig<UpsCredentialName>;

/** Spec `servers` [C]: production and the Customer Integration Environment (CIE). */
export const UPS_PRODUCTION_URL = 'https://onlinetools.ups.com';
export const UPS_TEST_URL = 'https://wwwcie.ups.com';

export const UPS_ENABLE_WITH = UPS_CREDENTIALS.map((name) => `CARRIER_UPS_${name}`);

export function loadUpsConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<UpsConfig> {
  return loadStandardCarrierConfig({ code: 'ups', credentials: UPS_CREDENTIALS, productionUrl: UPS_PRODUCTION_URL, testUrl: UPS_TEST_URL }, env);
}
