/**
 * 17TRACK settings (DESIGN §6, research carriers-global.md §5): the shared environment contract
 * with one credential, the account's API key (`CARRIER_17TRACK_API_KEY`).
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export const SEVENTEEN_TRACK_CREDENTIALS = ['API_KEY'] as const;
export type SeventeenTrackCredentialName = (typeof SEVENTEEN_TRACK_CREDENTIALS)[number];
export type SeventeenTrackConfig = StandardCarrierConfig<SeventeenTrackCredentialName>;

/**
 * 17TRACK has no sandbox (research §5 [C]: the doc suggests webhook.site for trying pushes), so
 * `CARRIER_17TRACK_TEST=true` still means production; a local stand-in is reached through
 * `CARRIER_17TRACK_BASE_URL`.
 */
export const SEVENTEEN_TRACK_PRODUCTION_URL = 'https://api.17track.net';
export const SEVENTEEN_TRACK_TEST_URL = SEVENTEEN_TRACK_PRODUCTION_URL;

export const SEVENTEEN_TRACK_ENABLE_WITH = SEVENTEEN_TRACK_CREDENTIALS.map((name) => `CARRIER_17TRACK_${name}`);

export function loadSeventeenTrackConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<SeventeenTrackConfig> {
  return loadStandardCarrierConfig(
    { code: '17track', credentials: SEVENTEEN_TRACK_CREDENTIALS, productionUrl: SEVENTEEN_TRACK_PRODUCTION_URL, testUrl: SEVENTEEN_TRACK_TEST_URL },
    env,
  );
}
