/** Yurtiçi Kargo: SOAP `ShippingOrderDispatcherServices.queryShipment` (README.md). */
import type { CarrierDefinition } from '../contract.js';
import { yurticiConfidence } from '../detection/turkish.js';
import { createYurticiAdapter } from './adapter.js';
import { loadYurticiConfig, YURTICI_ENABLE_WITH, type YurticiConfig } from './config.js';
import { recognisesYurticiNumber } from './numbers.js';

export const yurticiCarrier: CarrierDefinition<YurticiConfig> = {
  code: 'yurtici',
  displayName: 'Yurtiçi Kargo',
  enableWith: YURTICI_ENABLE_WITH,
  recognises: recognisesYurticiNumber,
  confidence: yurticiConfidence,
  // Public page: research carriers-tr.md §1 "Numbers & links" [M]; the tracking number is Yurtiçi's docId (README.md).
  publicTrackingUrl: (trackingNumber) => `https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadYurticiConfig,
  create: createYurticiAdapter,
};

export type { YurticiConfig } from './config.js';
export { YURTICI_LIMITS, YURTICI_REPEAT_BLOCK_MS } from './adapter.js';
