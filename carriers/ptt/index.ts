/** PTT Kargo: SOAP 1.2 GonderiTakipV2, by barcode or by the shop's reference (README.md). */
import type { CarrierDefinition } from '../contract.js';
import { pttConfidence } from '../detection/turkish.js';
import { createPttAdapter, PTT_DISPLAY_NAME } from './adapter.js';
import { loadPttConfig, PTT_ENABLE_WITH, type PttConfig } from './config.js';

export const pttCarrier: CarrierDefinition<PttConfig> = {
  code: 'ptt',
  displayName: PTT_DISPLAY_NAME,
  enableWith: PTT_ENABLE_WITH,
  // The 13-digit barcode (EAN-style check digit) and S10 numbers issued in Turkey (…TR).
  recognises: (trackingNumber) => pttConfidence(trackingNumber) > 0,
  confidence: pttConfidence,
  // Public page for the barcode: research carriers-tr.md §4 "Numbers & links" [M].
  publicTrackingUrl: (trackingNumber) => `https://gonderitakip.ptt.gov.tr/Track/Verify?q=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadPttConfig,
  create: createPttAdapter,
};

export type { PttConfig } from './config.js';
export { pttBarcode } from './numbers.js';
