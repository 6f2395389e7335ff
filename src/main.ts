/**
 * `npm start`: read the configuration once, start everything, and shut down cleanly on SIGTERM or
 * SIGINT (the tick in flight finishes, then the database closes).
 */
import { loadConfig, type Config } from './config/load.js';
import { ConfigError } from './domain/errors.js';
import { createLogger } from './log.js';
import { startService, type RunningService } from './service.js';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`shipwatch cannot start. ${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }
}

function banner(service: RunningService): string {
  const lines = ['', `  shipwatch is listening on ${service.url}`, `  console: open ${service.url}/ in a browser and sign in with an API key`];
  if (service.adminKey.source === 'env') {
    lines.push('  admin API key: the one in SHIPWATCH_ADMIN_KEY');
  } else {
    // Printed for the operator on purpose (the embedded install has no other way to hand it over);
    // it is kept out of the JSON logs.
    lines.push(`  admin API key: ${service.adminKey.key}`, `  (stored in ${service.adminKey.file}; set SHIPWATCH_ADMIN_KEY to choose your own)`);
  }
  if (service.sandbox) lines.push(`  sandbox carrier: ${service.sandbox.url}`);
  if (service.demoShipments > 0) lines.push(`  demo: ${service.demoShipments} sandbox shipments seeded`);
  const key = service.adminKey.source === 'env' ? '$SHIPWATCH_ADMIN_KEY' : service.adminKey.key;
  lines.push('', '  try:', `    curl -H "Authorization: Bearer ${key}" ${service.url}/v1/shipments`, '');
  return lines.join('\n');
}

const config = readConfig();
const logger = createLogger(config.logLevel);
const service = await startService(config, { logger });
process.stdout.write(`${banner(service)}\n`);

let shuttingDown = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    void service.stop().then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  });
}
