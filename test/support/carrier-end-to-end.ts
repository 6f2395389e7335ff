import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { CarrierDefinition } from '../../carriers/contract.js';
import { createCarrierHttp } from '../../carriers/http.js';
import { buildCarrierRegistry } from '../../carriers/registry.js';
import type { TrackingEvent } from '../../src/domain/shipment.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { DEFAULT_CADENCE } from '../../src/tracking/cadence.js';
import { createPoller, type Poller } from '../../src/tracking/poller.js';
import { listenOnLoopback } from './loopback-server.js';
import { makeTempDir } from './temp-dir.js';

export interface LoopbackCarrier {
  /** The temp store, open from beforeAll to afterAll. */
  readonly store: Store;
  /**
   * The real poller over a registry of this carrier alone, configured from `env` with
   * CARRIER_<CODE>_BASE_URL pointing at the loopback stand-in.
   */
  poller(env: Readonly<Record<string, string>>, now: () => Date): Poller;
  /** The shipment's stored events, oldest first. */
  eventsInOrder(shipmentId: string): Promise<TrackingEvent[]>;
}

/**
 * The end-to-end harness of a carrier test file: a temp store and a loopback stand-in that
 * answers as the carrier would (opened in beforeAll, closed in afterAll), then the real poller
 * tracking through the carrier's own adapter and config.
 */
export function useLoopbackCarrier<C>(
  carrier: CarrierDefinition<C>,
  logger: Logger,
  answer: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): LoopbackCarrier {
  const definition = carrier as CarrierDefinition<never>;
  const dir = makeTempDir(definition.code);
  let store: Store | undefined;
  let server: Server | undefined;

  beforeAll(async () => {
    store = openSqliteStore(dir.path);
    server = await listenOnLoopback(answer);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
    dir.remove();
  });

  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the end-to-end harness is used before its beforeAll ran');
    return value;
  };

  return {
    get store() {
      return opened(store);
    },
    poller(env, now) {
      const { port } = opened(server).address() as AddressInfo;
      const config = definition.loadConfig({ ...env, [`CARRIER_${definition.code.toUpperCase()}_BASE_URL`]: `http://127.0.0.1:${port}` });
      const registry = buildCarrierRegistry({ [definition.code]: config }, { http: createCarrierHttp({ timeoutMs: 2000 }), now, logger }, [definition]);
      return createPoller({ store: opened(store), registry, cadence: DEFAULT_CADENCE, now, logger, maxPerTick: 100 });
    },
    async eventsInOrder(shipmentId) {
      return (await opened(store).events.listForShipment(shipmentId)).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    },
  };
}
