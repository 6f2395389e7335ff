import { Router } from 'express';
import { ANY_ROLE, requireRole } from '../auth.js';
import type { ApiContext } from '../context.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Liveness and readiness need no key: load balancers and process managers call them. */
export function probeRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await ctx.store.ping();
      res.json({ status: 'ready' });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ error: { code: 'not_ready', message: 'database is not reachable' } });
    }
  });
  return router;
}

export function healthRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/health', requireRole(...ANY_ROLE), async (_req, res) => {
    const now = ctx.now();
    const [byStatus, byCarrier, lastTick, pollErrorsLastHour, total, open, onTime, waiting] = await Promise.all([
      ctx.store.shipments.countByStatus(),
      ctx.store.shipments.countByCarrier(),
      ctx.store.pollRuns.lastTick(),
      ctx.store.pollRuns.failuresSince(new Date(now.getTime() - HOUR)),
      ctx.store.shipments.count(),
      ctx.store.anomalies.countUnresolved(),
      ctx.store.shipments.onTimeSince(new Date(now.getTime() - 30 * DAY)),
      ctx.store.shipments.waitingByCarrier(),
    ]);
    res.json({
      shipments: { total, byStatus, byCarrier, waitingForCarrierConfiguration: waiting },
      polling: {
        lastTick: lastTick && { startedAt: lastTick.startedAt.toISOString(), finishedAt: lastTick.finishedAt.toISOString() },
        tickRunning: ctx.scheduler?.isRunning() ?? false,
        pollErrorsLastHour,
      },
      // Open means not resolved yet: acknowledged anomalies are still problems.
      anomalies: { openByCode: open.byCode, openBySeverity: open.bySeverity },
      onTimeLast30Days: Object.fromEntries(
        Object.entries(onTime).map(([carrier, c]) => [carrier, { delivered: c.delivered, onTime: c.onTime, rate: c.delivered === 0 ? null : Math.round((c.onTime / c.delivered) * 1000) / 1000 }]),
      ),
      carriers: ctx.registry.codes.map((code) => ({ code, enabled: ctx.registry.adapter(code) !== undefined })),
    });
  });
  return router;
}
