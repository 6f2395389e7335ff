import { isTerminal, type ShipmentStatus } from '../domain/status.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How often to ask a carrier, by what we last heard (DESIGN §7). All values in milliseconds. */
export interface CadenceSettings {
  outForDelivery: number;
  inTransit: number;
  infoReceived: number;
  notFoundFirst: number;
  notFoundMax: number;
  terminalConfirm: number;
  expireAfterSilence: number;
  /** Tracking stops this long after registration, whatever the carrier says. */
  maxTrackingAge: number;
  failureRetryFirst: number;
  failureRetryMax: number;
  /** Share of each interval a poll may move either way (0.1: ±10 %). */
  jitter: number;
}

export const DEFAULT_CADENCE: CadenceSettings = Object.freeze({
  outForDelivery: 30 * MINUTE,
  inTransit: 2 * HOUR,
  infoReceived: 4 * HOUR,
  notFoundFirst: 1 * HOUR,
  notFoundMax: 12 * HOUR,
  terminalConfirm: 24 * HOUR,
  expireAfterSilence: 60 * DAY,
  maxTrackingAge: 90 * DAY,
  failureRetryFirst: 1 * MINUTE,
  failureRetryMax: 1 * HOUR,
  jitter: 0.1,
});

export interface CadenceInput {
  /** Status before this poll. */
  previousStatus: ShipmentStatus;
  /** Status after this poll. */
  status: ShipmentStatus;
  /** Consecutive polls that found nothing, this one included. */
  notFoundCount: number;
  now: Date;
}

/** When to poll next (null: never again) and why, in words for people. */
export interface PlannedPoll {
  at: Date | null;
  reason: string;
}

/**
 * The next poll by the cadence, with jitter when `random` is given: parcels registered together
 * then spread out instead of polling in the same tick for ever.
 */
export function plannedPoll(input: CadenceInput, settings: CadenceSettings = DEFAULT_CADENCE, random?: () => number): PlannedPoll {
  const { status, now } = input;
  if (isTerminal(status)) {
    // One confirming poll after a terminal status appears (carriers correct false deliveries), then stop.
    if (isTerminal(input.previousStatus)) return { at: null, reason: `${words(status)}: confirmed, no more polls` };
    return { at: new Date(now.getTime() + jittered(settings.terminalConfirm, settings, random)), reason: `confirming ${CONFIRMING[status] ?? words(status)}` };
  }
  const interval = intervalFor(input, settings);
  const reason =
    status === 'not_found'
      ? `not found yet (${input.notFoundCount}×): next in ${formatInterval(interval)}`
      : `${words(status)}: every ${formatInterval(interval)}`;
  return { at: new Date(now.getTime() + jittered(interval, settings, random)), reason };
}

/** When to poll next; null means never again. Without `random`, exactly on the cadence. */
export function nextPollAt(input: CadenceInput, settings: CadenceSettings = DEFAULT_CADENCE, random?: () => number): Date | null {
  return plannedPoll(input, settings, random).at;
}

function jittered(interval: number, settings: CadenceSettings, random: (() => number) | undefined): number {
  if (!random || settings.jitter <= 0) return interval;
  return Math.round(interval * (1 + settings.jitter * (2 * random() - 1)));
}

function intervalFor(input: CadenceInput, settings: CadenceSettings): number {
  switch (input.status) {
    case 'out_for_delivery':
      return settings.outForDelivery;
    case 'pending':
    case 'info_received':
      return settings.infoReceived;
    case 'not_found': {
      const doublings = Math.max(0, input.notFoundCount - 1);
      return Math.min(settings.notFoundFirst * 2 ** Math.min(doublings, 20), settings.notFoundMax);
    }
    default:
      return settings.inTransit;
  }
}

/**
 * Retry delay after a failed poll: exponential from the first step to the cap, with up to 20 %
 * jitter so many shipments of one carrier do not retry in lockstep, and never before Retry-After.
 */
export function retryAfterFailure(
  failures: number,
  retryAfterMs: number | undefined,
  now: Date,
  settings: CadenceSettings = DEFAULT_CADENCE,
  random: () => number = Math.random,
): Date {
  const base = Math.min(settings.failureRetryFirst * 2 ** Math.min(Math.max(0, failures - 1), 20), settings.failureRetryMax);
  const delay = Math.max(base * (1 + 0.2 * random()), retryAfterMs ?? 0);
  return new Date(now.getTime() + delay);
}

/** A parcel we have heard nothing about for the maximum tracking age stops being polled. */
export function hasExpired(lastActivityAt: Date, now: Date, settings: CadenceSettings = DEFAULT_CADENCE): boolean {
  return now.getTime() - lastActivityAt.getTime() > settings.expireAfterSilence;
}

/** A parcel registered longer ago than the maximum tracking age is no longer polled. */
export function hasOutlivedTracking(createdAt: Date, now: Date, settings: CadenceSettings = DEFAULT_CADENCE): boolean {
  return now.getTime() - createdAt.getTime() > settings.maxTrackingAge;
}

export function silenceReason(settings: CadenceSettings): string {
  return `expired: no news for ${formatInterval(settings.expireAfterSilence)}`;
}

export function maxAgeReason(settings: CadenceSettings): string {
  return `expired: tracked for the maximum of ${formatInterval(settings.maxTrackingAge)}`;
}

/** "30 min", "2 h", "1 h 30 min", "60 days": how people read an interval. */
export function formatInterval(ms: number): string {
  if (ms >= 2 * DAY && ms % DAY === 0) return `${ms / DAY} days`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const CONFIRMING: Partial<Record<ShipmentStatus, string>> = { delivered: 'delivery', returned: 'return' };

function words(status: ShipmentStatus): string {
  return status.replaceAll('_', ' ');
}
