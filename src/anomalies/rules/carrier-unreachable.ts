import type { CarrierRule } from '../types.js';
import { iso } from './timeline.js';

/** Every poll of one carrier failed for the whole window: the carrier (or our access to it) is down. */
export const carrierUnreachable: CarrierRule = {
  code: 'carrier_unreachable',
  severity: 'high',
  opens({ now, settings, recentRuns }) {
    const windowStart = now.getTime() - settings.carrierUnreachableMinutes * 60_000;
    const inWindow = recentRuns.filter((r) => r.finishedAt.getTime() >= windowStart && r.requested > 0);
    if (inWindow.length === 0 || inWindow.some((r) => r.failed < r.requested)) return null;
    const oldest = inWindow[inWindow.length - 1];
    // The failures must span the window, not one unlucky tick.
    if (!oldest || now.getTime() - oldest.finishedAt.getTime() < settings.carrierUnreachableMinutes * 60_000 * 0.9) return null;
    return { trigger: iso(oldest.finishedAt), details: { since: iso(oldest.finishedAt), failedPolls: inWindow.length } };
  },
  resolves({ recentRuns }) {
    const latest = recentRuns.find((r) => r.requested > 0);
    return latest && latest.failed < latest.requested ? 'a poll succeeded' : null;
  },
};
