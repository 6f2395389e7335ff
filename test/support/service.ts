import { loadConfig } from '../../src/config/load.js';
import { startService, type RunningService } from '../../src/service.js';
import { captureLogger } from './logger.js';
import { makeTempDir } from './temp-dir.js';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';

export interface TestService {
  service: RunningService;
  dataDir: string;
  logs: () => string;
  auth: (key?: string) => { Authorization: string };
  /** Stops the service and removes its data directory. */
  close(): Promise<void>;
}

/**
 * The real service (SQLite file, embedded sandbox carrier over HTTP on 127.0.0.1, express on
 * 127.0.0.1) with scheduling off, so tests decide when a poll tick runs.
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: { now?: () => Date; dataDir?: string } = {},
): Promise<TestService> {
  const temp = options.dataDir ? null : makeTempDir('svc');
  const dataDir = options.dataDir ?? temp?.path ?? '';
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    SHIPWATCH_ADMIN_KEY: TEST_ADMIN_KEY,
    DEMO_DATA: 'false',
    ...env,
  });
  const capture = captureLogger();
  const service = await startService(config, { logger: capture.logger, schedule: false, ...(options.now && { now: options.now }) });
  return {
    service,
    dataDir,
    logs: capture.text,
    auth: (key = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${key}` }),
    async close() {
      await service.stop();
      temp?.remove();
    },
  };
}
