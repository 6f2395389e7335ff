/**
 * A real HTTP server pretending to be a Turkish courier, for the demo, local development and
 * integration tests. Every parcel's timeline starts at its registration: a step is visible once
 * `createdAt + afterHours / speed` has passed. Wire format and switches: README.md.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import { recognisesSandboxNumber, sandboxScenarioCode } from './numbers.js';
import { openParcelBook, type Parcel } from './parcel-book.js';
import { deliveryTime, dueSteps, sandboxScenario, type SandboxScenario } from './scenarios.js';
import {
  registerShipmentRequestSchema,
  SANDBOX_DAY_FORMAT,
  SANDBOX_ERROR_CODES as CODES,
  SANDBOX_EVENT_DATE_FORMAT,
  SANDBOX_MAX_BATCH,
  SANDBOX_TIME_ZONE,
  trackRequestSchema,
  type SandboxErrorBody,
  type SandboxTrackResponse,
  type SandboxTrackResult,
} from './wire.js';

export const SANDBOX_FAULT_KINDS = ['http500', 'rate_limit', 'garbage', 'slow'] as const;
export type SandboxFaultKind = (typeof SANDBOX_FAULT_KINDS)[number];
export interface SandboxFault {
  kind: SandboxFaultKind;
  /** How many requests the fault answers before it clears itself; unset: until cleared. */
  remaining?: number;
}

export interface SandboxServerOptions {
  apiKey: string;
  /** Timeline speed-up: 60 plays an hour of parcel life per minute. */
  speed?: number;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where registrations are kept across restarts, so event timestamps stay the same. */
  stateFile?: string;
  now?: () => Date;
  logger?: Logger;
}

export interface SandboxCarrierServer {
  url: string;
  /**
   * First registration wins: registering a number again keeps its original clock. Throws
   * SandboxRegistrationError for a number no scenario knows or a reference another parcel holds.
   */
  registerParcel(trackingNumber: string, opts?: { reference?: string; createdAt?: Date }): void;
  setFault(fault: SandboxFault | null): void;
  close(): Promise<void>;
}

interface Registration {
  parcel: Parcel;
  created: boolean;
}

/** Thrown by `registerParcel` for a number no scenario knows or a reference another parcel holds. */
export class SandboxRegistrationError extends Error {
  constructor(readonly reason: 'invalid_number' | 'reference_taken') {
    super(reason === 'invalid_number' ? 'not a sandbox scenario number' : 'reference already registered to another parcel');
    this.name = 'SandboxRegistrationError';
  }
}

export const SANDBOX_RETRY_AFTER_SECONDS = 30;
const SLOW_DELAY_MS = 30_000;

const faultSchema = z.strictObject({ kind: z.enum(SANDBOX_FAULT_KINDS), remaining: z.number().int().positive().optional() });

export async function startSandboxCarrier(options: SandboxServerOptions): Promise<SandboxCarrierServer> {
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError('speed must be a positive number');
  const now = options.now ?? (() => new Date());
  // The caller names the component: a child here would repeat its bindings.
  const logger = options.logger ?? pino({ level: 'silent' });
  const book = openParcelBook(options.stateFile);
  const timers = new Set<NodeJS.Timeout>();
  let fault: SandboxFault | null = null;

  /** First registration wins for the clock; a reference may be added to a parcel that had none. */
  function registerParcel(trackingNumber: string, opts: { reference?: string; createdAt?: Date } = {}): Registration {
    const number = trackingNumber.trim().toUpperCase();
    if (!scenarioOf(number)) throw new SandboxRegistrationError('invalid_number');
    const existing = book.get(number);
    const { reference } = opts;
    const owner = reference === undefined ? undefined : book.byReference(reference);
    if (owner && owner.trackingNumber !== number) throw new SandboxRegistrationError('reference_taken');
    if (existing) {
      if (reference === undefined || existing.reference === reference) return { parcel: existing, created: false };
      if (existing.reference !== undefined) throw new SandboxRegistrationError('reference_taken');
    }
    const parcel: Parcel = {
      trackingNumber: number,
      createdAt: existing?.createdAt ?? opts.createdAt ?? now(),
      ...(reference !== undefined && { reference }),
    };
    book.put(parcel);
    return { parcel, created: existing === undefined };
  }

  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.on('finish', () => logger.debug({ method: req.method, path: req.path, status: res.statusCode }, 'sandbox request'));
    next();
  });
  const requireKey = checkApiKey(options.apiKey);
  app.use('/api', requireKey);
  app.use('/sandbox', requireKey);
  app.use(express.json({ limit: '100kb' }));

  app.post('/sandbox/faults', (req, res) => {
    const parsed = faultSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, CODES.badRequest, 'kind: http500, rate_limit, garbage veya slow olmalı');
    fault = parsed.data;
    res.json({ fault });
  });
  app.delete('/sandbox/faults', (_req, res) => {
    fault = null;
    res.status(204).end();
  });

  // Faults answer carrier API requests only, so a test can always switch them off again.
  app.use('/api', (_req, res, next) => {
    const active = fault;
    if (!active) return next();
    if (active.remaining !== undefined) fault = active.remaining > 1 ? { ...active, remaining: active.remaining - 1 } : null;
    switch (active.kind) {
      case 'http500':
        return sendError(res, 500, CODES.serverError, 'Beklenmeyen bir hata oluştu');
      case 'rate_limit':
        res.set('Retry-After', String(SANDBOX_RETRY_AFTER_SECONDS));
        return sendError(res, 429, CODES.rateLimited, 'Çok fazla istek, lütfen daha sonra tekrar deneyin');
      case 'garbage':
        return res.status(200).type('html').send('<html><body><h1>Bakım çalışması</h1></body></html>');
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          next();
        }, SLOW_DELAY_MS);
        timers.add(timer);
        return;
      }
    }
  });

  app.post('/api/v1/track', (req, res) => {
    const parsed = trackRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      return sendError(res, 400, CODES.badRequest, `trackingNumbers veya references alanı 1 ile ${SANDBOX_MAX_BATCH} arasında numara içermeli`);
    }
    const at = now();
    const results: SandboxTrackResult[] =
      'trackingNumbers' in parsed.data
        ? parsed.data.trackingNumbers.map((asked) => {
            const number = asked.trim().toUpperCase();
            // Anyone may try a scenario number: the first query starts its clock.
            const parcel = book.get(number) ?? (isTrackable(number) ? registerParcel(number, { createdAt: at }).parcel : undefined);
            return timelineResult(asked, parcel, at, speed);
          })
        : parsed.data.references.map((asked) => timelineResult(asked, book.byReference(asked), at, speed));
    res.json({ results } satisfies SandboxTrackResponse);
  });

  app.post('/api/v1/shipments', (req, res) => {
    const parsed = registerShipmentRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, CODES.badRequest, 'trackingNumber zorunlu; createdAt ISO 8601 olmalı');
    const { trackingNumber, reference, createdAt } = parsed.data;
    try {
      const { parcel, created } = registerParcel(trackingNumber, {
        ...(reference !== undefined && { reference }),
        ...(createdAt !== undefined && { createdAt: new Date(createdAt) }),
      });
      res.status(created ? 201 : 200).json({ ...parcel, createdAt: parcel.createdAt.toISOString() });
    } catch (error) {
      if (!(error instanceof SandboxRegistrationError)) throw error;
      if (error.reason === 'invalid_number') return sendError(res, 400, CODES.badRequest, 'trackingNumber geçerli bir sandbox numarası değil');
      sendError(res, 409, CODES.conflict, 'Bu referans başka bir gönderiyle kayıtlı');
    }
  });

  app.use((_req, res) => sendError(res, 404, CODES.notFound, 'Kaynak bulunamadı'));
  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    if (status >= 400 && status < 500) return sendError(res, status, CODES.badRequest, 'İstek gövdesi okunamadı');
    logger.error({ err: error }, 'sandbox carrier failed on a request');
    return sendError(res, 500, CODES.serverError, 'Beklenmeyen bir hata oluştu');
  };
  app.use(onError);

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox carrier is not listening on TCP');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, speed, parcels: book.size() }, 'sandbox carrier listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    registerParcel: (trackingNumber, opts) => void registerParcel(trackingNumber, opts),
    setFault(next) {
      fault = next === null ? null : faultSchema.parse(next);
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function scenarioOf(number: string): SandboxScenario | undefined {
  const code = sandboxScenarioCode(number);
  return code === null ? undefined : sandboxScenario(code);
}

function isTrackable(number: string): boolean {
  const scenario = scenarioOf(number);
  return scenario !== undefined && !scenario.notFound;
}

/** What the carrier says about one identifier at `at`: the steps whose time has come. */
function timelineResult(asked: string, parcel: Parcel | undefined, at: Date, speed: number): SandboxTrackResult {
  const scenario = parcel ? scenarioOf(parcel.trackingNumber) : undefined;
  const due = parcel && scenario ? dueSteps(scenario, parcel.createdAt, at, speed) : [];
  if (!parcel || due.length === 0) {
    return { number: asked, found: false, error: { code: CODES.notFound, message: 'Gönderi bulunamadı' } };
  }
  const deliveryAt = scenario ? deliveryTime(scenario, parcel.createdAt, speed) : undefined;
  return {
    number: asked,
    found: true,
    trackingNumber: parcel.trackingNumber,
    ...(parcel.reference !== undefined && { reference: parcel.reference }),
    events: due.map(({ step, time }) => ({
      code: step.code,
      description: step.description,
      date: istanbul(time, SANDBOX_EVENT_DATE_FORMAT),
      city: step.city,
      ...(step.district !== undefined && { district: step.district }),
    })),
    ...(deliveryAt !== undefined && deliveryAt > at && { estimatedDelivery: istanbul(deliveryAt, SANDBOX_DAY_FORMAT) }),
  };
}

function istanbul(time: Date, pattern: string): string {
  return format(time, pattern, { in: tz(SANDBOX_TIME_ZONE) });
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } } satisfies SandboxErrorBody);
}

/** Compares digests so the check takes the same time whatever the key's length or content. */
function checkApiKey(apiKey: string): RequestHandler {
  const expected = createHash('sha256').update(apiKey).digest();
  return (req, res, next) => {
    const given = req.get('x-api-key');
    if (given !== undefined && timingSafeEqual(createHash('sha256').update(given).digest(), expected)) return next();
    sendError(res, 401, CODES.unauthorised, 'API anahtarı eksik veya geçersiz');
  };
}
