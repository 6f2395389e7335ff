import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Secret } from '../config/secret.js';
import type { Store } from '../store/types.js';
import { createApiKey, generateApiKey } from './api-keys.js';

export type AdminKeySource =
  | { source: 'env' }
  | { source: 'file'; key: string; file: string; created: boolean };

/**
 * Makes sure an admin key works. SHIPWATCH_ADMIN_KEY wins; without it the embedded install keeps a
 * generated key in DATA_DIR/admin-key (mode 600) so the operator can find it again after a restart.
 */
export async function ensureAdminKey(store: Store, dataDir: string, fromEnv: Secret | undefined, now: Date): Promise<AdminKeySource> {
  if (fromEnv) {
    await createApiKey(store, { name: 'admin (SHIPWATCH_ADMIN_KEY)', role: 'admin' }, now, fromEnv.reveal());
    return { source: 'env' };
  }
  const file = join(dataDir, 'admin-key');
  const existing = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const key = existing || generateApiKey();
  if (!existing) writeFileSync(file, `${key}\n`, { mode: 0o600 });
  await createApiKey(store, { name: 'admin (generated)', role: 'admin' }, now, key);
  return { source: 'file', key, file, created: !existing };
}
