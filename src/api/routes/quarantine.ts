import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { QuarantineEntry } from '../../store/types.js';
import { requirePermission } from '../auth.js';
import type { ApiContext } from '../context.js';
import { page, readCursor } from '../cursor.js';
import { parseInput } from '../schemas/validate.js';

const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
  cursor: z.string().min(1).max(200).optional(),
});

/**
 * Carrier answers that could not be read, as received (secrets redacted), newest first. Admin
 * only: the bodies may hold customers' names and addresses.
 */
export function quarantineRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/carriers/:code/quarantine', requirePermission('readQuarantine'), async (req, res) => {
    const code = String(req.params['code']);
    if (!ctx.registry.codes.includes(code)) throw new NotFoundError(`no carrier with code ${code}`, { code: 'carrier_not_found' });
    const q = parseInput(listQuerySchema, req.query, 'query');
    const after = readCursor(q.cursor, 'pq');
    // readCursor admits any [0-9a-z]; these ids are row numbers.
    if (after !== undefined && !/^pq_[1-9][0-9]{0,15}$/.test(after)) {
      throw new ValidationError('cursor is not one this API handed out', { field: 'cursor', code: 'invalid_cursor' });
    }
    const result = await ctx.store.quarantine.list({ carrier: code, limit: q.limit, ...(after && { after }) });
    res.json(page(result, presentQuarantineEntry));
  });
  return router;
}

function presentQuarantineEntry(entry: QuarantineEntry) {
  return {
    id: entry.id,
    carrier: entry.carrier,
    tickId: entry.tickId,
    receivedAt: entry.receivedAt.toISOString(),
    numbers: entry.numbers,
    detail: entry.detail,
    responses: entry.responses,
  };
}
