/**
 * Kolay Gelsin settings (DESIGN §6): enabled when CARRIER_KOLAYGELSIN_TOKEN is set. The token is
 * issued by Kolay Gelsin per customer and sent as the `Authorization` header (research §8).
 */
import { loadStandardCarrierConfig, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export type KolayGelsinConfig = StandardCarrierConfig<'TOKEN'>;

/** Production host [1: OMNI-KG]; test host from the vendor document's examples [V: KG-DOC api-docs.md]. */
export const KOLAYGELSIN_PRODUCTION_URL = 'https://api.kolaygelsin.com';
export const KOLAYGELSIN_TEST_URL = 'https://apibeta.klyglsn.com';

export const KOLAYGELSIN_ENV_SPEC = {
  code: 'kolaygelsin',
  credentials: ['TOKEN'] as const,
  productionUrl: KOLAYGELSIN_PRODUCTION_URL,
  testUrl: KOLAYGELSIN_TEST_URL,
};

export function loadKolayGelsinConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<KolayGelsinConfig> {
  return loadStandardCarrierConfig(KOLAYGELSIN_ENV_SPEC, env);
}
