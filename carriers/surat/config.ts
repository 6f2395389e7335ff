/**
 * Sürat Kargo's settings (DESIGN §6) through the shared carrier environment contract:
 * `CARRIER_SURAT_CUSTOMER_CODE` (Cari Kodu) and `CARRIER_SURAT_PASSWORD` (the web-service password)
 * enable the carrier, `CARRIER_SURAT_TEST=true` switches to Sürat's test host and
 * `CARRIER_SURAT_BASE_URL` replaces scheme, host and port (paths stay as Sürat documents them).
 */
import { loadStandardCarrierConfig, type CarrierEnvSpec, type StandardCarrierConfig } from '../carrier-config.js';
import type { CarrierConfigResult } from '../contract.js';

export type SuratCredentialName = 'CUSTOMER_CODE' | 'PASSWORD';
export type SuratConfig = StandardCarrierConfig<SuratCredentialName>;

/** research/carriers-tr.md §5, "Endpoints": REST 2024 documentation, live api01 and test api02. */
export const SURAT_PRODUCTION_URL = 'https://api01.suratkargo.com.tr';
export const SURAT_TEST_URL = 'https://api02.suratkargo.com.tr';

export const SURAT_ENV_SPEC: CarrierEnvSpec<SuratCredentialName> = {
  code: 'surat',
  credentials: ['CUSTOMER_CODE', 'PASSWORD'],
  productionUrl: SURAT_PRODUCTION_URL,
  testUrl: SURAT_TEST_URL,
};

export const SURAT_ENABLE_WITH = ['CARRIER_SURAT_CUSTOMER_CODE', 'CARRIER_SURAT_PASSWORD'] as const;

export function loadSuratConfig(env: Readonly<Record<string, string | undefined>>): CarrierConfigResult<SuratConfig> {
  return loadStandardCarrierConfig(SURAT_ENV_SPEC, env);
}
