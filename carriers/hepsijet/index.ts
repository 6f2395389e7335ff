/** HepsiJet: REST integration.hepsijet.com with a token (README.md, research carriers-tr.md §6). */
import type { CarrierDefinition } from '../contract.js';
import { createHepsijetAdapter, HEPSIJET_DISPLAY_NAME } from './adapter.js';
import { loadHepsijetConfig, type HepsijetConfig } from './config.js';
import { detectsHepsijetNumber } from './numbers.js';

export const hepsijetCarrier: CarrierDefinition<HepsijetConfig> = {
  code: 'hepsijet',
  displayName: HEPSIJET_DISPLAY_NAME,
  enableWith: ['CARRIER_HEPSIJET_USERNAME', 'CARRIER_HEPSIJET_PASSWORD'],
  recognises: detectsHepsijetNumber,
  // Public page: research carriers-tr.md §6, the shop's customerDeliveryNo in the path [M].
  publicTrackingUrl: (trackingNumber) => `https://www.hepsijet.com/gonderi-takibi/${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadHepsijetConfig,
  create: createHepsijetAdapter,
};

export type { HepsijetConfig } from './config.js';
