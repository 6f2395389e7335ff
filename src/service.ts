/**
 * Wires the embedded service together: store, carriers (with the in-process sandbox by default),
 * poller and scheduler, the API, demo data. stop() undoes it in reverse, waiting for the tick in
 * flight before the database closes.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createCarrierHttp } from '../carriers/http.js';
import type { CarrierConfigResult } from '../carriers/contract.js';
import { buildCarrierRegistry, type CarrierRegistry } from '../carriers/registry.js';
import { startSandboxCarrier, type SandboxCarrierServer } from '../carriers/sandbox/index.js';
import { ensureAdminKey, type AdminKeySource } from './access/admin-key.js';
import { createMailer, type Mailer } from './alerts/mailer.js';
import { createAlertTransport } from './alerts/transport.js';
import { createAnomalyEngine, type AnomalyEngine, type SweepResult } from './anomalies/engine.js';
import { createBusinessCalendar, promisedDeadline } from './domain/calendar.js';
import { createCronJob, type CronJob } from './jobs/cron-job.js';
import { createApiApp } from './api/app.js';
import type { Config } from './config/load.js';
import { Secret } from './config/secret.js';
import { seedDemoShipments } from './demo/seed.js';
import { createPrometheusMetrics, type PrometheusMetrics } from './metrics/prometheus.js';
import { openSqliteStore } from './store/sqlite/index.js';
import type { Store } from './store/types.js';
import { DEFAULT_CADENCE } from './tracking/cadence.js';
import { createCarrierGovernor, type CarrierGovernor } from './tracking/governor/governor.js';
import { createPoller, type Poller } from './tracking/poller.js';
import { createPollScheduler, type PollScheduler } from './tracking/scheduler.js';

export interface ServiceOptions {
  logger: Logger;
  now?: () => Date;
  /** Tests drive ticks themselves. */
  schedule?: boolean;
}

export interface RunningService {
  url: string;
  adminKey: AdminKeySource;
  sandbox: SandboxCarrierServer | null;
  demoShipments: number;
  store: Store;
  registry: CarrierRegistry;
  poller: Poller;
  scheduler: PollScheduler;
  anomalies: AnomalyEngine;
  sweeper: CronJob<SweepResult>;
  mailer: Mailer;
  /** Each carrier's limits, quota and circuit, shared by poll ticks, refreshes and the API. */
  governor: CarrierGovernor;
  /** What GET /metrics serves; producers (poller, anomaly engine, mailer) feed this one instance. */
  metrics: PrometheusMetrics;
  stop(): Promise<void>;
}

export async function startService(config: Config, options: ServiceOptions): Promise<RunningService> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const store = openSqliteStore(config.dataDir);
  const cleanups: (() => Promise<void>)[] = [() => store.close()];

  try {
    const carrierConfigs: Record<string, CarrierConfigResult<unknown>> = { ...config.carriers };
    let sandbox: SandboxCarrierServer | null = null;
    // An explicitly configured sandbox (CARRIER_SANDBOX_*) wins over the embedded one.
    if (config.sandbox.mode === 'embedded' && carrierConfigs['sandbox']?.enabled !== true) {
      const apiKey = randomBytes(18).toString('base64url');
      sandbox = await startSandboxCarrier({
        apiKey,
        speed: config.sandbox.speed,
        port: config.sandbox.port,
        stateFile: join(config.dataDir, 'sandbox-carrier.json'),
        now,
        logger: logger.child({ component: 'sandbox-carrier' }),
      });
      const started = sandbox;
      cleanups.unshift(() => started.close());
      carrierConfigs['sandbox'] = { enabled: true, config: { baseUrl: sandbox.url, apiKey: new Secret(apiKey) } };
    }

    const registry = buildCarrierRegistry(carrierConfigs, { http: createCarrierHttp({ timeoutMs: config.carrierTimeoutMs }), now, logger });
    const adminKey = await ensureAdminKey(store, config.dataDir, config.adminKey, now());
    // Shipments that waited for a carrier's credentials are due as soon as the carrier is configured.
    const resumed = await store.shipments.resumeWaiting(registry.enabledCodes(), now());
    if (resumed > 0) logger.info({ resumed }, 'shipments waiting for their carrier are due now');
    const calendar = createBusinessCalendar({ timeZone: config.timeZone, saturdayIsBusinessDay: config.calendar.saturdayIsBusinessDay });
    const deadlineOf = (s: Parameters<typeof promisedDeadline>[0]) => promisedDeadline(s, calendar, config.calendar.serviceLevelDays);
    const governor = createCarrierGovernor({ store, registry, now, limitOverrides: config.polling.carrierLimits, circuit: config.polling.circuit, logger: logger.child({ component: 'governor' }) });
    const metrics = createPrometheusMetrics({ governor, store, carriers: registry.codes });
    const anomalies = createAnomalyEngine({ store, calendar, settings: config.anomalies, now, logger, metrics });
    const polledCarriers = () => registry.enabledCodes().filter((c) => (registry.adapter(c)?.queryBy.length ?? 0) > 0);
    const poller = createPoller({
      store,
      registry,
      cadence: { ...DEFAULT_CADENCE, maxTrackingAge: config.polling.maxTrackingDays * 24 * 60 * 60 * 1000 },
      now,
      logger,
      maxPerTick: config.pollMaxPerTick,
      metrics,
      governor,
      // Room for a token fetch, the request and one retry with a fresh token, each with its own timeout.
      call: { batchDeadlineMs: config.carrierTimeoutMs * 3 },
      afterPoll: async ({ shipmentIds, carriers }) => {
        await anomalies.evaluateShipments(shipmentIds);
        await anomalies.evaluateCarriers(carriers.filter((c) => polledCarriers().includes(c)));
      },
    });
    const scheduler = createPollScheduler(poller, { cron: config.pollCron, timeZone: config.timeZone, logger });
    cleanups.unshift(() => scheduler.stop());
    const sweeper = createCronJob({ name: 'anomaly-sweep', cron: config.anomalies.sweepCron, timeZone: config.timeZone, logger, run: () => anomalies.sweep(polledCarriers()) });
    cleanups.unshift(() => sweeper.stop());
    const mailer = createMailer({
      store: store.alerts,
      transport: createAlertTransport(config.alerts, config.dataDir),
      alerts: config.alerts,
      timeZone: config.timeZone,
      now,
      logger,
      metrics,
    });
    cleanups.unshift(() => mailer.stop());

    const demoShipments =
      config.demoData && sandbox
        ? await seedDemoShipments({ store, registry, sandbox, now, deadlineOf, speed: config.sandbox.speed, timeZone: config.timeZone })
        : 0;
    if (demoShipments > 0) logger.info({ demoShipments }, 'seeded demo shipments, one per sandbox scenario');

    const app = createApiApp({ store, registry, poller, governor, scheduler, anomalies, deadlineOf, sweepAnomalies: () => anomalies.sweep(polledCarriers()), logger, now, timeZone: config.timeZone }, {
      metrics: { exposition: metrics, token: config.metricsToken },
    });
    const server = await listen(app, config.host, config.port);
    cleanups.unshift(() => closeServer(server));
    const address = server.address() as AddressInfo;
    const url = `http://${formatHost(config.host)}:${address.port}`;

    let stopping: Promise<void> | null = null;
    if (options.schedule !== false) {
      scheduler.start();
      sweeper.start();
      mailer.start();
      // Poll at once rather than at the next minute; the demo then shows its anomalies right away:
      // critical mails and a first digest land in the outbox.
      const warmUp = (async () => {
        await scheduler.runNow();
        if (stopping) return;
        await sweeper.runNow();
        if (stopping || demoShipments === 0) return;
        await mailer.tick();
        await mailer.sendDigest();
      })().catch((error: unknown) => logger.error({ err: error }, 'start-up poll failed'));
      cleanups.unshift(() => warmUp);
    }
    logger.info({ url, carriers: registry.enabledCodes() }, 'shipwatch is running');

    return {
      url,
      adminKey,
      sandbox,
      demoShipments,
      store,
      registry,
      poller,
      scheduler,
      anomalies,
      sweeper,
      mailer,
      governor,
      metrics,
      stop() {
        stopping ??= runCleanups(cleanups, logger);
        return stopping;
      },
    };
  } catch (error) {
    await runCleanups(cleanups, logger);
    throw error;
  }
}

async function runCleanups(cleanups: readonly (() => Promise<void>)[], logger: Logger): Promise<void> {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
    }
  }
}

function listen(app: ReturnType<typeof createApiApp>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

function formatHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
