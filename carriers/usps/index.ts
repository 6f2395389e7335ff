/** USPS over the Tracking API v3 (README.md, research carriers-global.md §4). */
import type { CarrierDefinition } from '../contract.js';
import { uspsConfidence } from '../detection/index.js';
import { createUspsAdapter, USPS_DISPLAY_NAME } from './adapter.js';
import { loadUspsConfig, USPS_ENABLE_WITH, type UspsConfig } from './config.js';

export const uspsCarrier: CarrierDefinition<UspsConfig> = {
  code: 'usps',
  displayName: USPS_DISPLAY_NAME,
  enableWith: USPS_ENABLE_WITH,
  recognises: (n) => uspsConfidence(n) > 0,
  confidence: uspsConfidence,
  // Public page: USPS Tracking, as public integrations link it (code index).
  publicTrackingUrl: (trackingNumber) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadUspsConfig,
  create: createUspsAdapter,
};

export type { UspsConfig } from './config.js';
export { USPS_LIMITS } from './adapter.js';
