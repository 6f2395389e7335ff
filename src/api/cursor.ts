import { ValidationError } from '../domain/errors.js';

/**
 * Cursor paging over time-ordered ids: the cursor is the last id of the page, opaque to clients.
 * Decoding checks the id's shape, so a forged cursor is a 400, not a strange page.
 */
export function readCursor(cursor: string | undefined, idPrefix: string): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!new RegExp(`^${idPrefix}_[0-9a-z]+$`).test(id)) {
    throw new ValidationError('cursor is not one this API handed out', { field: 'cursor', code: 'invalid_cursor' });
  }
  return id;
}

/** `{ items, nextCursor }` for one page. */
export function page<T extends { id: string }, P>(result: { items: T[]; hasMore: boolean }, present: (item: T) => P): { items: P[]; nextCursor: string | null } {
  const last = result.items[result.items.length - 1];
  return { items: result.items.map(present), nextCursor: result.hasMore && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null };
}
