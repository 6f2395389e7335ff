import { Router } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { ingestEvents, type IncomingEvent } from '../../tracking/ingest.js';
import { DEFAULT_CADENCE } from '../../tracking/cadence.js';
import { requirePermission } from '../auth.js';
import type { ApiContext } from '../context.js';
import { manualEventsBodySchema } from '../schemas/event.js';
import { parseInput } from '../schemas/validate.js';
import { shipmentStory } from '../shipment-story.js';
import { findShipment } from './shipments.js';

/** Clocks drift; an event more than this far in the future is a typo, not a scan. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Events entered by hand (or pushed): the same ingest as polled ones, idempotent, any order. */
export function eventRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post('/shipments/:id/events', requirePermission('addEvents'), async (req, res) => {
    const shipment = await findShipment(ctx, req);
    const body = parseInput(manualEventsBodySchema, req.body ?? {}, 'events');
    const now = ctx.now();
    const incoming: IncomingEvent[] = body.events.map((e, index) => {
      const occurredAt = new Date(e.occurredAt);
      if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        throw new ValidationError(`events.${index}.occurredAt: must not be in the future`, { field: `events.${index}.occurredAt` });
      }
      const location = typeof e.location === 'string' ? { text: e.location, city: null, country: null } : e.location;
      return {
        occurredAt,
        status: e.status,
        substatus: e.substatus ?? null,
        description: e.description,
        location: location ? { text: location.text ?? location.city ?? null, city: location.city ?? null, country: location.country ?? null } : null,
      };
    });
    const result = await ingestEvents({ store: ctx.store, cadence: DEFAULT_CADENCE, now: ctx.now, logger: ctx.logger }, shipment, incoming, {
      source: 'manual',
      polled: false,
    });
    await ctx.anomalies.evaluateShipments([shipment.id]);
    const updated = (await ctx.store.shipments.get(shipment.id)) ?? shipment;
    res.json({ ...(await shipmentStory(ctx, updated)), eventsAdded: result.eventsAdded });
  });
  return router;
}
