import { Router } from 'express';
import { z } from 'zod';
import { createApiKey } from '../../access/api-keys.js';
import { API_KEY_ROLES } from '../../store/types.js';
import { requirePermission } from '../auth.js';
import type { ApiContext } from '../context.js';
import { parseInput } from '../schemas/validate.js';

const newKeySchema = z.strictObject({
  role: z.enum(API_KEY_ROLES, { error: `must be one of ${API_KEY_ROLES.join(', ')}` }),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});

export function keyRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post('/keys', requirePermission('manageKeys'), async (req, res) => {
    const input = parseInput(newKeySchema, req.body ?? {}, 'API key request');
    const { key, record } = await createApiKey(ctx.store, input, ctx.now());
    // The key is shown this once; only its hash is stored.
    res.status(201).json({
      key,
      id: record.id,
      name: record.name,
      role: record.role,
      prefix: record.prefix,
      createdAt: record.createdAt.toISOString(),
    });
  });
  return router;
}
