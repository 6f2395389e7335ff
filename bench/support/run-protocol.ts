/** The lines a benchmark child prints for bench/run-all.ts to collect. */
export const RSS_PREFIX = 'BENCH_PEAK_RSS_MB ';
