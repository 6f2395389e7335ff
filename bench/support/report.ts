/**
 * What every benchmark prints: its figures, each goal as a ratio with PASS or MISS, and the
 * process's peak RSS, all from the same run. Under bench/run-all.ts the last line is a
 * machine-readable summary it collects into its table.
 */
import { performance } from 'node:perf_hooks';

export const RESULT_PREFIX = 'BENCH_RESULT ';
/** Set by run-all.ts: print the machine-readable summary line it collects. */
export const SUMMARY_LINE_ENV = 'BENCH_SUMMARY_LINE';

export interface GoalResult {
  name: string;
  /** The measured figure divided by (or, for upper bounds, against) its limit. */
  ratio: number;
  text: string;
  pass: boolean;
}

export interface BenchResult {
  bench: string;
  goals: GoalResult[];
  peakRssMb: number;
  seconds: number;
}

const startedAt = performance.now();

export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** BENCH_SCALE shrinks every data size for a quick try (0.1 → a tenth); default full size. */
export function benchScale(): number {
  const raw = process.env['BENCH_SCALE'];
  if (raw === undefined || raw === '') return 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 10) {
    throw new Error(`BENCH_SCALE must be a number in (0, 10], e.g. 0.1 for a quick try; got "${raw}"`);
  }
  return value;
}

export const scaled = (full: number, minimum = 1): number => Math.max(minimum, Math.round(full * benchScale()));

/** A positive number from the environment, or the fallback. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${raw}"`);
  return value;
}

/** Peak resident set size of this process so far (Linux reports maxRSS in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A goal the figure must reach (throughput ratios): ratio = measured / goal. */
export function atLeast(name: string, measured: number, goal: number, unit = ''): GoalResult {
  const ratio = measured / goal;
  return { name, ratio, pass: measured >= goal, text: `${name} ${fmt(measured)}${unit} (goal ≥ ${fmt(goal)}${unit})` };
}

/** A goal the figure must stay under (latency, duration, violations): ratio = measured / limit. */
export function atMost(name: string, measured: number, limit: number, unit = ''): GoalResult {
  const ratio = limit === 0 ? (measured === 0 ? 0 : Number.POSITIVE_INFINITY) : measured / limit;
  return { name, ratio, pass: measured <= limit, text: `${name} ${fmt(measured)}${unit} (goal ≤ ${fmt(limit)}${unit})` };
}

export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const places = abs >= 100 ? 0 : abs >= 10 ? 1 : digits;
  return value.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** Prints the goals and peak RSS, then the summary line run-all reads. */
export function finish(bench: string, goals: GoalResult[]): BenchResult {
  const result: BenchResult = { bench, goals, peakRssMb: peakRssMb(), seconds: (performance.now() - startedAt) / 1000 };
  out();
  for (const goal of goals) out(`${goal.pass ? 'PASS' : 'MISS'}  ${goal.text}  ratio to goal ${fmt(goal.ratio, 2)}`);
  out(`peak RSS ${fmt(result.peakRssMb)} MiB, ${fmt(result.seconds)} s in all`);
  if (process.env[SUMMARY_LINE_ENV] === '1') out(`${RESULT_PREFIX}${JSON.stringify(result)}`);
  return result;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
