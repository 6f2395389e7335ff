/**
 * 17TRACK API v2.2, the long tail for carriers without a direct adapter (README.md, research
 * carriers-global.md §5). Detection claims only UPU S10 numbers of posts without their own
 * adapter; other numbers come here when the shop names `17track` or registration routes an
 * unrecognised number here.
 */
import type { CarrierDefinition } from '../contract.js';
import { otherPostConfidence } from '../detection/index.js';
import { createSeventeenTrackAdapter, SEVENTEEN_TRACK_DISPLAY_NAME } from './adapter.js';
import { loadSeventeenTrackConfig, SEVENTEEN_TRACK_ENABLE_WITH, type SeventeenTrackConfig } from './config.js';

export const seventeenTrackCarrier: CarrierDefinition<SeventeenTrackConfig> = {
  code: '17track',
  displayName: SEVENTEEN_TRACK_DISPLAY_NAME,
  enableWith: SEVENTEEN_TRACK_ENABLE_WITH,
  recognises: (n) => otherPostConfidence(n) > 0,
  confidence: otherPostConfidence,
  // Public page: 17TRACK's result page, as its own tracking widget examples open it (gist a-vasyliev, extcall.17track.net).
  publicTrackingUrl: (trackingNumber) => `https://t.17track.net/en#nums=${encodeURIComponent(trackingNumber)}`,
  loadConfig: loadSeventeenTrackConfig,
  create: createSeventeenTrackAdapter,
};

export type { SeventeenTrackConfig } from './config.js';
export { SEVENTEEN_TRACK_LIMITS } from './adapter.js';
