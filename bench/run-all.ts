/**
 * `npm run bench`: every benchmark in turn, each in its own child process (so peak RSS is each
 * one's own), their output passed through as it comes, then one summary table.
 *
 * BENCH_ONLY=lookup,sweep runs a subset; BENCH_SCALE and BENCH_REUSE reach every script.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fmt, out, RESULT_PREFIX, SUMMARY_LINE_ENV, type BenchResult } from './support/report.js';
import { RSS_PREFIX } from './support/run-protocol.js';

const BENCHES = ['detection', 'poller', 'ingest', 'lookup', 'sweep'] as const;

interface Outcome {
  name: string;
  code: number | null;
  seconds: number;
  peakRssMb: number | null;
  result: BenchResult | null;
}

function selected(): string[] {
  const only = process.env['BENCH_ONLY'];
  if (!only) return [...BENCHES];
  const names = only.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(BENCHES as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names unknown benchmarks: ${unknown.join(', ')} (known: ${BENCHES.join(', ')})`);
  return names;
}

function run(name: string): Promise<Outcome> {
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const preload = new URL('./support/rss-on-exit.ts', import.meta.url).href;
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', preload, script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, [SUMMARY_LINE_ENV]: '1' },
  });
  const outcome: Outcome = { name, code: null, seconds: 0, peakRssMb: null, result: null };
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(RSS_PREFIX)) outcome.peakRssMb = Number(line.slice(RSS_PREFIX.length));
      else if (line.startsWith(RESULT_PREFIX)) outcome.result = JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult;
      else out(line);
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      outcome.code = code;
      outcome.seconds = (performance.now() - start) / 1000;
      resolve(outcome);
    });
  });
}

const outcomes: Outcome[] = [];
for (const name of selected()) {
  out(`\n=== bench/${name}.ts ===`);
  outcomes.push(await run(name));
}

out('\n=== summary ===');
out(`${'benchmark'.padEnd(11)}${'verdict'.padEnd(9)}${'ratio'.padStart(7)}  ${'peak RSS'.padStart(10)}${'time'.padStart(9)}  figure`);
for (const o of outcomes) {
  const rss = o.peakRssMb === null ? '-' : `${fmt(o.peakRssMb)} MiB`;
  const time = `${fmt(o.seconds)} s`;
  if (o.code !== 0) out(`${o.name.padEnd(11)}${'FAILED'.padEnd(9)}${'-'.padStart(7)}  ${rss.padStart(10)}${time.padStart(9)}  exit code ${o.code ?? 'none'}`);
  else if (!o.result || o.result.goals.length === 0) out(`${o.name.padEnd(11)}${'ran'.padEnd(9)}${'-'.padStart(7)}  ${rss.padStart(10)}${time.padStart(9)}  (no goal: see its output)`);
  else {
    o.result.goals.forEach((g, i) => {
      const head = i === 0 ? o.name.padEnd(11) : ''.padEnd(11);
      const tail = i === 0 ? `${rss.padStart(10)}${time.padStart(9)}` : ''.padStart(19);
      out(`${head}${(g.pass ? 'PASS' : 'MISS').padEnd(9)}${fmt(g.ratio).padStart(7)}  ${tail}  ${g.text}`);
    });
  }
}
out('ratio: the figure ÷ its goal (≥ 1 passes a lower bound, ≤ 1 an upper bound)');
if (outcomes.some((o) => o.code !== 0)) process.exitCode = 1;
