import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { startChaosCarrier, storedEventKey, type ChaosAnswer, type ChaosCarrier } from '../support/chaos-carrier.js';
import { makeTempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';

/**
 * `kill -9` in the middle of a poll tick (issue 6 §7): the real service process, a carrier in this
 * test that holds its answers so the tick stays in flight, a SIGKILL, and a restart on the same
 * data directory. What was acknowledged before the kill must still be there, and nothing may be
 * stored twice once polling has finished.
 */
// Node itself with tsx as a loader, not the tsx wrapper: a SIGKILL must hit the service process,
// and the wrapper cannot pass on a signal it never sees (its child would live on, orphaned).
const NODE_ARGS = ['--import', 'tsx', 'src/main.ts'];
const ADMIN_KEY = 'sigkill-admin-key-0123456789';
const CARRIER_KEY = 'sigkill-carrier-key';
const HOUR = 3_600_000;

interface ServiceProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

interface ShipmentView {
  id: string;
  trackingNumber: string;
  tracking: { lastPolledAt: string | null; nextPollAt: string | null; lastError: string | null };
  events: { carrierCode: string | null; localTime: string | null; location: string | null }[];
}

function startService(dataDir: string, carrierUrl: string): ServiceProcess {
  const child = spawn(process.execPath, NODE_ARGS, {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      DATA_DIR: dataDir,
      PORT: '0',
      SHIPWATCH_ADMIN_KEY: ADMIN_KEY,
      DEMO_DATA: 'false',
      SANDBOX_CARRIER: 'off',
      CARRIER_SANDBOX_BASE_URL: carrierUrl,
      CARRIER_SANDBOX_API_KEY: CARRIER_KEY,
      // Small batches, two at a time: a tick is several requests, some answered, some in flight.
      CARRIER_SANDBOX_MAX_BATCH: '4',
      CARRIER_SANDBOX_CONCURRENCY: '2',
      // Held requests must still be in flight when the process dies, not timed out.
      CARRIER_TIMEOUT_MS: '60000',
      POLL_CRON: '* * * * * *',
      LOG_LEVEL: 'warn',
    },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

describe('a service killed with SIGKILL in the middle of a poll tick', () => {
  const dir = makeTempDir('chaos-sigkill');
  const dataDir = join(dir.path, 'data');
  // Every parcel's life started three days ago; the carrier's clock decides how much of it shows.
  const origin = new Date(Math.floor((Date.now() - 72 * HOUR) / 60_000) * 60_000);
  let carrierNow = new Date(origin.getTime() + 30 * HOUR);
  let mode: 'answer' | 'answer one, hold the rest' = 'answer';
  let answeredInHoldMode = 0;
  let carrier: ChaosCarrier;
  const processes: ServiceProcess[] = [];

  beforeAll(async () => {
    carrier = await startChaosCarrier({
      apiKey: CARRIER_KEY,
      origin,
      now: () => carrierNow,
      answer(): ChaosAnswer {
        if (mode === 'answer') return { kind: 'success' };
        answeredInHoldMode += 1;
        return answeredInHoldMode === 1 ? { kind: 'success' } : { kind: 'hold' };
      },
    });
  });
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exit));
    await carrier?.close();
    dir.remove();
  });

  async function boot(): Promise<{ url: string; process: ServiceProcess }> {
    const service = startService(dataDir, carrier.url);
    processes.push(service);
    const url = await waitFor('the service to listen', () => /listening on (http:\/\/\S+)/.exec(service.output())?.[1]);
    return { url, process: service };
  }

  const auth = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };

  async function register(url: string, serials: readonly number[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const serial of serials) {
      const trackingNumber = sandboxTrackingNumber(42, serial);
      const res = await fetch(`${url}/v1/shipments`, { method: 'POST', headers: auth, body: JSON.stringify({ carrier: 'sandbox', trackingNumber }) });
      expect(res.status).toBe(201);
      ids.set(trackingNumber, ((await res.json()) as { id: string }).id);
    }
    return ids;
  }

  async function view(url: string, id: string): Promise<ShipmentView> {
    const res = await fetch(`${url}/v1/shipments/${id}`, { headers: auth });
    expect(res.status).toBe(200);
    return (await res.json()) as ShipmentView;
  }

  /** The database as the test sees it: every shipment's events by key, and any fingerprint stored twice. */
  function readDatabase(file: string) {
    const db = new Database(file, { fileMustExist: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      const shipments = db.prepare('SELECT id, tracking_number AS number FROM shipments').all() as { id: string; number: string }[];
      const events = db.prepare('SELECT shipment_id AS shipmentId, carrier_code AS carrierCode, local_time AS localTime, location FROM events').all() as {
        shipmentId: string;
        carrierCode: string | null;
        localTime: string | null;
        location: string | null;
      }[];
      const twice = db.prepare('SELECT fingerprint FROM events GROUP BY fingerprint HAVING count(*) > 1').all();
      const keys = new Map<string, string[]>(shipments.map((s) => [s.id, []]));
      for (const e of events) keys.get(e.shipmentId)?.push(storedEventKey(e));
      return { integrity, shipments, keys, twice };
    } finally {
      db.close();
    }
  }

  it('keeps everything acknowledged, recovers the database, and stores each served event exactly once after a restart', async () => {
    // 1. A first tick completes: these shipments and their events are acknowledged.
    const first = await boot();
    const acknowledged = await register(first.url, [1, 2, 3, 4, 5, 6, 7, 8]);
    await waitFor('the first shipments to be polled', async () => {
      for (const id of acknowledged.values()) if (!(await view(first.url, id)).tracking.lastPolledAt) return undefined;
      return true;
    });

    // 2. The next tick: the carrier answers one request and holds the others. Registered in one
    //    call, these shipments are due in the same tick: three requests of four.
    mode = 'answer one, hold the rest';
    const holdFrom = carrier.requests.length;
    const serials = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
    const bulk = await fetch(`${first.url}/v1/shipments`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ shipments: serials.map((serial) => ({ carrier: 'sandbox', trackingNumber: sandboxTrackingNumber(42, serial) })) }),
    });
    expect(bulk.status).toBe(200);
    for (const item of ((await bulk.json()) as { items: { ok: boolean; shipment: { id: string; trackingNumber: string } }[] }).items) {
      expect(item.ok).toBe(true);
      acknowledged.set(item.shipment.trackingNumber, item.shipment.id);
    }
    await waitFor('a tick with requests in flight', () => (carrier.held().length >= 2 ? true : undefined));
    const answeredInTick = carrier.requests.slice(holdFrom).filter((r) => carrier.answers.get(r.id)?.kind === 'success').flatMap((r) => r.numbers);
    expect(answeredInTick).toHaveLength(4);
    await waitFor('the answered part of the tick to be stored', async () => {
      for (const number of answeredInTick) if (!(await view(first.url, acknowledged.get(number) ?? '')).tracking.lastPolledAt) return undefined;
      return true;
    });
    // Registered while the tick is in flight: acknowledged with 201 as well.
    const midTick = await register(first.url, [31, 32, 33, 34]);
    for (const [number, id] of midTick) acknowledged.set(number, id);

    const before = new Map<string, string[]>();
    for (const id of acknowledged.values()) before.set(id, (await view(first.url, id)).events.map(storedEventKey));
    expect([...before.values()].flat().length).toBeGreaterThan(0);
    expect(carrier.pending()).toBeGreaterThanOrEqual(2);

    // 3. One more answer goes out, and the process dies right after it was sent: whether it was
    //    stored is a race the restart must settle either way.
    expect(await carrier.releaseOne()).not.toBeNull();
    first.process.child.kill('SIGKILL');
    const heldAtKill = carrier.held().flatMap((r) => r.numbers);
    expect(await first.process.exit).toEqual({ code: null, signal: 'SIGKILL' });
    carrier.dropHeld();
    expect(heldAtKill.length).toBeGreaterThan(0);

    // 4. The files as the kill left them (WAL not checkpointed) open cleanly and hold what was acknowledged.
    const db = join(dataDir, 'shipwatch.db');
    expect(existsSync(`${db}-wal`)).toBe(true);
    const crashCopy = join(dir.path, 'crash-copy');
    mkdirSync(crashCopy);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${db}${suffix}`)) copyFileSync(`${db}${suffix}`, join(crashCopy, `shipwatch.db${suffix}`));
    const crashed = readDatabase(join(crashCopy, 'shipwatch.db'));
    expect(crashed.integrity).toBe('ok');
    expect(crashed.twice).toEqual([]);
    for (const id of acknowledged.values()) expect({ id, events: crashed.keys.get(id)?.sort() }).toEqual({ id, events: expect.arrayContaining(before.get(id) ?? []) });

    // 5. Restart on the same directory; the carrier now shows later events too and answers at once.
    mode = 'answer';
    carrierNow = new Date();
    const requestsBeforeRestart = carrier.requests.length;
    const second = await boot();
    await waitFor('polling to finish after the restart', async () => {
      if (carrier.pending() > 0) return undefined;
      for (const id of acknowledged.values()) {
        const { tracking } = await view(second.url, id);
        if (!tracking.lastPolledAt || tracking.lastError !== null || !tracking.nextPollAt || Date.parse(tracking.nextPollAt) <= Date.now()) return undefined;
      }
      return true;
    });
    const afterRestart = carrier.requests.slice(requestsBeforeRestart);
    second.process.child.kill('SIGTERM');
    expect(await second.process.exit).toEqual({ code: 0, signal: null });

    // 6. Exactly what the carrier sent in its answers, each event once, nothing acknowledged lost.
    const final = readDatabase(db);
    expect(final.integrity).toBe('ok');
    expect(final.twice).toEqual([]);
    expect(final.shipments.map((s) => s.id).sort()).toEqual([...acknowledged.values()].sort());
    expect(new Set(final.shipments.map((s) => s.number)).size).toBe(acknowledged.size);
    for (const [number, id] of acknowledged) {
      const keys = final.keys.get(id) ?? [];
      expect({ number, keys: [...keys].sort() }).toEqual({ number, keys: [...carrier.servedKeys(number)].sort() });
      expect(keys).toHaveLength(new Set(keys).size);
      expect(keys).toEqual(expect.arrayContaining(before.get(id) ?? []));
    }
    // What the kill cut off, and what was registered mid-tick, was asked after the restart, with news.
    const polledAfter = new Set(afterRestart.flatMap((r) => r.numbers));
    for (const number of [...heldAtKill, ...midTick.keys()]) expect({ number, polledAfterRestart: polledAfter.has(number) }).toEqual({ number, polledAfterRestart: true });
    expect([...acknowledged].some(([, id]) => (final.keys.get(id)?.length ?? 0) > (before.get(id)?.length ?? 0))).toBe(true);
  }, 120_000);
});
