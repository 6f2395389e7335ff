import { Router, type Request } from 'express';
import { NotFoundError, ShipwatchError, ValidationError } from '../../domain/errors.js';
import { registerShipments } from '../../tracking/register.js';
import { requirePermission } from '../auth.js';
import type { ApiContext } from '../context.js';
import { page as pageOf, readCursor } from '../cursor.js';
import { errorBody, type ErrorBody } from '../error-handler.js';
import { presentShipment } from '../presenters/shipment.js';
import { presentationOf, shipmentStory } from '../shipment-story.js';
import { MAX_BATCH_REGISTRATION, shipmentListQuerySchema } from '../schemas/shipment.js';
import { parseInput } from '../schemas/validate.js';

export function shipmentRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.post('/shipments', requirePermission('registerShipments'), async (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationError('request body must be a JSON object (send Content-Type: application/json)', { field: '(body)' });
    }
    if ('shipments' in body) {
      const items = body.shipments;
      if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH_REGISTRATION) {
        throw new ValidationError(`shipments must be an array of 1 to ${MAX_BATCH_REGISTRATION} shipments`, { field: 'shipments' });
      }
      const outcomes = await registerShipments(ctx, items);
      const at = presentationOf(ctx);
      res.status(200).json({
        items: outcomes.map((o, index) =>
          o.ok ? { index, ok: true, shipment: presentShipment(o.shipment, at) } : { index, ok: false, ...itemError(o.error) },
        ),
      });
      return;
    }
    const [outcome] = await registerShipments(ctx, [body]);
    if (!outcome) throw new Error('registration returned nothing');
    if (!outcome.ok) throw outcome.error;
    res.status(201).location(`/v1/shipments/${outcome.shipment.id}`).json(presentShipment(outcome.shipment, presentationOf(ctx)));
  });

  router.get('/shipments', requirePermission('read'), async (req, res) => {
    const query = parseInput(shipmentListQuerySchema, req.query, 'query');
    const after = readCursor(query.cursor, 'shp');
    const result = await ctx.store.shipments.list({
      limit: query.limit,
      ...(query.status && { status: query.status }),
      ...(query.carrier && { carrier: query.carrier }),
      ...(query.q && { q: query.q }),
      ...(after && { after }),
    });
    const at = presentationOf(ctx);
    res.json(pageOf(result, (s) => presentShipment(s, at)));
  });

  router.get('/shipments/:id', requirePermission('read'), async (req, res) => {
    res.json(await shipmentStory(ctx, await findShipment(ctx, req)));
  });

  router.delete('/shipments/:id', requirePermission('stopTracking'), async (req, res) => {
    const shipment = await findShipment(ctx, req);
    const stopped = await ctx.store.shipments.stopTracking(shipment.id, ctx.now());
    if (!stopped) throw new NotFoundError(`no shipment with id ${shipment.id}`, { code: 'shipment_not_found' });
    res.json(presentShipment(stopped, presentationOf(ctx)));
  });

  router.post('/shipments/:id/refresh', requirePermission('refreshShipments'), async (req, res) => {
    const shipment = await findShipment(ctx, req);
    if (shipment.trackingStoppedAt) {
      throw new ValidationError('tracking of this shipment was stopped; it is no longer polled', { code: 'tracking_stopped' });
    }
    if (!ctx.registry.adapter(shipment.carrier)?.queryBy.length) {
      throw new ValidationError(`${shipment.carrier} shipments are not polled`, { code: 'not_pollable' });
    }
    const summary = await ctx.poller.pollShipments([shipment], 'refresh');
    const updated = (await ctx.store.shipments.get(shipment.id)) ?? shipment;
    res.json({ ...(await shipmentStory(ctx, updated)), refresh: { eventsAdded: summary.eventsAdded, failed: summary.failed > 0 } });
  });

  return router;
}

export async function findShipment(ctx: ApiContext, req: Request) {
  const id = String(req.params['id']);
  const shipment = await ctx.store.shipments.get(id);
  if (!shipment) throw new NotFoundError(`no shipment with id ${id}`, { code: 'shipment_not_found' });
  return shipment;
}

/** A batch item's error as the client sees it; anything unexpected is not described. */
function itemError(error: Error): ErrorBody {
  if (error instanceof ShipwatchError) return errorBody(error);
  return { error: { code: 'internal_error', message: 'internal error' } };
}
