/** FedEx over the Track API with OAuth (README.md, research carriers-global.md §3). */
import type { CarrierDefinition } from '../contract.js';
import { fedexConfidence } from '../detection/index.js';
import { createFedexAdapter, FEDEX_DISPLAY_NAME, recognisesFedexNumber } from './adapter.js';
import { FEDEX_ENABLE_WITH, loadFedexConfig, type FedexConfig } from './config.js';

export const fedexCarrier: CarrierDefinition<FedexConfig> = {
  code: 'fedex',
  displayName: FEDEX_DISPLAY_NAME,
  enableWith: FEDEX_ENABLE_WITH,
  recognises: recognisesFedexNumber,
  confidence: fedexConfidence,
  // Public page: FedEx's tracking page, as public integrations link it (code index; also jkeen/tracking_number_data).
  publicTrackingUrl: (trackingNumber) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadFedexConfig,
  create: createFedexAdapter,
};

export type { FedexConfig } from './config.js';
export { FEDEX_LIMITS } from './adapter.js';
