import { Router } from 'express';
import { consolePermissions } from '../../access/permissions.js';
import { apiKeyOf, requirePermission } from '../auth.js';
import { DEFAULT_SHOP_TIME_ZONE, type ApiContext } from '../context.js';

/**
 * Who the key is and what it may do, from the same role table the routes' guards use: the console
 * shows only what the API would allow. Nothing about the key itself (prefix, hash) is returned.
 */
export function meRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/me', requirePermission('read'), (_req, res) => {
    const key = apiKeyOf(res);
    // The zone tells the console how to show times (the shop's, not the browser's).
    res.json({ name: key.name, role: key.role, timeZone: ctx.timeZone ?? DEFAULT_SHOP_TIME_ZONE, can: consolePermissions(key.role) });
  });
  return router;
}
