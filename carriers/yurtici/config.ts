/**
 * Yurtiçi Kargo settings (DESIGN §6) through the shared carrier environment contract:
 * CARRIER_YURTICI_USERNAME / CARRIER_YURTICI_PASSWORD (the web-service user Yurtiçi issues),
 * CARRIER_YURTICI_TEST=true for Yurtiçi's test system, CARRIER_YURTICI_BASE_URL to replace scheme,
 * host and port. Hosts: research carriers-tr.md §1 "Endpoints".
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const YURTICI_CREDENTIALS = ['USERNAME', 'PASSWORD'] as const;
export type YurticiCredential = (typeof YURTICI_CREDENTIALS)[number];
export type YurticiConfig = StandardCarrierConfig<YurticiCredential>;

export const YURTICI_PRODUCTION_URL = 'https://ws.yurticikargo.com';
export const YURTICI_TEST_URL = 'https://testws.yurticikargo.com';
export const YURTICI_ENABLE_WITH = ['CARRIER_YURTICI_USERNAME', 'CARRIER_YURTICI_PASSWORD'] as const;

export function loadYurticiConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<YurticiConfig> {
  return loadStandardCarrierConfig(
    { code: 'yurtici', credentials: YURTICI_CREDENTIALS, productionUrl: YURTICI_PRODUCTION_URL, testUrl: YURTICI_TEST_URL },
    env,
  );
}
