/**
 * Anomaly sweep benchmark (issue 6 §6, DESIGN §12): the real engine's sweep (src/anomalies/
 * engine.ts, as the service runs it: default cap, every polled carrier) over a store of 1 M active
 * shipments whose histories agree with their statuses. Most parcels move on time; some stall,
 * wait at a branch, miss their deadline or are never found, as in a real shop.
 *
 * Two sweeps are timed: the first opens every anomaly the data holds (writes and outbox rows), the
 * second finds the same store already judged (the steady state of a sweep every 10 minutes).
 *
 * Run: `npm run bench:sweep`. BENCH_SCALE=0.1 for a tenth, BENCH_REUSE=1 to keep the generated
 * store (its anomalies are cleared before the next run).
 */
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createAnomalyEngine, type SweepResult } from '../src/anomalies/engine.js';
import { loadConfig } from '../src/config/load.js';
import { createBusinessCalendar } from '../src/domain/calendar.js';
import type { ShipmentStatus } from '../src/domain/status.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { atMost, finish, fmt, out, scaled } from './support/report.js';
import { CARRIERS, DAY, HOUR, generateParcelStore, type PlanParcel } from './support/synthetic-parcels.js';
import { benchDir, generationTarget, prepareStore } from './support/workdir.js';

const SHIPMENTS = scaled(1_000_000, 1000);

/** Share of active parcels per status (cumulative), with the events each history holds. */
const STATUS_MIX: readonly { upTo: number; status: ShipmentStatus; events: number }[] = [
  { upTo: 0.04, status: 'pending', events: 0 },
  { upTo: 0.1, status: 'info_received', events: 1 },
  { upTo: 0.65, status: 'in_transit', events: 4 },
  { upTo: 0.77, status: 'out_for_delivery', events: 5 },
  { upTo: 0.83, status: 'available_for_pickup', events: 5 },
  { upTo: 0.88, status: 'attempt_failed', events: 6 },
  { upTo: 0.92, status: 'exception', events: 5 },
  { upTo: 0.95, status: 'returning', events: 6 },
  { upTo: 1, status: 'not_found', events: 0 },
];

function planFor(now: number): PlanParcel {
  return (_i, random) => {
    const roll = random();
    const mix = STATUS_MIX.find((m) => roll < m.upTo) ?? STATUS_MIX[2];
    const status = mix?.status ?? 'in_transit';
    // Most active parcels were registered in the last two days; a tail is up to a week old.
    const createdAt = now - Math.floor((0.2 + 5 * random() ** 2) * DAY);
    // Nine in ten parcels heard from the carrier within the last day; the rest went quiet for up to a week.
    const quiet = random() < 0.9 ? random() * DAY : DAY + random() * 6 * DAY;
    const lastEventAt = Math.max(createdAt + 2 * HOUR, now - Math.floor(quiet));
    const hasDeadline = random() < 0.8;
    return {
      status,
      createdAt,
      eventCount: mix?.events ?? 3,
      lastEventAt: Math.min(now, lastEventAt),
      shippedAt: createdAt + HOUR,
      deadlineAt: hasDeadline ? createdAt + Math.floor((3 + random() * 2) * DAY) : null,
      nextPollAt: now + Math.floor(random() * 2 * HOUR),
      estimatedDelivery: null,
    };
  };
}

async function main(): Promise<void> {
  const dir = benchDir('sweep');
  try {
    out(`sweep benchmark: ${fmt(SHIPMENTS)} active shipments`);
    // A reused store keeps the anomalies of the last run; the first sweep must open them anew.
    await prepareStore(dir, import.meta.url, () => {
      const raw = new Database(`${dir.path}/shipwatch.db`);
      raw.exec('delete from alert_outbox; delete from anomalies;');
      raw.close();
      return ' (anomalies cleared)';
    });

    const config = loadConfig({ DATA_DIR: dir.path });
    const store = openSqliteStore(dir.path);
    const calendar = createBusinessCalendar({ timeZone: config.timeZone, saturdayIsBusinessDay: config.calendar.saturdayIsBusinessDay });
    const engine = createAnomalyEngine({ store, calendar, settings: config.anomalies, now: () => new Date(), logger: pino({ level: 'silent' }) });

    // Times the candidate queries and the carriers' drift query inside the sweep, without changing them.
    let candidateMs = 0;
    let driftMs = 0;
    const candidates = store.anomalies.sweepCandidates.bind(store.anomalies);
    store.anomalies.sweepCandidates = async (thresholds, limit) => {
      const t = performance.now();
      const ids = await candidates(thresholds, limit);
      candidateMs += performance.now() - t;
      return ids;
    };
    const unmappedShare = store.events.unmappedShare.bind(store.events);
    store.events.unmappedShare = async (carrier, since) => {
      const t = performance.now();
      const share = await unmappedShare(carrier, since);
      driftMs += performance.now() - t;
      return share;
    };

    const sweeps: { name: string; ms: number; candidatesMs: number; driftMs: number; result: SweepResult }[] = [];
    for (const name of ['first sweep', 'next sweep']) {
      candidateMs = 0;
      driftMs = 0;
      const t = performance.now();
      const result = await engine.sweep([...CARRIERS]);
      sweeps.push({ name, ms: performance.now() - t, candidatesMs: candidateMs, driftMs, result });
    }
    const unresolved = await store.anomalies.countUnresolved();
    await store.close();

    out();
    for (const s of sweeps) {
      const r = s.result;
      out(`${s.name.padEnd(12)} ${fmt(s.ms / 1000).padStart(7)} s: candidate queries ${fmt(s.candidatesMs)} ms, drift queries ${fmt(s.driftMs)} ms, ${fmt(r.shipmentsChecked)} shipments and ${r.carriersChecked} carriers checked, ${fmt(r.opened)} opened, ${fmt(r.updated)} updated, ${fmt(r.resolved)} resolved`);
    }
    out(`unresolved anomalies by code: ${Object.entries(unresolved.byCode).map(([code, n]) => `${code} ${fmt(n)}`).join(', ')}`);
    finish(
      'sweep',
      sweeps.map((s) => atMost(`${s.name} over ${fmt(SHIPMENTS)} active shipments`, s.ms / 1000, 10, ' s')),
    );
  } finally {
    dir.done();
  }
}

const target = generationTarget();
if (target) generateParcelStore(target, { count: SHIPMENTS, seed: 4, plan: planFor(Date.now()) });
else await main();
