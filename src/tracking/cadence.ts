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
  failureRetryFirst: number;
  failureRetryMax: number;
}

export const DEFAULT_CADENCE: CadenceSettings = Object.freeze({
  outForDelivery: 30 * MINUTE,
  inTransit: 2 * HOUR,
  infoReceived: 4 * HOUR,
  notFoundFirst: 1 * HOUR,
  notFoundMax: 12 * HOUR,
  terminalConfirm: 24 * HOUR,
  expireAfterSilence: 60 * DAY,
  failureRetryFirst: 1 * MINUTE,
  failureRetryMax: 1 * HOUR,
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

/** When to poll next; null means never again. */
export function nextPollAt(input: CadenceInput, settings: CadenceSettings = DEFAULT_CADENCE): Date | null {
  const { status, now } = input;
  if (isTerminal(status)) {
    // One confirming poll after a terminal status appears (carriers correct false deliveries), then stop.
    return isTerminal(input.previousStatus) ? null : new Date(now.getTime() + settings.terminalConfirm);
  }
  return new Date(now.getTime() + intervalFor(input, settings));
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
