import { Router } from 'express';
import { ANY_ROLE, requireRole } from '../auth.js';
import type { ApiContext } from '../context.js';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Every carrier shipwatch knows: configured or not, how to switch it on, how it has been doing. */
export function carrierRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/carriers', requireRole(...ANY_ROLE), async (_req, res) => {
    const [activity, waiting, byCarrier] = await Promise.all([
      ctx.store.pollRuns.carrierActivity(),
      ctx.store.shipments.waitingByCarrier(),
      ctx.store.shipments.countByCarrier(),
    ]);
    const items = ctx.registry.codes.map((code) => {
      const definition = ctx.registry.definition(code);
      const adapter = ctx.registry.adapter(code);
      const seen = activity[code];
      return {
        code,
        displayName: definition?.displayName ?? code,
        configured: adapter !== undefined,
        polled: (adapter?.queryBy.length ?? 0) > 0,
        enableWith: definition?.enableWith ?? [],
        queryBy: adapter?.queryBy ?? [],
        limits: adapter?.limits ?? null,
        shipments: byCarrier[code] ?? 0,
        waitingForConfiguration: waiting[code] ?? 0,
        lastSuccessAt: iso(seen?.lastSuccessAt),
        lastFailureAt: iso(seen?.lastFailureAt),
        lastFailure: seen?.lastFailure ?? null,
      };
    });
    res.json({ items });
  });
  return router;
}
