/**
 * Poller benchmark (issue 6 §6, DESIGN §12): the real poller (createPoller, its own governor with
 * the adapter's limits) and the real SQLite store against a loopback carrier that allows R request
 * starts per second and answers 429 to, and counts, any start that makes a 1-second window hold
 * more than R. Enough shipments are due to keep the poller busy for about 10 s.
 *
 * Figures: the achieved rate as the carrier saw it, R ÷ R; violations; and the internal cost per
 * poll, the CPU time of this process (everything but the carrier, which runs in a child process:
 * due query, pacing, HTTP client, ingest, bookkeeping) per request and per shipment, next to the
 * carrier round trip measured around the adapter's call.
 *
 * Run: `npm run bench:poller`. BENCH_RATE (20) is R, BENCH_POLL_SECONDS (10) the busy time,
 * BENCH_LATENCY_MS (30) the carrier's own time per request.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { failAll, type CarrierAdapter, type CarrierDefinition, type CarrierDeps, type CarrierEvent, type TrackOutcome } from '../carriers/contract.js';
import { createCarrierHttp, failureFromError, failureFromStatus } from '../carriers/http.js';
import { buildCarrierRegistry } from '../carriers/registry.js';
import type { NewShipment } from '../src/domain/shipment.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { DEFAULT_CADENCE } from '../src/tracking/cadence.js';
import { createPoller } from '../src/tracking/poller.js';
import type { LoopbackAnswer, LoopbackOptions, LoopbackReport } from './support/loopback-carrier.js';
import { atLeast, atMost, envNumber, finish, fmt, out, percentile } from './support/report.js';
import { benchDir } from './support/workdir.js';

const RATE = envNumber('BENCH_RATE', 20);
const SECONDS = envNumber('BENCH_POLL_SECONDS', 10);
const LATENCY_MS = envNumber('BENCH_LATENCY_MS', 30);
const MAX_BATCH = 10;
const CONCURRENCY = 4;
const REQUESTS = Math.round(RATE * SECONDS);
const SHIPMENTS = REQUESTS * MAX_BATCH;
const API_KEY = 'bench-loopback-key';

interface LoopbackConfig {
  baseUrl: string;
}

const STATUSES: Record<string, Pick<CarrierEvent, 'status' | 'substatus'>> = {
  LABEL: { status: 'info_received', substatus: 'info_received.label_created' },
  PICKUP: { status: 'in_transit', substatus: 'in_transit.picked_up' },
  HUB: { status: 'in_transit', substatus: 'in_transit.hub_scan' },
};

const roundTrips: number[] = [];

/** A bench-only adapter: one POST per batch, the way carriers/sandbox's client calls its server. */
function createLoopbackAdapter(config: LoopbackConfig, deps: CarrierDeps): CarrierAdapter {
  async function track(numbers: readonly string[]): Promise<Map<string, TrackOutcome>> {
    const started = performance.now();
    try {
      const response = await deps.http.post<LoopbackAnswer>(`${config.baseUrl}/track`, { numbers }, { headers: { 'x-api-key': API_KEY } });
      const failure = failureFromStatus(response.status, { ...response.headers }, deps.now());
      if (failure) return failAll(numbers, failure);
      const outcomes = new Map<string, TrackOutcome>();
      for (const result of response.data.results) {
        const events = result.events.map((e): CarrierEvent => ({
          occurredAt: new Date(e.at),
          localTime: e.at,
          timeZone: 'UTC',
          rawCode: e.code,
          rawText: e.text,
          location: { text: e.city, city: e.city, country: 'TR' },
          ...(STATUSES[e.code] ?? { status: 'in_transit', substatus: 'unmapped' }),
        }));
        outcomes.set(result.number, { kind: 'found', events });
      }
      return outcomes;
    } catch (error) {
      return failAll(numbers, failureFromError(error));
    } finally {
      roundTrips.push(performance.now() - started);
    }
  }
  return {
    code: 'loopback',
    displayName: 'Loopback carrier (benchmark)',
    limits: { maxBatch: MAX_BATCH, requestsPerSecond: RATE, concurrency: CONCURRENCY },
    queryBy: ['trackingNumber'],
    recognises: () => false,
    track,
  };
}

function startCarrier(options: LoopbackOptions): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(new URL('./support/loopback-carrier.ts', import.meta.url), [JSON.stringify(options)], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message: { port: number }) => resolve({ child, url: `http://127.0.0.1:${message.port}` }));
  });
}

function carrierReport(child: ChildProcess): Promise<LoopbackReport> {
  return new Promise((resolve) => {
    child.once('message', (message: LoopbackReport) => resolve(message));
    child.send('report');
  });
}

const dir = benchDir('poller');
const { child, url } = await startCarrier({ rate: RATE, latencyMs: LATENCY_MS, apiKey: API_KEY });
try {
  out(`poller benchmark: R = ${RATE} requests/s, ${fmt(SHIPMENTS)} due shipments in batches of ${MAX_BATCH} (${REQUESTS} requests, ~${SECONDS} s), concurrency ${CONCURRENCY}, carrier latency ${LATENCY_MS} ms`);
  const store = openSqliteStore(dir.path);
  const logger = pino({ level: 'silent' });
  const definition: CarrierDefinition<LoopbackConfig> = {
    code: 'loopback',
    displayName: 'Loopback carrier (benchmark)',
    enableWith: [],
    recognises: () => false,
    loadConfig: () => ({ enabled: true, config: { baseUrl: url } }),
    create: createLoopbackAdapter,
  };
  const registry = buildCarrierRegistry(
    { loopback: { enabled: true, config: { baseUrl: url } } },
    { http: createCarrierHttp({ timeoutMs: 5000 }), now: () => new Date(), logger },
    [definition as CarrierDefinition<never>],
  );
  const registeredAt = new Date(Date.now() - 60_000);
  const items = Array.from({ length: SHIPMENTS }, (_, i): NewShipment => ({
    carrier: 'loopback',
    trackingNumber: `LB${String(i).padStart(9, '0')}`,
    reference: null,
    orderId: null,
    customer: { name: null, email: null, phone: null },
    destination: { city: null, country: null },
    serviceLevel: null,
    carrierService: null,
    shippedAt: null,
    promisedBy: null,
    deadlineAt: null,
    returnRequested: false,
  }));
  await store.shipments.registerMany(items, registeredAt);

  const poller = createPoller({ store, registry, cadence: DEFAULT_CADENCE, now: () => new Date(), logger, maxPerTick: SHIPMENTS });
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.timeOrigin + performance.now();
  const summary = await poller.pollDue();
  const wallMs = performance.timeOrigin + performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  const report = await carrierReport(child);
  await store.close();

  const requests = report.starts.length;
  const first = report.starts[0] ?? startedAt;
  const last = report.starts[requests - 1] ?? startedAt;
  // Budget used from the moment the tick began: n starts fill n/R seconds of an R-per-second budget.
  const achieved = requests / ((last - startedAt) / 1000 + 1 / RATE);
  const steady = requests > 1 ? (requests - 1) / ((last - first) / 1000) : 0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const trips = Float64Array.from(roundTrips).sort();

  out();
  out(`tick: ${fmt(summary.shipments)} shipments, ${fmt(summary.found)} found, ${summary.failed} failed, ${summary.deferred ?? 0} deferred, ${fmt(summary.eventsAdded)} events added, ${fmt(wallMs / 1000)} s`);
  out(`carrier saw ${requests} requests (${report.served} answered 200), first ${fmt(first - startedAt)} ms after the tick began`);
  out(`achieved rate ${fmt(achieved)} requests/s (steady pace between first and last start ${fmt(steady)}/s) ÷ R ${RATE} = ${fmt(achieved / RATE)}`);
  out(`violations (a 1-second window with more than ${RATE} starts): ${report.violations}`);
  out(`carrier round trip p50 ${fmt(percentile(trips, 50))} ms, p99 ${fmt(percentile(trips, 99))} ms (carrier latency ${LATENCY_MS} ms)`);
  out(`internal cost: ${fmt(cpuMs)} ms CPU in all, ${fmt(cpuMs / Math.max(1, requests))} ms per request, ${fmt((cpuMs * 1000) / Math.max(1, summary.shipments))} µs per shipment polled`);
  if (summary.found !== SHIPMENTS) out(`note: ${SHIPMENTS - summary.found} shipments were not found or failed; the figures above include their retries`);

  finish('poller', [atLeast('achieved rate ÷ R', achieved / RATE, 0.95), atMost('limit violations', report.violations, 0)]);
} finally {
  child.send('stop');
  dir.done();
}
