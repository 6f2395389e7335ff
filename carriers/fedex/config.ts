/**
 * FedEx settings (DESIGN §6, research carriers-global.md §3): the shared environment contract with
 * the Track API project's OAuth key pair. karrio keeps the track keys apart from the ship keys
 * because a FedEx project may hold only some APIs: these must belong to a project with Track.
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const FEDEX_CREDENTIALS = ['CLIENT_ID', 'CLIENT_SECRET'] as const;
export type FedexCredentialName = (typeof FEDEX_CREDENTIALS)[number];
export type FedexConfig = StandardCarrierConfig<FedexCredentialName>;

/** Research §3 [C: spec servers]. */
export const FEDEX_PRODUCTION_URL = 'https://apis.fedex.com';
export const FEDEX_TEST_URL = 'https://apis-sandbox.fedex.com';

export const FEDEX_ENABLE_WITH = FEDEX_CREDENTIALS.map((name) => `CARRIER_FEDEX_${name}`);

export function loadFedexConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<FedexConfig> {
  return loadStandardCarrierConfig(
    { code: 'fedex', credentials: FEDEX_CREDENTIALS, productionUrl: FEDEX_PRODUCTION_URL, testUrl: FEDEX_TEST_URL },
    env,
  );
}
