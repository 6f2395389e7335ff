import { loadConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/domain/errors.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      adminKey: undefined,
      timeZone: 'Europe/Istanbul',
      logLevel: 'info',
      pollCron: '* * * * *',
      sandbox: { mode: 'embedded', speed: 1 },
      demoData: true,
    });
    expect(config.carriers['sandbox']).toEqual({ enabled: false });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every setting it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/sw',
      SHIPWATCH_ADMIN_KEY: 'a-very-long-admin-key',
      SHIPWATCH_TIMEZONE: 'Europe/Berlin',
      LOG_LEVEL: 'debug',
      POLL_CRON: '*/5 * * * *',
      SANDBOX_SPEED: '60',
      DEMO_DATA: 'false',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/tmp/sw', timeZone: 'Europe/Berlin', logLevel: 'debug', pollCron: '*/5 * * * *', demoData: false });
    expect(config.sandbox.speed).toBe(60);
    expect(config.adminKey?.reveal()).toBe('a-very-long-admin-key');
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', SHIPWATCH_TIMEZONE: 'Mars/Olympus', POLL_CRON: 'every minute', SANDBOX_SPEED: '-2', LOG_LEVEL: 'loud' });
    const named = problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual(['LOG_LEVEL', 'POLL_CRON', 'PORT', 'SANDBOX_SPEED', 'SHIPWATCH_TIMEZONE']);
  });

  it('never echoes a secret value in its message', () => {
    let message = '';
    try {
      loadConfig({ SHIPWATCH_ADMIN_KEY: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SHIPWATCH_ADMIN_KEY');
    expect(message).not.toContain('short-secret');
  });

  it('keeps the admin key out of JSON and inspect output', async () => {
    const config = loadConfig({ SHIPWATCH_ADMIN_KEY: 'a-very-long-admin-key' });
    const { inspect } = await import('node:util');
    expect(JSON.stringify(config)).not.toContain('a-very-long-admin-key');
    expect(inspect(config, { depth: 5 })).not.toContain('a-very-long-admin-key');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SHIPWATCH_TIMEZONE: '' })).toMatchObject({ port: 3000, timeZone: 'Europe/Istanbul' });
  });
});
