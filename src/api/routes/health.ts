import { Router } from 'express';
import { requirePermission } from '../auth.js';
import { DEFAULT_SHOP_TIME_ZONE, type ApiContext } from '../context.js';
import { lastLocalDays } from '../local-days.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const TREND_DAYS = 30;
const TREND_CODES = ['late', 'stalled'] as const;

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
  router.get('/health', requirePermission('read'), async (_req, res) => {
    const now = ctx.now();
    const timeZone = ctx.timeZone ?? DEFAULT_SHOP_TIME_ZONE;
    const days = lastLocalDays(now, timeZone, TREND_DAYS);
    const [byStatus, byCarrier, lastTick, pollErrorsLastHour, total, open, onTime, waiting, transit, trends] = await Promise.all([
      ctx.store.shipments.countByStatus(),
      ctx.store.shipments.countByCarrier(),
      ctx.store.pollRuns.lastTick(),
      ctx.store.pollRuns.failuresSince(new Date(now.getTime() - HOUR)),
      ctx.store.shipments.count(),
      ctx.store.anomalies.countUnresolved(),
      ctx.store.shipments.onTimeSince(new Date(now.getTime() - 30 * DAY)),
      ctx.store.shipments.waitingByCarrier(),
      ctx.store.shipments.transitSince(new Date(now.getTime() - 30 * DAY)),
      ctx.store.anomalies.openedPerDay(TREND_CODES, days),
    ]);
    res.json({
      shipments: { total, byStatus, byCarrier, waitingForCarrierConfiguration: waiting },
      polling: {
        lastTick: lastTick && { startedAt: lastTick.startedAt.toISOString(), finishedAt: lastTick.finishedAt.toISOString() },
        tickRunning: ctx.scheduler?.isRunning() ?? false,
        pollErrorsLastHour,
      },
      // Open means not resolved yet: acknowledged anomalies are still problems.
      anomalies: { open: Object.values(open.bySeverity).reduce((sum, n) => sum + n, 0), openByCode: open.byCode, openBySeverity: open.bySeverity },
      onTimeLast30Days: Object.fromEntries(
        Object.entries(onTime).map(([carrier, c]) => [carrier, { delivered: c.delivered, onTime: c.onTime, rate: c.delivered === 0 ? null : Math.round((c.onTime / c.delivered) * 1000) / 1000 }]),
      ),
      carriers: ctx.registry.codes.map((code) => ({ code, enabled: ctx.registry.adapter(code) !== undefined })),
      transitLast30Days: Object.fromEntries(
        Object.entries(transit).map(([carrier, t]) => [carrier, { delivered: t.delivered, medianDays: t.medianDays === null ? null : Math.round(t.medianDays * 10) / 10 }]),
      ),
      // Anomalies opened per shop-local day, whatever their state now: the trend, not the backlog.
      trendsLast30Days: { timeZone, days: days.map((d) => d.date), late: trends.late, stalled: trends.stalled },
    });
  });
  return router;
}
