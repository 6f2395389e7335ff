import type { CarrierRule } from '../types.js';

const share = (e: { total: number; unmapped: number }) => (e.total === 0 ? 0 : e.unmapped / e.total);

/** Many recent events carry codes no mapping table knows: the carrier changed its codes or wording. */
export const carrierDrift: CarrierRule = {
  code: 'carrier_drift',
  severity: 'high',
  opens({ settings, recentEvents }) {
    if (recentEvents.total < settings.driftMinEvents) return null;
    const unmappedShare = share(recentEvents);
    if (unmappedShare < settings.driftShare) return null;
    return {
      trigger: 'drift',
      details: { unmappedShare: Math.round(unmappedShare * 1000) / 1000, events: recentEvents.total, unmapped: recentEvents.unmapped },
    };
  },
  resolves({ settings, recentEvents }) {
    // Half the opening share, so a carrier hovering at the threshold does not flap open and shut.
    return share(recentEvents) < settings.driftShare / 2 ? 'unmapped share back to normal' : null;
  },
};
