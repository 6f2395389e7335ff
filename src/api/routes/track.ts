import { Router } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { requirePermission } from '../auth.js';
import type { ApiContext } from '../context.js';
import { shipmentStories } from '../shipment-story.js';

/** Support's lookup: one number (tracking number, shop reference or order id), the whole story. */
export function trackRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/track/:number', requirePermission('read'), async (req, res) => {
    const number = String(req.params['number']).trim();
    if (number.length === 0 || number.length > 128) {
      throw new ValidationError('number must be 1 to 128 characters', { field: 'number' });
    }
    const shipments = await ctx.store.shipments.findByNumber(number);
    res.json({ items: await shipmentStories(ctx, shipments) });
  });
  return router;
}
