/** UPS over the Track API with OAuth client credentials (README.md, research carriers-global.md §2). */
import type { CarrierDefinition } from '../contract.js';
import { upsConfidence } from '../detection/index.js';
import { createUpsAdapter, UPS_DISPLAY_NAME } from './adapter.js';
import { loadUpsConfig, UPS_ENABLE_WITH, type UpsConfig } from './config.js';

export const upsCarrier: CarrierDefinition<UpsConfig> = {
  code: 'ups',
  displayName: UPS_DISPLAY_NAME,
  enableWith: UPS_ENABLE_WITH,
  recognises: (trackingNumber) => upsConfidence(trackingNumber) > 0,
  confidence: upsConfidence,
  // Public page: UPS's tracking page, as public integrations link it (code index; eshipguy.com carrier tracking URLs).
  publicTrackingUrl: (trackingNumber) => `https://www.ups.com/track?tracknum=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadUpsConfig,
  create: createUpsAdapter,
};

export type { UpsConfig } from './config.js';
export { UPS_LIMITS } from './adapter.js';
