import { Router } from 'express';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { normaliseTrackingNumber } from '../../domain/shipment.js';
import { ANY_ROLE, requireRole } from '../auth.js';
import type { ApiContext } from '../context.js';
import { parseInput } from '../schemas/validate.js';

/** As long as a shipment's trackingNumber may be (src/api/schemas/shipment.ts). */
const detectParamsSchema = z.strictObject({
  number: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
});

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

  // Which carriers a number's shape fits, best first (issue 5 §7); no carrier is called.
  router.get('/carriers/detect/:number', requireRole(...ANY_ROLE), (req, res) => {
    const number = normaliseTrackingNumber(parseInput(detectParamsSchema, req.params, 'path').number);
    if (number === '') throw new ValidationError('invalid path: number: must contain letters or digits', { field: 'number' });
    res.json({ number, candidates: ctx.registry.candidates(number) });
  });
  return router;
}
