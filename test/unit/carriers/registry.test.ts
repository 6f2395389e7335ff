import type { CarrierDefinition } from '../../../carriers/contract.js';
import { createCarrierHttp } from '../../../carriers/http.js';
import { buildCarrierRegistry, carrierDefinitions } from '../../../carriers/registry.js';
import { sandboxTrackingNumber } from '../../../carriers/sandbox/index.js';
import { silentLogger } from '../../support/logger.js';

function fakeDefinition(code: string, pattern: RegExp, enabled: boolean): CarrierDefinition<never> {
  return {
    code,
    displayName: code,
    enableWith: [`CARRIER_${code.toUpperCase()}_API_KEY`],
    recognises: (n) => pattern.test(n),
    loadConfig: () => (enabled ? { enabled: true, config: undefined as never } : { enabled: false }),
    create: () => ({
      code,
      displayName: code,
      limits: { maxBatch: 1, requestsPerSecond: 1, concurrency: 1 },
      queryBy: ['trackingNumber'],
      recognises: (n) => pattern.test(n),
      track: async () => new Map(),
    }),
  };
}

const deps = { http: createCarrierHttp(), now: () => new Date(), logger: silentLogger() };

describe('carrier registry', () => {
  const definitions = [fakeDefinition('alpha', /^A\d{4}$/, true), fakeDefinition('beta', /^[AB]\d{4}$/, false), fakeDefinition('gamma', /^G\d+$/, true)];
  const configs = Object.fromEntries(definitions.map((d) => [d.code, d.loadConfig({})]));
  const registry = buildCarrierRegistry(configs, deps, definitions);

  it('detects the one carrier that recognises a number', () => {
    expect(registry.detect('G123')).toEqual({ kind: 'detected', code: 'gamma' });
    expect(registry.detect('B1234')).toEqual({ kind: 'detected', code: 'beta' });
  });

  it('names every candidate when several carriers recognise a number', () => {
    expect(registry.detect('A1234')).toEqual({ kind: 'ambiguous', candidates: ['alpha', 'beta'] });
  });

  it('says unknown when none does', () => {
    expect(registry.detect('Z1')).toEqual({ kind: 'unknown' });
  });

  it('builds adapters only for enabled carriers but knows every code', () => {
    expect(registry.codes).toEqual(['alpha', 'beta', 'gamma']);
    expect(registry.enabledCodes()).toEqual(['alpha', 'gamma']);
    expect(registry.adapter('beta')).toBeUndefined();
    expect(registry.definition('beta')?.enableWith).toEqual(['CARRIER_BETA_API_KEY']);
  });

  it('never guesses the manual carrier, and recognises sandbox numbers', () => {
    const real = buildCarrierRegistry({ manual: { enabled: true, config: {} } }, deps, carrierDefinitions);
    expect(real.detect(sandboxTrackingNumber(1, 1))).toEqual({ kind: 'detected', code: 'sandbox' });
    expect(real.detect('ANYTHING')).toEqual({ kind: 'unknown' });
    expect(real.unpolledCodes()).toContain('manual');
  });
});
