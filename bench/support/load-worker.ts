/**
 * The HTTP load loop, run in a worker thread of the benchmark process so the client has its own
 * event loop (and core) and the server's figures are not the client's. `concurrency` loops each
 * send one request at a time over a keep-alive agent, for a warm-up and then the measured window.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadJob, LoadReport } from './http-load.js';

const job = workerData as LoadJob;
const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
const target = new URL(job.baseUrl);

function once(path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: target.hostname, port: target.port, path, method: 'GET', agent, headers: job.headers },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function run(): Promise<LoadReport> {
  const latencies: number[] = [];
  let errors = 0;
  const warmEnd = performance.now() + job.warmupMs;
  let measureStart = 0;
  let measureEnd = 0;
  const loop = async (): Promise<void> => {
    for (;;) {
      const now = performance.now();
      if (measureEnd !== 0 && now >= measureEnd) return;
      if (measureEnd === 0 && now >= warmEnd) {
        measureStart = warmEnd;
        measureEnd = warmEnd + job.durationMs;
      }
      const path = job.paths[Math.floor(Math.random() * job.paths.length)] ?? '/';
      const start = performance.now();
      const status = await once(path);
      const end = performance.now();
      // Only requests that started and ended inside the window count.
      if (measureEnd !== 0 && start >= measureStart && end <= measureEnd) {
        if (status >= 200 && status < 300) latencies.push(end - start);
        else errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, loop));
  agent.destroy();
  return { ok: latencies.length, errors, durationMs: job.durationMs, latencies: Float64Array.from(latencies).sort() };
}

void run().then((report) => parentPort?.postMessage(report));
