import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRecord, ApiKeyRole, Store } from '../store/types.js';

/** Keys are random and long, so an unsalted sha256 is enough to keep the stored form useless. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): string {
  return `sw_${randomBytes(24).toString('base64url')}`;
}

export function keyPrefix(key: string): string {
  return key.slice(0, 7);
}

export async function createApiKey(
  store: Store,
  input: { name: string; role: ApiKeyRole },
  now: Date,
  key: string = generateApiKey(),
): Promise<{ key: string; record: ApiKeyRecord }> {
  const record = await store.apiKeys.create({ ...input, keyHash: hashApiKey(key), prefix: keyPrefix(key) }, now);
  return { key, record };
}
