/**
 * Where a benchmark keeps its generated data: a fresh directory under os.tmpdir(), removed at the
 * end. With BENCH_REUSE=1 the directory is named after the benchmark and scale, kept at the end,
 * and reused on the next run once its generation finished (marked by a `ready` file), so the big
 * stores of lookup and sweep are generated once.
 */
import { fork } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchScale } from './report.js';

export interface BenchDir {
  path: string;
  /** The data of an earlier run is complete and may be used as is. */
  reused: boolean;
  markReady(): void;
  /** Removes the directory unless it is kept for reuse. */
  done(): void;
}

export function benchDir(name: string): BenchDir {
  const reuse = process.env['BENCH_REUSE'] === '1';
  if (!reuse) {
    const path = mkdtempSync(join(tmpdir(), `shipwatch-bench-${name}-`));
    return { path, reused: false, markReady: () => undefined, done: () => rmSync(path, { recursive: true, force: true }) };
  }
  const path = join(tmpdir(), `shipwatch-bench-${name}-scale-${benchScale()}`);
  const ready = join(path, 'ready');
  const reused = existsSync(ready);
  if (!reused) {
    // A half-generated store from an interrupted run is no use: start over.
    rmSync(path, { recursive: true, force: true });
    mkdirSync(path, { recursive: true });
  }
  return { path, reused, markReady: () => writeFileSync(ready, `${new Date().toISOString()}\n`), done: () => undefined };
}

const GENERATE_INTO = 'BENCH_GENERATE_INTO';

/** Set in the child process that generates a store: the directory to fill. */
export function generationTarget(): string | undefined {
  return process.env[GENERATE_INTO] || undefined;
}

/**
 * Runs the benchmark script itself again as a child that only generates the store into `path`,
 * so the generator's memory (big SQLite caches, index sorts) does not count in the benchmark's
 * own peak RSS.
 */
export function generateInChild(script: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(script), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, [GENERATE_INTO]: path }, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`store generation failed (exit code ${code ?? 'none'}, signal ${signal ?? 'none'})`));
    });
  });
}

/**
 * Reads the store's files once so the measured part finds them in the page cache, as on a server
 * that uses its store all day. Without it a reused store's pages may have been dropped meanwhile
 * (this VM reclaims cold page cache), and the figures would time the disk, differently each run.
 */
export function warmStore(path: string): { mib: number; ms: number } {
  const start = performance.now();
  const buffer = Buffer.alloc(8 * 1024 * 1024);
  let bytes = 0;
  for (const name of ['shipwatch.db', 'shipwatch.db-wal']) {
    const file = join(path, name);
    if (!existsSync(file)) continue;
    const fd = openSync(file, 'r');
    try {
      for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) bytes += read;
    } finally {
      closeSync(fd);
    }
  }
  return { mib: bytes / 1024 / 1024, ms: performance.now() - start };
}
