import { Router, type Response } from 'express';
import { z } from 'zod';
import { ANOMALY_CODES, ANOMALY_STATES, SEVERITIES, type Anomaly } from '../../anomalies/types.js';
import { ConflictError, NotFoundError, type ShipwatchError } from '../../domain/errors.js';
import { ANOMALY_ORDERS } from '../../store/types.js';
import { apiKeyOf, requirePermission } from '../auth.js';
import type { ApiContext } from '../context.js';
import { page as pageOf, readCursor } from '../cursor.js';
import { errorBody } from '../error-handler.js';
import { presentAnomaly, presentListedAnomaly } from '../presenters/anomaly.js';
import { parseInput } from '../schemas/validate.js';

const STATE_FILTERS = [...ANOMALY_STATES, 'unresolved'] as const;
const MAX_BULK_ACKNOWLEDGE = 100;

const listQuerySchema = z.strictObject({
  state: z.enum(STATE_FILTERS, { error: `must be one of ${STATE_FILTERS.join(', ')}` }).optional(),
  code: z.enum(ANOMALY_CODES, { error: `must be one of ${ANOMALY_CODES.join(', ')}` }).optional(),
  severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }).optional(),
  carrier: z.string().trim().toLowerCase().min(1).optional(),
  since: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' }).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
  order: z.enum(ANOMALY_ORDERS, { error: `must be one of ${ANOMALY_ORDERS.join(', ')}` }).default('newest'),
  cursor: z.string().min(1).max(200).optional(),
});

const noteSchema = z.strictObject({ note: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters') });
const optionalNoteSchema = z.strictObject({ note: noteSchema.shape.note.optional() });
const bulkAcknowledgeSchema = z.strictObject({
  ids: z
    .array(z.string({ error: 'must be anomaly ids' }).trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'), { error: 'must be an array of anomaly ids' })
    .min(1, 'must hold at least one id')
    .max(MAX_BULK_ACKNOWLEDGE, `must hold at most ${MAX_BULK_ACKNOWLEDGE} ids`)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id'),
  note: noteSchema.shape.note.optional(),
});

type AcknowledgeOutcome = { ok: true; anomaly: Anomaly } | { ok: false; error: ShipwatchError };

export function anomalyRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get('/anomalies', requirePermission('read'), async (req, res) => {
    const q = parseInput(listQuerySchema, req.query, 'query');
    const after = readCursor(q.cursor, 'anm');
    const result = await ctx.store.anomalies.list({
      limit: q.limit,
      ...(q.state && { state: q.state }),
      ...(q.code && { code: q.code }),
      ...(q.severity && { severity: q.severity }),
      ...(q.carrier && { carrier: q.carrier }),
      ...(q.since && { since: new Date(q.since) }),
      order: q.order,
      ...(after && { after }),
    });
    res.json(pageOf(result, presentListedAnomaly));
  });

  router.post('/anomalies/scan', requirePermission('scanAnomalies'), async (_req, res) => {
    res.json(await ctx.sweepAnomalies());
  });

  // The inbox's bulk action: each id succeeds or fails on its own, like a batch registration.
  router.post('/anomalies/acknowledge', requirePermission('acknowledgeAnomalies'), async (req, res) => {
    const { ids, note } = parseInput(bulkAcknowledgeSchema, req.body ?? {}, 'acknowledgement');
    const by = who(res);
    const items = [];
    for (const id of ids) {
      const outcome = await acknowledge(ctx, id, by, note ?? null);
      items.push(outcome.ok ? { id, ok: true, anomaly: presentAnomaly(outcome.anomaly) } : { id, ok: false, ...errorBody(outcome.error) });
    }
    res.json({ items });
  });

  router.post('/anomalies/:id/acknowledge', requirePermission('acknowledgeAnomalies'), async (req, res) => {
    const { note } = parseInput(optionalNoteSchema, req.body ?? {}, 'acknowledgement');
    const outcome = await acknowledge(ctx, String(req.params['id']), who(res), note ?? null);
    if (!outcome.ok) throw outcome.error;
    res.json(presentAnomaly(outcome.anomaly));
  });

  router.post('/anomalies/:id/resolve', requirePermission('resolveAnomalies'), async (req, res) => {
    const { note } = parseInput(noteSchema, req.body ?? {}, 'resolution');
    const anomaly = await existing(ctx, String(req.params['id']));
    if (anomaly.state === 'resolved') throw new ConflictError('anomaly_resolved', 'this anomaly is already resolved');
    const updated = await ctx.store.anomalies.resolveByPerson(anomaly.id, who(res), note, ctx.now());
    res.json(presentAnomaly(updated ?? (await existing(ctx, anomaly.id))));
  });

  return router;
}

/** Acknowledging twice changes nothing; a resolved anomaly stays resolved. */
async function acknowledge(ctx: ApiContext, id: string, by: string, note: string | null): Promise<AcknowledgeOutcome> {
  const anomaly = await ctx.store.anomalies.get(id);
  if (!anomaly) return { ok: false, error: new NotFoundError(`no anomaly with id ${id}`, { code: 'anomaly_not_found' }) };
  // The store acknowledges only an open anomaly; null means someone or the sweep got there first.
  const current =
    anomaly.state === 'open' ? ((await ctx.store.anomalies.acknowledge(id, by, note, ctx.now())) ?? (await ctx.store.anomalies.get(id)) ?? anomaly) : anomaly;
  if (current.state === 'resolved') return { ok: false, error: new ConflictError('anomaly_resolved', 'this anomaly is already resolved') };
  return { ok: true, anomaly: current };
}

async function existing(ctx: ApiContext, id: string) {
  const anomaly = await ctx.store.anomalies.get(id);
  if (!anomaly) throw new NotFoundError(`no anomaly with id ${id}`, { code: 'anomaly_not_found' });
  return anomaly;
}

/** Who did it, as people will read it later: the key's name and role, never the key. */
function who(res: Response): string {
  const key = apiKeyOf(res);
  return `${key.name} (${key.role})`;
}
