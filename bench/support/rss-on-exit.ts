/**
 * Preloaded (`--import`) into every benchmark bench/run-all.ts starts: prints the process's peak
 * RSS as it exits, so scripts that print no summary of their own (detection) still get a figure.
 */
import { RSS_PREFIX } from './run-protocol.js';

process.on('exit', () => {
  process.stdout.write(`${RSS_PREFIX}${process.resourceUsage().maxRSS / 1024}\n`);
});
