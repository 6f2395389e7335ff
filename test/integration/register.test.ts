import type { CarrierDefinition } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { ShipwatchError } from '../../src/domain/errors.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { LONG_TAIL_CARRIER, registerShipments } from '../../src/tracking/register.js';
import { silentLogger } from '../support/logger.js';
import { makeTempDir } from '../support/temp-dir.js';

const dir = makeTempDir('register');
let store: Store;
const now = () => new Date('2026-03-01T10:00:00Z');
const deps = { http: createCarrierHttp(), now, logger: silentLogger() };
const deadlineOf = () => null;

beforeAll(() => {
  store = openSqliteStore(dir.path);
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

describe('registerShipments', () => {
  it('accepts shipments for a carrier not configured yet, to wait pending', async () => {
    const registry = buildCarrierRegistry({ sandbox: { enabled: false }, manual: { enabled: true, config: {} } }, deps);
    const [outcome] = await registerShipments({ store, registry, now, deadlineOf }, [{ trackingNumber: sandboxTrackingNumber(1, 9) }]);
    expect(outcome?.ok && outcome.shipment).toMatchObject({ carrier: 'sandbox', status: 'pending' });
    const [unknown] = await registerShipments({ store, registry, now, deadlineOf }, [{ carrier: 'pigeon', trackingNumber: 'P1' }]);
    expect(unknown?.ok).toBe(false);
  });

  it('keeps shipments unique per carrier by reference as well as by tracking number', async () => {
    const registry = buildCarrierRegistry({ manual: { enabled: true, config: {} } }, deps);
    const before = await store.shipments.count();
    const outcomes = await registerShipments({ store, registry, now, deadlineOf }, [
      { carrier: 'manual', reference: 'WEB-1' },
      { carrier: 'manual', reference: 'WEB-1', trackingNumber: 'OTHER-1' },
      { carrier: 'manual', trackingNumber: 'T-1' },
      { carrier: 'manual', trackingNumber: 't 1' },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
    const messages = outcomes.filter((o) => !o.ok).map((o) => (o.ok ? '' : o.error.message));
    expect(messages[0]).toContain('reference');
    expect(messages[1]).toContain('trackingNumber');
    expect(await store.shipments.count()).toBe(before + 2);
  });

  it('registers manual shipments without scheduling a poll', async () => {
    const registry = buildCarrierRegistry({ manual: { enabled: true, config: {} } }, deps);
    const [outcome] = await registerShipments({ store, registry, now, deadlineOf }, [{ carrier: 'manual', trackingNumber: 'HAND-9' }]);
    expect(outcome?.ok && outcome.shipment).toMatchObject({ status: 'pending', nextPollAt: null });
  });

  describe('the long tail', () => {
    // A stand-in for 17TRACK: registration only needs its code and whether it is configured.
    const longTail: CarrierDefinition<never> = {
      code: LONG_TAIL_CARRIER,
      displayName: 'long tail',
      enableWith: ['CARRIER_17TRACK_API_KEY'],
      recognises: () => false,
      loadConfig: () => ({ enabled: false }),
      create: () => ({
        code: LONG_TAIL_CARRIER,
        displayName: 'long tail',
        limits: { maxBatch: 40, requestsPerSecond: 1, concurrency: 1 },
        queryBy: ['trackingNumber'],
        recognises: () => false,
        track: () => Promise.resolve(new Map()),
      }),
    };

    it('sends a number no carrier recognises to 17TRACK when it is configured, with the carrier key the shop gave', async () => {
      const registry = buildCarrierRegistry({ [LONG_TAIL_CARRIER]: { enabled: true, config: {} } }, deps, [longTail]);
      const [outcome] = await registerShipments({ store, registry, now, deadlineOf }, [{ trackingNumber: 'LT998877665XX', carrierService: '190271' }]);
      expect(outcome?.ok && outcome.shipment).toMatchObject({ carrier: LONG_TAIL_CARRIER, carrierService: '190271', status: 'pending' });
    });

    it('still asks for the carrier when 17TRACK is not configured', async () => {
      const registry = buildCarrierRegistry({ [LONG_TAIL_CARRIER]: { enabled: false } }, deps, [longTail]);
      const [outcome] = await registerShipments({ store, registry, now, deadlineOf }, [{ trackingNumber: 'LT998877666XX' }]);
      expect(outcome?.ok).toBe(false);
      const error = outcome?.ok === false ? outcome.error : null;
      expect(error instanceof ShipwatchError && error.code).toBe('carrier_not_detected');
    });
  });
});
