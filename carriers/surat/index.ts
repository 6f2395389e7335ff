/** Sürat Kargo: REST `KargoTakipHareketDetayi`, tracked by the shop's web order code (README.md). */
import type { CarrierDefinition } from '../contract.js';
import { suratConfidence } from '../detection/turkish.js';
import { createSuratAdapter, SURAT_DISPLAY_NAME } from './adapter.js';
import { loadSuratConfig, SURAT_ENABLE_WITH, type SuratConfig } from './config.js';
import { recognisesSuratNumber } from './numbers.js';

export const suratCarrier: CarrierDefinition<SuratConfig> = {
  code: 'surat',
  displayName: SURAT_DISPLAY_NAME,
  enableWith: SURAT_ENABLE_WITH,
  recognises: recognisesSuratNumber,
  confidence: suratConfidence,
  // Public page for KargoTakipNo: research carriers-tr.md §5 [M].
  publicTrackingUrl: (trackingNumber) => `https://www.suratkargo.com.tr/KargoTakip/?kargotakipno=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadSuratConfig,
  create: createSuratAdapter,
};

export type { SuratConfig } from './config.js';
