import { Router } from 'express';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { normaliseTrackingNumber } from '../../domain/shipment.js';
import type { CarrierHealth } from '../../tracking/governor/types.js';
import { requirePermission } from '../auth.js';
import type { ApiContext } from '../context.js';
import { parseInput } from '../schemas/validate.js';

/** As long as a shipment's trackingNumber may be (src/api/schemas/shipment.ts). */
const detectParamsSchema = z.strictObject({
  number: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
});

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** The unmapped-code share looks back this far in poll_runs. */
const UNMAPPED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** "unavailable:3,auth:1" → "unavailable": the kind of the most frequent failure in the summary. */
function failureKindOf(summary: string | null | undefined): string | null {
  if (!summary) return null;
  let best: { kind: string; n: number } | null = null;
  for (const part of summary.split(',')) {
    const [kind = '', count = ''] = part.split(':');
    const n = Number(count);
    if (kind !== '' && (!best || n > best.n)) best = { kind, n: Number.isFinite(n) ? n : 0 };
  }
  return best?.kind ?? null;
}

function presentHealth(h: CarrierHealth | undefined) {
  if (!h) return { circuit: null, quota: null };
  const { circuit: c, quota: q } = h;
  return {
    circuit: { state: c.state, consecutiveFailures: c.consecutiveFailures, openedAt: iso(c.openedAt), nextProbeAt: iso(c.nextProbeAt) },
    quota: { day: q.day, used: q.used, limit: q.limit, left: q.left, resetsAt: iso(q.resetsAt) },
  };
}

/** Every carrier shipwatch knows: configured or not, how to switch it on, how it has been doing. */
export function carrierRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/carriers', requirePermission('read'), async (_req, res) => {
    const [activity, waiting, byCarrier, eventCounts, health] = await Promise.all([
      ctx.store.pollRuns.carrierActivity(),
      ctx.store.shipments.waitingByCarrier(),
      ctx.store.shipments.countByCarrier(),
      ctx.store.pollRuns.eventCountsSince(new Date(ctx.now().getTime() - UNMAPPED_WINDOW_MS)),
      ctx.governor.health(),
    ]);
    const healthOf = new Map(health.map((h) => [h.carrier, h]));
    const items = ctx.registry.codes.map((code) => {
      const definition = ctx.registry.definition(code);
      const adapter = ctx.registry.adapter(code);
      const seen = activity[code];
      const events = eventCounts[code];
      return {
        code,
        displayName: definition?.displayName ?? code,
        configured: adapter !== undefined,
        polled: (adapter?.queryBy.length ?? 0) > 0,
        enableWith: definition?.enableWith ?? [],
        queryBy: adapter?.queryBy ?? [],
        // The governor's limits include per-carrier config overrides and the daily quota.
        limits: healthOf.get(code)?.limits ?? adapter?.limits ?? null,
        shipments: byCarrier[code] ?? 0,
        waitingForConfiguration: waiting[code] ?? 0,
        lastSuccessAt: iso(seen?.lastSuccessAt),
        lastFailureAt: iso(seen?.lastFailureAt),
        lastFailure: seen?.lastFailure ?? null,
        lastFailureKind: failureKindOf(seen?.lastFailure),
        ...presentHealth(healthOf.get(code)),
        unmappedShare: events && events.added > 0 ? Math.round((events.unmapped / events.added) * 1000) / 1000 : null,
      };
    });
    res.json({ items });
  });

  // Which carriers a number's shape fits, best first (issue 5 §7); no carrier is called.
  router.get('/carriers/detect/:number', requirePermission('read'), (req, res) => {
    const number = normaliseTrackingNumber(parseInput(detectParamsSchema, req.params, 'path').number);
    if (number === '') throw new ValidationError('invalid path: number: must contain letters or digits', { field: 'number' });
    res.json({ number, candidates: ctx.registry.candidates(number) });
  });
  return router;
}
