import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Secret } from '../../config/secret.js';
import { AuthError } from '../../domain/errors.js';

/** What GET /metrics serves: the Prometheus text and its Content-Type (src/metrics/prometheus.ts). */
export interface MetricsExposition {
  readonly contentType: string;
  scrape(): Promise<string>;
}

export interface MetricsRouteOptions {
  exposition: MetricsExposition;
  /** METRICS_TOKEN; unset, /metrics is open on the listening address like /healthz. */
  token: Secret | undefined;
}

/**
 * Prometheus scrapes without API keys, so /metrics sits outside /v1. Metrics carry no customer data
 * (label values are carrier codes and kinds), but a token keeps them private when the API is exposed.
 */
export function metricsRoutes(options: MetricsRouteOptions): Router {
  const router = Router();
  const expected = options.token ? digest(options.token.reveal()) : null;
  router.get('/metrics', async (req, res) => {
    if (expected && !presents(req, expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AuthError('unauthorized', 'send the metrics token as "Authorization: Bearer <token>"');
    }
    const text = await options.exposition.scrape();
    res.set('Content-Type', options.exposition.contentType).set('Cache-Control', 'no-store').send(text);
  });
  return router;
}

/** Hashes first so the comparison takes the same time whatever the length of the guess. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function presents(req: Request, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
}
