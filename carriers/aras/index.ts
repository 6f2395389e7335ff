/** Aras Kargo: WCF ArasCargoIntegrationService.GetQueryJSON (README.md, research carriers-tr.md §2). */
import type { CarrierDefinition } from '../contract.js';
import { arasConfidence } from '../detection/turkish.js';
import { ARAS_DISPLAY_NAME, createArasAdapter } from './adapter.js';
import { ARAS_ENV_VARS, loadArasConfig, type ArasConfig } from './config.js';
import { recognisesArasNumber } from './numbers.js';

export const arasCarrier: CarrierDefinition<ArasConfig> = {
  code: 'aras',
  displayName: ARAS_DISPLAY_NAME,
  enableWith: ARAS_ENV_VARS,
  recognises: recognisesArasNumber,
  confidence: arasConfidence,
  // Public page for the 13-digit tracking number: research carriers-tr.md §2 "Numbers & links" [V: ARAS-LINK].
  publicTrackingUrl: (trackingNumber) => `http://kargotakip.araskargo.com.tr/mainpage.aspx?code=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadArasConfig,
  create: createArasAdapter,
};

export type { ArasConfig } from './config.js';
export { ARAS_LIMITS } from './adapter.js';
