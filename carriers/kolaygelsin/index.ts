/** Kolay Gelsin (Trendyol's `SENDEOMP`): REST GetCorporateShipmentsStatus with a token (README.md). */
import type { CarrierDefinition } from '../contract.js';
import { createKolayGelsinAdapter, KOLAYGELSIN_DISPLAY_NAME } from './adapter.js';
import { loadKolayGelsinConfig, type KolayGelsinConfig } from './config.js';
import { recognisesKolayGelsinNumber } from './numbers.js';

export const kolaygelsinCarrier: CarrierDefinition<KolayGelsinConfig> = {
  code: 'kolaygelsin',
  displayName: KOLAYGELSIN_DISPLAY_NAME,
  enableWith: ['CARRIER_KOLAYGELSIN_TOKEN'],
  recognises: recognisesKolayGelsinNumber,
  loadConfig: loadKolayGelsinConfig,
  create: createKolayGelsinAdapter,
};

export type { KolayGelsinConfig } from './config.js';
