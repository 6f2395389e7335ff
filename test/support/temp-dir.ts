import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh data directory per test file; remove it in afterAll. */
export function makeTempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `shipwatch-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
