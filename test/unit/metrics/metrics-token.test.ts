import { inspect } from 'node:util';
import { loadConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/domain/errors.js';

describe('METRICS_TOKEN', () => {
  it('is unset by default: /metrics is open', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });

  it('is kept as a secret that no log or JSON form shows', () => {
    const config = loadConfig({ METRICS_TOKEN: 'scrape-me-0123456789' });
    expect(config.metricsToken?.reveal()).toBe('scrape-me-0123456789');
    expect(JSON.stringify(config)).not.toContain('scrape-me');
    expect(inspect(config, { depth: 5 })).not.toContain('scrape-me');
  });

  it.each([
    ['short-token', 'METRICS_TOKEN: must be at least 16 characters'],
    ['has a space in it somewhere', 'METRICS_TOKEN: must not contain spaces'],
  ])('refuses %j, naming the variable and not the value', (token, problem) => {
    let error: unknown;
    try {
      loadConfig({ METRICS_TOKEN: token });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([problem]);
    expect((error as ConfigError).message).not.toContain(token);
  });
});
