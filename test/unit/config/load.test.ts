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

describe('.env.example', () => {
  it('documents every setting, and its values load as they are', async () => {
    const { readFileSync } = await import('node:fs');
    const { serviceEnvSchema } = await import('../../../src/config/schema.js');
    const { carrierDefinitions } = await import('../../../carriers/registry.js');
    const entries = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
    const documented = new Set(entries.map(([k]) => k));
    const expected = [...Object.keys(serviceEnvSchema.shape), ...carrierDefinitions.flatMap((d) => d.enableWith)];
    expect(expected.filter((k) => !documented.has(k))).toEqual([]);
    expect(() => loadConfig(Object.fromEntries(entries))).not.toThrow();
  });
});

describe('carrier credentials', () => {
  it('names the missing half of a carrier\'s credentials without echoing the given one', () => {
    const problems = problemsOf({ CARRIER_YURTICI_USERNAME: 'marker-yurtici-user', CARRIER_ARAS_BASE_URL: 'ftp://x', CARRIER_ARAS_USERNAME: 'u', CARRIER_ARAS_PASSWORD: 'p', CARRIER_ARAS_CUSTOMER_CODE: 'c' });
    expect(problems.join('\n')).toContain('CARRIER_YURTICI_PASSWORD');
    expect(problems.join('\n')).toContain('CARRIER_ARAS_BASE_URL');
    expect(problems.join('\n')).not.toContain('marker-yurtici-user');
  });

  it('switches a carrier on when all its credentials are set, hiding them from JSON', () => {
    const config = loadConfig({ CARRIER_PTT_CUSTOMER_NUMBER: '123', CARRIER_PTT_PASSWORD: 'marker-ptt-secret', CARRIER_PTT_TEST: 'true' });
    expect(config.carriers['ptt']?.enabled).toBe(true);
    expect(JSON.stringify(config)).not.toContain('marker-ptt-secret');
  });
});
