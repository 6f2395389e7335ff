/**
 * PTT Kargo settings (DESIGN §6): enabled when both credentials are set. PTT serves production and
 * test from one host; the test environment differs by path (`GonderiTakipV2Test`), so the base URL
 * is the same and `testEnvironment` picks the path (research carriers-tr.md §4).
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const PTT_CREDENTIALS = ['CUSTOMER_NUMBER', 'PASSWORD'] as const;
export type PttCredentialName = (typeof PTT_CREDENTIALS)[number];
export type PttConfig = StandardCarrierConfig<PttCredentialName>;

export const PTT_PRODUCTION_URL = 'https://pttws.ptt.gov.tr';
export const PTT_TEST_URL = 'https://pttws.ptt.gov.tr';

export const PTT_ENABLE_WITH = ['CARRIER_PTT_CUSTOMER_NUMBER', 'CARRIER_PTT_PASSWORD'] as const;

export function loadPttConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<PttConfig> {
  return loadStandardCarrierConfig(
    { code: 'ptt', credentials: PTT_CREDENTIALS, productionUrl: PTT_PRODUCTION_URL, testUrl: PTT_TEST_URL },
    env,
  );
}
