import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hashApiKey } from '../access/api-keys.js';
import { rolesFor, type Action } from '../access/permissions.js';
import { AuthError } from '../domain/errors.js';
import type { ApiKeyRecord, ApiKeyRole, Store } from '../store/types.js';

const TOUCH_EVERY_MS = 60_000;

export function apiKeyOf(res: Response): ApiKeyRecord {
  const key: unknown = res.locals['apiKey'];
  if (!key) throw new AuthError('unauthorized', 'missing API key');
  return key as ApiKeyRecord;
}

/** Resolves `Authorization: Bearer <key>` to a stored key; nothing about the key is ever logged. */
export function authenticate(store: Store, now: () => Date): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new AuthError('unauthorized', 'send an API key as "Authorization: Bearer <key>"');
    }
    const record = await store.apiKeys.findActiveByHash(hashApiKey(match[1]));
    if (!record) throw new AuthError('unauthorized', 'API key is not valid or was revoked');
    const at = now();
    if (!record.lastUsedAt || at.getTime() - record.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await store.apiKeys.touch(record.id, at);
    }
    res.locals['apiKey'] = record;
    next();
  };
}

export function requireRole(...roles: ApiKeyRole[]): RequestHandler {
  return (_req, res, next) => {
    const key = apiKeyOf(res);
    if (!roles.includes(key.role)) {
      throw new AuthError('forbidden', `this needs one of the roles ${roles.join(', ')}; your key has ${key.role}`);
    }
    next();
  };
}

/** Guards a route with the role table in src/access/permissions.ts (the one GET /v1/me reports). */
export function requirePermission(action: Action): RequestHandler {
  return requireRole(...rolesFor(action));
}
