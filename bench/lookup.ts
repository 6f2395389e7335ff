/**
 * Lookup benchmark (issue 6 §6, DESIGN §12): GET /v1/track/:number on a store of 1 M shipments and
 * 10 M events, served by the real service (startService: migrations, auth with an admin key kept
 * in the store, every middleware), against a bare express route on the same machine, in the same
 * run, with the same load loop (keep-alive, fixed concurrency, random existing tracking numbers).
 *
 * The bare route answers a captured /v1/track body with res.json, so the ratio prices what the
 * real route adds (auth, three indexed queries, presenting) and not the size of the answer. The
 * two are measured in alternating rounds, so load from elsewhere on the machine hits both alike.
 * The load loop runs in a worker thread: client and server each have an event loop of their own.
 *
 * Run: `npm run bench:lookup`. BENCH_SCALE=0.1 for a tenth of the data, BENCH_REUSE=1 to keep the
 * generated store in the temp dir for the next run, BENCH_SECONDS (10) per target,
 * BENCH_CONCURRENCY (32).
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/log.js';
import { startService } from '../src/service.js';
import { runLoad, summarise, type LoadJob, type LoadReport, type LoadSummary } from './support/http-load.js';
import { atLeast, atMost, envNumber, finish, fmt, out, scaled } from './support/report.js';
import { seededRandom } from '../test/support/seeded-random.js';
import { DAY, HOUR, generateParcelStore, trackingNumberOf, type PlanParcel } from './support/synthetic-parcels.js';
import { benchDir, generationTarget, prepareStore } from './support/workdir.js';

const SHIPMENTS = scaled(1_000_000, 1000);
const EVENTS_PER_SHIPMENT = 10;
const CONCURRENCY = envNumber('BENCH_CONCURRENCY', 32);
const SECONDS = envNumber('BENCH_SECONDS', 10);
const ROUNDS = 5;
const ADMIN_KEY = 'sw_bench_lookup_admin_key_0123456789';

/** Mostly delivered history, the rest on its way; every parcel has ten events. */
const STATUS_MIX = [
  [0.6, 'delivered'],
  [0.82, 'in_transit'],
  [0.88, 'out_for_delivery'],
  [0.92, 'available_for_pickup'],
  [0.96, 'attempt_failed'],
  [0.98, 'exception'],
  [1, 'returning'],
] as const;

function planFor(now: number): PlanParcel {
  return (_i, random) => {
    const roll = random();
    const status = STATUS_MIX.find(([upTo]) => roll < upTo)?.[1] ?? 'in_transit';
    const createdAt = now - Math.floor(random() * 90 * DAY) - DAY;
    const lastEventAt = Math.min(now, createdAt + 2 * HOUR + Math.floor(random() * 5 * DAY));
    return {
      status,
      createdAt,
      eventCount: EVENTS_PER_SHIPMENT,
      lastEventAt,
      shippedAt: createdAt + HOUR,
      deadlineAt: createdAt + 4 * DAY,
      nextPollAt: status === 'delivered' ? null : lastEventAt + 2 * HOUR,
      estimatedDelivery: null,
    };
  };
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1');
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

const show = (name: string, s: LoadSummary): void =>
  out(`${name.padEnd(26)}${fmt(s.requestsPerSecond).padStart(9)} req/s  p50 ${fmt(s.p50)} ms  p90 ${fmt(s.p90)} ms  p99 ${fmt(s.p99)} ms  max ${fmt(s.max)} ms  (${fmt(s.ok)} ok, ${s.errors} errors)`);

async function main(): Promise<void> {
  const dir = benchDir('lookup');
  try {
    out(`lookup benchmark: ${fmt(SHIPMENTS)} shipments × ${EVENTS_PER_SHIPMENT} events, concurrency ${CONCURRENCY}, ${SECONDS} s per target in ${ROUNDS} alternating rounds`);
    await prepareStore(dir, import.meta.url);

    const config = loadConfig({
      DATA_DIR: dir.path,
      HOST: '127.0.0.1',
      PORT: '0',
      SHIPWATCH_ADMIN_KEY: ADMIN_KEY,
      SANDBOX_CARRIER: 'off',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    });
    const service = await startService(config, { logger: createLogger('warn'), schedule: false });
    const headers = { authorization: `Bearer ${ADMIN_KEY}` };
    const random = seededRandom(61);
    const numbers = Array.from({ length: 50_000 }, () => trackingNumberOf(Math.floor(random() * SHIPMENTS)));

    // Sanity: the route finds a generated parcel with its whole history, else the figures mean nothing.
    const probe = await fetch(`${service.url}/v1/track/${numbers[0] ?? ''}`, { headers });
    const sample = (await probe.json()) as { items?: { events?: unknown[] }[] };
    if (probe.status !== 200 || sample.items?.length !== 1 || sample.items[0]?.events?.length !== EVENTS_PER_SHIPMENT) {
      throw new Error(`GET /v1/track answered ${probe.status} without the generated parcel; the store is not what this benchmark expects`);
    }

    const bare = express();
    bare.get('/bare/:number', (_req, res) => {
      res.json(sample);
    });
    const bareServer = await listen(bare);
    const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

    const window = (baseUrl: string, prefix: string, round: number, concurrency = CONCURRENCY): LoadJob => ({
      baseUrl,
      paths: numbers.map((n) => `${prefix}${n}`),
      headers,
      concurrency,
      warmupMs: round === 0 ? 2000 : 500,
      durationMs: (SECONDS * 1000) / ROUNDS,
    });
    const bareRuns: LoadReport[] = [];
    const trackRuns: LoadReport[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareRuns.push(await runLoad(window(bareUrl, '/bare/', round)));
      trackRuns.push(await runLoad(window(service.url, '/v1/track/', round)));
    }
    const unloaded = summarise([await runLoad({ ...window(service.url, '/v1/track/', 1, 1), durationMs: 3000 })]);
    const bareRun = summarise(bareRuns);
    const trackRun = summarise(trackRuns);
    const ratio = trackRun.requestsPerSecond / bareRun.requestsPerSecond;

    out();
    show('bare express route', bareRun);
    show('GET /v1/track/:number', trackRun);
    show('  same, concurrency 1', unloaded);
    out(`throughput ratio /v1/track ÷ bare: ${fmt(ratio)}`);
    // Little's law: in a closed loop, mean latency = concurrency ÷ throughput, whatever the route does.
    out(`queueing floor at concurrency ${CONCURRENCY}: mean latency = ${CONCURRENCY} ÷ throughput = ${fmt((CONCURRENCY * 1000) / trackRun.requestsPerSecond)} ms for /v1/track, ${fmt((CONCURRENCY * 1000) / bareRun.requestsPerSecond)} ms for the bare route`);

    bareServer.closeAllConnections();
    await new Promise<void>((resolve) => bareServer.close(() => resolve()));
    await service.stop();
    finish('lookup', [
      atLeast('throughput ratio /v1/track ÷ bare express', ratio, 0.5),
      atMost(`p99 of /v1/track at concurrency ${CONCURRENCY}`, trackRun.p99, 10, ' ms'),
    ]);
  } finally {
    dir.done();
  }
}

const target = generationTarget();
if (target) generateParcelStore(target, { count: SHIPMENTS, seed: 6, plan: planFor(Date.now()) });
else await main();
