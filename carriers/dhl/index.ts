/** DHL Shipment Tracking – Unified (README.md, research carriers-global.md §1). */
import type { CarrierDefinition } from '../contract.js';
import { dhlConfidence } from '../detection/index.js';
import { createDhlAdapter, DHL_DISPLAY_NAME } from './adapter.js';
import { DHL_ENABLE_WITH, loadDhlConfig, type DhlConfig } from './config.js';

export const dhlCarrier: CarrierDefinition<DhlConfig> = {
  code: 'dhl',
  displayName: DHL_DISPLAY_NAME,
  enableWith: DHL_ENABLE_WITH,
  recognises: (n) => dhlConfidence(n) > 0,
  confidence: dhlConfidence,
  // Public page: DHL's global tracking page, as many public integrations link it (code index, `tracking-id=`).
  publicTrackingUrl: (trackingNumber) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadDhlConfig,
  create: createDhlAdapter,
};

export type { DhlConfig } from './config.js';
export { DHL_LIMITS } from './adapter.js';
