/** Drives an HTTP server with load-worker.ts and sums up throughput and latency. */
import { Worker } from 'node:worker_threads';
import { percentile } from './report.js';

export interface LoadJob {
  baseUrl: string;
  paths: readonly string[];
  headers: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadReport {
  ok: number;
  errors: number;
  durationMs: number;
  /** Latencies of the successful requests in ms, ascending. */
  latencies: Float64Array;
}

export interface LoadSummary {
  requestsPerSecond: number;
  ok: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

const WORKER = new URL('./load-worker.ts', import.meta.url).href;

/** One measured window, in a fresh worker thread. */
export function runLoad(job: LoadJob): Promise<LoadReport> {
  // The worker is TypeScript too: register tsx inside it before importing it.
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: job });
    worker.once('error', reject);
    worker.once('message', (report: LoadReport) => {
      void worker.terminate();
      resolve(report);
    });
  });
}

/** Several windows of the same target as one: requests over total time, latencies pooled. */
export function summarise(reports: readonly LoadReport[]): LoadSummary {
  const ok = reports.reduce((n, r) => n + r.ok, 0);
  const durationMs = reports.reduce((n, r) => n + r.durationMs, 0);
  const pooled = new Float64Array(ok);
  let at = 0;
  for (const r of reports) {
    pooled.set(r.latencies, at);
    at += r.latencies.length;
  }
  pooled.sort();
  return {
    requestsPerSecond: (ok * 1000) / durationMs,
    ok,
    errors: reports.reduce((n, r) => n + r.errors, 0),
    p50: percentile(pooled, 50),
    p90: percentile(pooled, 90),
    p99: percentile(pooled, 99),
    max: pooled.length > 0 ? (pooled[pooled.length - 1] ?? Number.NaN) : Number.NaN,
  };
}
