/** MNG Kargo / DHL eCommerce Türkiye over the REST API Zone (README.md, research carriers-tr.md §3). */
import type { CarrierDefinition } from '../contract.js';
import { mngConfidence } from '../detection/turkish.js';
import { createMngAdapter, MNG_DISPLAY_NAME } from './adapter.js';
import { loadMngConfig, MNG_ENABLE_WITH, type MngConfig } from './config.js';
import { recognisesMngNumber } from './numbers.js';

export const mngCarrier: CarrierDefinition<MngConfig> = {
  code: 'mng',
  displayName: MNG_DISPLAY_NAME,
  enableWith: MNG_ENABLE_WITH,
  recognises: recognisesMngNumber,
  confidence: mngConfidence,
  // Public page: research carriers-tr.md §3 [1]; several shop integrations in the public code index build the same link.
  publicTrackingUrl: (trackingNumber) => `https://kargotakip.dhlecommerce.com.tr/?takipNo=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadMngConfig,
  create: createMngAdapter,
};

export type { MngConfig } from './config.js';
export { MNG_LIMITS } from './adapter.js';
