/**
 * The DHL Shipment Tracking – Unified adapter. DHL tracks one number per call (research §1), so
 * numbers are asked one after another; the poller owns pacing through `limits`. Expected failures
 * are values, never throws.
 */
import type { CarrierAdapter, CarrierDeps, CarrierFailure, TrackContext, TrackOutcome } from '../contract.js';
import { dhlConfidence } from '../detection/index.js';
import { trackOneByOne } from '../one-by-one.js';
import { createDhlClient, dhlService } from './client.js';
import type { DhlConfig } from './config.js';
import { parseShipment, pickShipment } from './parse.js';
import { dhlTrackResponseSchema } from './wire.js';

/**
 * One number per call (`trackingNumber` query parameter). DHL's initial plan allows at most one
 * call a second and 250 calls a day (research §1 [S]), resetting at 24:00 GMT, and 10 fetches per
 * shipment a day [C]; one in flight keeps us under the per-second cap even when DHL answers fast.
 * The poller counts the daily quota and the per-shipment cap from these values.
 */
export const DHL_LIMITS = { maxBatch: 1, requestsPerSecond: 1, concurrency: 1, dailyQuota: 250, perShipmentDaily: 10, quotaZone: 'UTC' } as const;

export const DHL_DISPLAY_NAME = 'DHL (Shipment Tracking – Unified)';

export function createDhlAdapter(config: DhlConfig, deps: CarrierDeps): CarrierAdapter {
  const logger = deps.logger.child({ component: 'carrier-adapter' });
  const client = createDhlClient(deps.http, config, deps.now);

  function failed(failure: CarrierFailure): TrackOutcome {
    logger.warn({ failure }, 'dhl track request failed');
    return { kind: 'failed', failure };
  }

  async function trackOne(number: string, ctx: TrackContext): Promise<TrackOutcome> {
    const given = ctx.services?.get(number);
    const service = dhlService(given);
    if (given !== undefined && service === undefined) {
      // The shop's key is its own data, not a secret: naming it helps them fix the shipment.
      logger.warn({ service: given.slice(0, 40) }, 'dhl service not in the documented list; tracking without it');
    }
    const answer = await client.track(number, service, ctx.signal);
    if (answer.kind === 'not_found') return { kind: 'not_found' };
    if (answer.kind === 'failed') return failed(answer.failure);

    const response = dhlTrackResponseSchema.safeParse(answer.body);
    if (!response.success) return failed({ kind: 'malformed', detail: 'DHL answer has no shipments list' });
    const shipment = pickShipment(response.data.shipments, number, service);
    if (shipment === undefined) {
      if (response.data.shipments.length > 0) {
        // Another division's shipment (research §1): not the parcel the shop registered.
        logger.info({ shipments: response.data.shipments.length, service: service ?? null }, 'dhl answered with other shipment ids only; read as not found');
      }
      return { kind: 'not_found' };
    }
    const outcome = parseShipment(shipment);
    if (outcome.kind === 'failed') return failed(outcome.failure);
    return outcome;
  }

  return {
    code: 'dhl',
    displayName: DHL_DISPLAY_NAME,
    limits: DHL_LIMITS,
    // The Unified API takes only DHL's tracking number; shop references are not searchable.
    queryBy: ['trackingNumber'],
    recognises: (n) => dhlConfidence(n) > 0,
    track: (numbers, ctx) => trackOneByOne(numbers, (number) => trackOne(number, ctx)),
  };
}
