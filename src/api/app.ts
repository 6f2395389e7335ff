import express, { type Express } from 'express';
import { authenticate } from './auth.js';
import type { ApiContext } from './context.js';
import { errorHandler, notFoundRoute } from './error-handler.js';
import { anomalyRoutes } from './routes/anomalies.js';
import { carrierRoutes } from './routes/carriers.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes, probeRoutes } from './routes/health.js';
import { keyRoutes } from './routes/keys.js';
import { meRoutes } from './routes/me.js';
import { metricsRoutes, type MetricsRouteOptions } from './routes/metrics.js';
import { quarantineRoutes } from './routes/quarantine.js';
import { shipmentRoutes } from './routes/shipments.js';
import { trackRoutes } from './routes/track.js';
import { consoleRoutes } from '../web/server/console-routes.js';
import { securityHeaders } from '../web/server/security-headers.js';

/** 1000 shipments with customer data fit comfortably; anything larger is a mistake. */
const BODY_LIMIT = '5mb';

export interface ApiAppOptions {
  /** GET /metrics (Prometheus); left out, the route does not exist. */
  metrics?: MetricsRouteOptions;
}

export function createApiApp(ctx: ApiContext, options: ApiAppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(probeRoutes(ctx));
  if (options.metrics) app.use(metricsRoutes(options.metrics));

  const v1 = express.Router();
  v1.use(authenticate(ctx.store, ctx.now));
  // Support's lookup is the hottest route: first, so it does not walk every other router (bench/lookup.ts).
  v1.use(trackRoutes(ctx));
  v1.use(shipmentRoutes(ctx));
  v1.use(eventRoutes(ctx));
  v1.use(anomalyRoutes(ctx));
  v1.use(carrierRoutes(ctx));
  v1.use(quarantineRoutes(ctx));
  v1.use(healthRoutes(ctx));
  v1.use(keyRoutes(ctx));
  v1.use(meRoutes(ctx));
  app.use('/v1', v1);
  // The console reads the API above with the signed-in key, like any other client.
  app.use(consoleRoutes());

  app.use(notFoundRoute);
  app.use(errorHandler(ctx.logger));
  return app;
}
