/**
 * A carrier on 127.0.0.1 for bench/poller.ts, run as a child process so its work is not counted
 * as the poller's. It allows `rate` request starts in any 1-second window: a request that would be
 * one too many is answered 429 with Retry-After and counted as a violation. Every other request
 * waits `latencyMs` (the carrier's own work) and answers each number with a short history.
 *
 * Messages: the parent sends {rate, latencyMs, apiKey} as argv JSON; the child sends {port} when
 * listening and, asked with 'report', {starts, violations} (starts in epoch ms, sub-ms precise).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoopbackOptions {
  rate: number;
  latencyMs: number;
  apiKey: string;
}

export interface LoopbackReport {
  starts: number[];
  violations: number;
  served: number;
}

export interface LoopbackAnswer {
  results: { number: string; events: { code: string; at: string; text: string; city: string }[] }[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoopbackOptions;
const starts: number[] = [];
let violations = 0;
let served = 0;
const epochNow = (): number => performance.timeOrigin + performance.now();

/** Starts in the 1-second window ending now, this one included (the window is (now − 1 s, now]). */
function startsInLastSecond(now: number): number {
  let n = 0;
  for (let i = starts.length - 1; i >= 0 && (starts[i] ?? 0) > now - 1000; i -= 1) n += 1;
  return n;
}

function historyOf(number: string): LoopbackAnswer['results'][number]['events'] {
  const base = Date.parse('2026-03-02T06:00:00Z') + (number.length * 7919 + number.charCodeAt(number.length - 1)) * 60_000;
  return [
    { code: 'LABEL', at: new Date(base).toISOString(), text: 'Gönderi bilgisi alındı', city: 'İstanbul' },
    { code: 'PICKUP', at: new Date(base + 5 * 3_600_000).toISOString(), text: 'Gönderi teslim alındı', city: 'İstanbul' },
    { code: 'HUB', at: new Date(base + 14 * 3_600_000).toISOString(), text: 'Transfer merkezinde', city: 'Ankara' },
  ];
}

const server = createServer((req, res) => {
  const now = epochNow();
  starts.push(now);
  if (startsInLastSecond(now) > options.rate) {
    violations += 1;
    res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"error":"rate limit"}');
    req.resume();
    return;
  }
  if (req.headers['x-api-key'] !== options.apiKey) {
    res.writeHead(401).end();
    req.resume();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const { numbers } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { numbers: string[] };
    const body: LoopbackAnswer = { results: numbers.map((number) => ({ number, events: historyOf(number) })) };
    setTimeout(() => {
      served += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }, options.latencyMs);
  });
});

server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

process.on('message', (message) => {
  if (message === 'report') {
    const report: LoopbackReport = { starts, violations, served };
    process.send?.(report);
  } else if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
