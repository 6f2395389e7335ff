/**
 * Which due shipments to ask first when a carrier's budget (quota left today, the tick's maximum)
 * cannot cover them all (issue 6 §2): what a customer is waiting for right now first, long-quiet
 * and finished parcels last. Pure: the poller hands in `now`.
 */
import type { Shipment } from '../domain/shipment.js';
import { isTerminal } from '../domain/status.js';
import type { DueUrgency } from '../store/types.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A deadline this close (or already past) makes a parcel urgent; so does an exception this fresh. */
export const URGENT_WITHIN_MS = DAY;
/** No event for this long: the carrier is unlikely to say anything new soon. */
export const QUIET_AFTER_MS = 7 * DAY;
/** How far past its deadline a parcel is still looked for among the urgent ones (bounds the index scan). */
export const LATE_LOOKBACK_MS = 30 * DAY;

export const POLL_PRIORITIES = [
  'out_for_delivery',
  'deadline',
  'attempt_failed',
  'fresh_exception',
  'normal',
  'quiet',
  'terminal',
] as const;
export type PollPriority = (typeof POLL_PRIORITIES)[number];

export function pollPriority(shipment: Shipment, now: Date): PollPriority {
  const t = now.getTime();
  if (isTerminal(shipment.status)) return 'terminal';
  if (shipment.status === 'out_for_delivery') return 'out_for_delivery';
  if (shipment.deadlineAt && shipment.deadlineAt.getTime() <= t + URGENT_WITHIN_MS) return 'deadline';
  if (shipment.status === 'attempt_failed') return 'attempt_failed';
  if (shipment.status === 'exception' && shipment.lastEventAt && t - shipment.lastEventAt.getTime() < URGENT_WITHIN_MS) return 'fresh_exception';
  if (t - (shipment.lastEventAt ?? shipment.createdAt).getTime() >= QUIET_AFTER_MS) return 'quiet';
  return 'normal';
}

/** Most important first; within a priority, longest overdue first (then id, so the order is stable). */
export function orderByPriority(shipments: readonly Shipment[], now: Date): Shipment[] {
  const rank = new Map(shipments.map((s) => [s.id, POLL_PRIORITIES.indexOf(pollPriority(s, now))]));
  return [...shipments].sort(
    (a, b) =>
      (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) ||
      (a.nextPollAt?.getTime() ?? 0) - (b.nextPollAt?.getTime() ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The store's urgent-shipment query bounds matching pollPriority. */
export function dueUrgency(now: Date): DueUrgency {
  const t = now.getTime();
  return { deadlineFrom: new Date(t - LATE_LOOKBACK_MS), deadlineTo: new Date(t + URGENT_WITHIN_MS), freshSince: new Date(t - URGENT_WITHIN_MS) };
}
