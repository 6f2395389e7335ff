import { Router, type Response } from 'express';
import { z } from 'zod';
import { ANOMALY_CODES, ANOMALY_STATES, SEVERITIES } from '../../anomalies/types.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { ANY_ROLE, apiKeyOf, requireRole } from '../auth.js';
import type { ApiContext } from '../context.js';
import { page as pageOf, readCursor } from '../cursor.js';
import { presentAnomaly } from '../presenters/anomaly.js';
import { parseInput } from '../schemas/validate.js';

const listQuerySchema = z.strictObject({
  state: z.enum(ANOMALY_STATES, { error: `must be one of ${ANOMALY_STATES.join(', ')}` }).optional(),
  code: z.enum(ANOMALY_CODES, { error: `must be one of ${ANOMALY_CODES.join(', ')}` }).optional(),
  severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }).optional(),
  carrier: z.string().trim().toLowerCase().min(1).optional(),
  since: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset' }).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
  cursor: z.string().min(1).max(200).optional(),
});

const noteSchema = z.strictObject({ note: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters') });
const optionalNoteSchema = z.strictObject({ note: noteSchema.shape.note.optional() });

export function anomalyRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get('/anomalies', requireRole(...ANY_ROLE), async (req, res) => {
    const q = parseInput(listQuerySchema, req.query, 'query');
    const after = readCursor(q.cursor, 'anm');
    const result = await ctx.store.anomalies.list({
      limit: q.limit,
      ...(q.state && { state: q.state }),
      ...(q.code && { code: q.code }),
      ...(q.severity && { severity: q.severity }),
      ...(q.carrier && { carrier: q.carrier }),
      ...(q.since && { since: new Date(q.since) }),
      ...(after && { after }),
    });
    res.json(pageOf(result, presentAnomaly));
  });

  router.post('/anomalies/scan', requireRole('admin'), async (_req, res) => {
    res.json(await ctx.sweepAnomalies());
  });

  router.post('/anomalies/:id/acknowledge', requireRole(...ANY_ROLE), async (req, res) => {
    const { note } = parseInput(optionalNoteSchema, req.body ?? {}, 'acknowledgement');
    const anomaly = await existing(ctx, String(req.params['id']));
    if (anomaly.state === 'acknowledged') return void res.json(presentAnomaly(anomaly));
    if (anomaly.state === 'resolved') throw new ConflictError('anomaly_resolved', 'this anomaly is already resolved');
    const updated = await ctx.store.anomalies.acknowledge(anomaly.id, who(res), note ?? null, ctx.now());
    res.json(presentAnomaly(updated ?? (await existing(ctx, anomaly.id))));
  });

  router.post('/anomalies/:id/resolve', requireRole(...ANY_ROLE), async (req, res) => {
    const { note } = parseInput(noteSchema, req.body ?? {}, 'resolution');
    const anomaly = await existing(ctx, String(req.params['id']));
    if (anomaly.state === 'resolved') throw new ConflictError('anomaly_resolved', 'this anomaly is already resolved');
    const updated = await ctx.store.anomalies.resolveByPerson(anomaly.id, who(res), note, ctx.now());
    res.json(presentAnomaly(updated ?? (await existing(ctx, anomaly.id))));
  });

  return router;
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
